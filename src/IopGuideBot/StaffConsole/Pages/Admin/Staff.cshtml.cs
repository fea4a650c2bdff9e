using IopGuideBot.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IopGuideBot.StaffConsole.Pages.Admin;

/// <summary>Admins add staff and disable or re-enable them; disabling ends their sessions at their next request.</summary>
public sealed class StaffModel(IStaffStore staff, IAuditLog audit) : PageModel
{
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    public string StaffId => User.StaffId();

    public string? Message { get; private set; }

    public bool MessageIsProblem { get; private set; }

    public async Task OnGetAsync(string? result)
    {
        (Message, MessageIsProblem) = result switch
        {
            "added" => ("Staff member added.", false),
            "disabled" => ("Account disabled; their sessions have ended.", false),
            "enabled" => ("Account enabled.", false),
            _ => ((string?)null, false),
        };
        Accounts = await staff.ListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAddAsync(string? username, string? displayName, string? role, string? password)
    {
        string? problem = null;
        if (string.IsNullOrWhiteSpace(username) || username.Length > 64 || username.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problem = "Give a username of up to 64 characters without spaces.";
        }
        else if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 100)
        {
            problem = "Give a name of up to 100 characters.";
        }
        else if (role is not (StaffRoles.Admin or StaffRoles.Specialist))
        {
            problem = "Choose a role.";
        }
        else if (password is null || password.Length < StaffCommands.MinimumPasswordLength || password.Length > 256)
        {
            problem = $"The password must have {StaffCommands.MinimumPasswordLength} to 256 characters.";
        }

        if (problem is null)
        {
            try
            {
                var added = await staff.CreateAsync(username!, displayName!, password!, role == StaffRoles.Admin ? StaffRole.Admin : StaffRole.Specialist, HttpContext.RequestAborted);
                await audit.AppendAsync(new AuditEvent(StaffId, StaffAudit.StaffAdded, Outcome: "ok", Detail: $"staff={added.Id} role={role}"), HttpContext.RequestAborted);
                return RedirectToPage(new { result = "added" });
            }
            catch (InvalidOperationException)
            {
                problem = "That username is taken.";
            }
        }

        Message = problem;
        MessageIsProblem = true;
        Accounts = await staff.ListAsync(HttpContext.RequestAborted);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string? id) => SetDisabledAsync(id, true);

    public Task<IActionResult> OnPostEnableAsync(string? id) => SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(string? id, bool disabled)
    {
        var account = string.IsNullOrEmpty(id) ? null : await staff.GetAsync(id, HttpContext.RequestAborted);
        if (account is null || account.Id == StaffId)
        {
            return BadRequest("No such staff member (and admins cannot disable themselves).");
        }

        await staff.SetDisabledAsync(account.Id, disabled, HttpContext.RequestAborted);
        await audit.AppendAsync(new AuditEvent(StaffId, disabled ? StaffAudit.StaffDisabled : StaffAudit.StaffEnabled,
            Outcome: "ok", Detail: "staff=" + account.Id), HttpContext.RequestAborted);
        return RedirectToPage(new { result = disabled ? "disabled" : "enabled" });
    }
}

using IopGuideBot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IopGuideBot.StaffConsole.Pages;

public sealed class LoginModel(IStaffStore staff, IAuditLog audit, TimeProvider time, IOptions<StaffConsoleOptions> options) : PageModel
{
    public string? Problem { get; private set; }

    public string? Username { get; private set; }

    public string ReturnUrl { get; private set; } = StaffConsoleEndpoints.BasePath;

    public bool SignedOut { get; private set; }

    public int MaxFailures => options.Value.MaxFailedSignIns;

    public int LockoutMinutes => (int)options.Value.LockoutDuration.TotalMinutes;

    public int IdleMinutes => (int)options.Value.IdleTimeout.TotalMinutes;

    public void OnGet(string? returnUrl, bool signedOut = false)
    {
        ReturnUrl = SafeReturn(returnUrl);
        SignedOut = signedOut;
    }

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturn(returnUrl);
        Username = username?.Length <= 64 ? username : null;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password) || username.Length > 64 || password.Length > 256)
        {
            Problem = "Enter your username and password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var lockout = new SignInLockout(options.Value.MaxFailedSignIns, options.Value.LockoutDuration);
        var result = await staff.SignInAsync(username, password, lockout, HttpContext.RequestAborted);
        var actor = result.Account?.Id ?? "anonymous";
        if (result.Outcome != SignInOutcome.SignedIn)
        {
            await audit.AppendAsync(new AuditEvent(actor, StaffAudit.SignIn,
                Outcome: result.Outcome == SignInOutcome.LockedOut ? "locked-out" : "failed"), HttpContext.RequestAborted);
            // The same words whether the username exists, the password is wrong or the account is locked.
            Problem = "That username and password did not work, or the account is locked for now. Try again, or ask an admin.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var principal = StaffConsoleServiceCollectionExtensions.PrincipalFor(result.Account!, time.GetUtcNow());
        await HttpContext.SignInAsync(StaffConsoleServiceCollectionExtensions.Scheme, principal,
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        await audit.AppendAsync(new AuditEvent(actor, StaffAudit.SignIn, Outcome: "ok"), HttpContext.RequestAborted);
        return LocalRedirect(ReturnUrl);
    }

    private static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 512 }
        && returnUrl.StartsWith(StaffConsoleEndpoints.BasePath, StringComparison.Ordinal)
        && !returnUrl.StartsWith(StaffConsoleEndpoints.BasePath + "/login", StringComparison.Ordinal)
        && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : StaffConsoleEndpoints.BasePath;
}

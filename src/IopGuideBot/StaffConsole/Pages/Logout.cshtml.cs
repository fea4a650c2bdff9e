using System.Security.Claims;
using IopGuideBot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IopGuideBot.StaffConsole.Pages;

public sealed class LogoutModel(IStaffStore staff, IAuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>Ends this session and every other of the account (a copied cookie stops working), and clears the browser's copy of console data.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null)
        {
            await staff.EndSessionsAsync(id, HttpContext.RequestAborted);
            await audit.AppendAsync(new AuditEvent(id, StaffAudit.SignOut, Outcome: "ok"), HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(StaffConsoleServiceCollectionExtensions.Scheme);
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return LocalRedirect(StaffConsoleEndpoints.BasePath + "/login?signedOut=true");
    }
}

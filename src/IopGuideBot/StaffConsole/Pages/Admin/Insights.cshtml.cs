using IopGuideBot.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IopGuideBot.StaffConsole.Pages.Admin;

public sealed class InsightsModel(Insights insights, IAuditLog audit) : PageModel
{
    public Insights.Report Report { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await audit.AppendAsync(new AuditEvent(User.StaffId(), StaffAudit.InsightsViewed, Outcome: "ok"), HttpContext.RequestAborted);
        Report = await insights.BuildAsync(HttpContext.RequestAborted);
    }
}

using IopGuideBot.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IopGuideBot.StaffConsole.Pages.Admin;

public sealed class AuditModel(IAuditLog audit, IStaffStore staff) : PageModel
{
    private const int PageSize = 200;

    private Dictionary<string, string> _names = [];

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? OlderBefore { get; private set; }

    public string Name(string actor) => _names.TryGetValue(actor, out var name) ? $"{name} ({actor[..Math.Min(8, actor.Length)]})" : actor;

    public async Task OnGetAsync(long? before)
    {
        await audit.AppendAsync(new AuditEvent(User.StaffId(), StaffAudit.AuditViewed, Outcome: "ok"), HttpContext.RequestAborted);
        Entries = await audit.ListAsync(new AuditQuery { BeforeId = before, Max = PageSize }, HttpContext.RequestAborted);
        OlderBefore = Entries.Count == PageSize ? Entries[^1].Id : null;
        _names = (await staff.ListAsync(HttpContext.RequestAborted)).ToDictionary(a => a.Id, a => a.DisplayName);
    }
}

using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IopGuideBot.StaffConsole.Pages;

public sealed class QueueModel(IHandoffStore handoffs, IStaffStore staff, IAuditLog audit, TimeProvider time) : PageModel
{
    private Dictionary<string, string> _names = [];

    public IReadOnlyList<HandoffRecord> Open { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? StaffName(string? id) => id is null ? null : _names.GetValueOrDefault(id, "a former staff member");

    public async Task OnGetAsync()
    {
        await LoadAsync();
        await audit.AppendAsync(new AuditEvent(User.StaffId(), StaffAudit.QueueViewed, Outcome: "ok", Detail: $"open={Open.Count}"), HttpContext.RequestAborted);
    }

    /// <summary>The rows alone, for the live update.</summary>
    public async Task<IActionResult> OnGetRowsAsync()
    {
        await LoadAsync();
        return Partial("_QueueRows", this);
    }

    private async Task LoadAsync()
    {
        Now = time.GetUtcNow();
        // The store's order: most urgent first, then the longest waiting.
        Open = await handoffs.ListOpenAsync(HttpContext.RequestAborted);
        _names = (await staff.ListAsync(HttpContext.RequestAborted)).ToDictionary(a => a.Id, a => a.DisplayName);
    }
}

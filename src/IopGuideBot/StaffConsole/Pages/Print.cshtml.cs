using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IopGuideBot.StaffConsole.Pages;

/// <summary>The transcript on its own, for paper.</summary>
public sealed class PrintModel(IHandoffStore handoffs, IAuditLog audit, TimeProvider time, Transcripts transcripts) : PageModel
{
    public HandoffRecord Handoff { get; private set; } = null!;

    public IReadOnlyList<TranscriptLine> Lines { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var found = await handoffs.GetAsync(id, HttpContext.RequestAborted);
        await audit.AppendAsync(new AuditEvent(User.StaffId(), StaffAudit.TranscriptPrinted, found?.ConversationId,
            found is null ? "not-found" : "ok", "handoff=" + (id.Length <= 64 ? id : id[..64])), HttpContext.RequestAborted);
        if (found is null)
        {
            return NotFound();
        }

        Handoff = found;
        Now = time.GetUtcNow();
        Lines = await transcripts.LinesAsync(found.ConversationId, 0, HttpContext.RequestAborted);
        return Page();
    }
}

using System.Security.Claims;
using System.Text;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.LiveChat;
using IopGuideBot.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IopGuideBot.StaffConsole.Pages;

/// <summary>One handoff: the summary first, the actions, then the whole transcript (live). Every view is audited.</summary>
public sealed class HandoffModel(
    IHandoffStore handoffs, IStaffStore staff, IAuditLog audit, TimeProvider time, Transcripts transcripts, ConsoleActions actions)
    : PageModel
{
    private static readonly Dictionary<string, (string Text, bool Problem)> Messages = new(StringComparer.Ordinal)
    {
        ["claimed"] = ("You claimed this handoff.", false),
        ["joined"] = ("You joined the chat; the bot is quiet while you are live.", false),
        ["sent"] = ("Message sent.", false),
        ["returned"] = ("The conversation is back with the bot.", false),
        ["callback"] = ("Callback scheduled.", false),
        ["noted"] = ("Note added.", false),
        ["closed"] = ("Handoff closed.", false),
        ["claimed-by-other"] = ("Someone else claimed this handoff first (or it changed since you opened it). See who has it below.", true),
        ["not-yours"] = ("Claim this handoff first.", true),
        ["closed-already"] = ("This handoff is closed.", true),
        ["conflict"] = ("Someone changed this handoff at the same moment. Look at it again and retry.", true),
        ["invalid"] = ("That was empty or too long.", true),
        ["live-chat-unavailable"] = ("Live chat is unavailable in this service.", true),
        ["not-live"] = ("Join the chat first.", true),
    };

    private Dictionary<string, string> _names = [];

    public HandoffRecord Handoff { get; private set; } = null!;

    public IReadOnlyList<TranscriptLine> Lines { get; private set; } = [];

    public long LastSequence { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string StaffId => User.StaffId();

    public bool LiveChatAvailable => actions.LiveChat is not null;

    public string? Message { get; private set; }

    public bool MessageIsProblem { get; private set; }

    public string? StaffName(string? id) => id is null ? null : _names.GetValueOrDefault(id, "A former staff member");

    public async Task<IActionResult> OnGetAsync(string id, string? result)
    {
        var found = await handoffs.GetAsync(id, HttpContext.RequestAborted);
        await audit.AppendAsync(new AuditEvent(StaffId, StaffAudit.HandoffViewed, found?.ConversationId,
            found is null ? "not-found" : "ok", "handoff=" + Bounded(id)), HttpContext.RequestAborted);
        if (found is null)
        {
            return NotFound();
        }

        Handoff = found;
        Now = time.GetUtcNow();
        _names = (await staff.ListAsync(HttpContext.RequestAborted)).ToDictionary(a => a.Id, a => a.DisplayName);
        Lines = await transcripts.LinesAsync(found.ConversationId, 0, HttpContext.RequestAborted);
        LastSequence = Lines.Count == 0 ? 0 : Lines[^1].Sequence;
        if (result is not null && Messages.TryGetValue(result, out var message))
        {
            (Message, MessageIsProblem) = message;
        }

        return Page();
    }

    /// <summary>Transcript lines after <paramref name="after"/>, for the live update.</summary>
    public async Task<IActionResult> OnGetLinesAsync(string id, long after)
    {
        var found = await handoffs.GetAsync(id, HttpContext.RequestAborted);
        if (found is null)
        {
            return NotFound();
        }

        return Partial("_TranscriptLines", await transcripts.LinesAsync(found.ConversationId, Math.Max(0, after), HttpContext.RequestAborted));
    }

    /// <summary>The Bot Framework <c>.transcript</c> file (a JSON array of the conversation's activities).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string id)
    {
        var found = await handoffs.GetAsync(id, HttpContext.RequestAborted);
        await audit.AppendAsync(new AuditEvent(StaffId, StaffAudit.TranscriptDownloaded, found?.ConversationId,
            found is null ? "not-found" : "ok", "handoff=" + Bounded(id)), HttpContext.RequestAborted);
        if (found is null)
        {
            return NotFound();
        }

        var json = await transcripts.BotFrameworkTranscriptAsync(found.ConversationId, HttpContext.RequestAborted);
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"handoff-{found.Id}.transcript");
    }

    public async Task<IActionResult> OnPostClaimAsync(string id, long version) =>
        Done(id, await actions.ClaimAsync(id, version, StaffId, HttpContext.RequestAborted), "claimed");

    public async Task<IActionResult> OnPostJoinAsync(string id) =>
        Done(id, await actions.JoinAsync(id, Me(), HttpContext.RequestAborted), "joined");

    public async Task<IActionResult> OnPostSendAsync(string id, string? text) =>
        Done(id, await actions.SendAsync(id, Me(), text, HttpContext.RequestAborted), "sent");

    public async Task<IActionResult> OnPostReturnAsync(string id) =>
        Done(id, await actions.ReturnToBotAsync(id, Me(), HttpContext.RequestAborted), "returned");

    public async Task<IActionResult> OnPostCallbackAsync(string id, string? when) =>
        Done(id, await actions.ScheduleCallbackAsync(id, StaffId, User.Identity?.Name ?? "", when, HttpContext.RequestAborted), "callback");

    public async Task<IActionResult> OnPostNoteAsync(string id, string? note) =>
        Done(id, await actions.AddNoteAsync(id, StaffId, User.Identity?.Name ?? "", note, HttpContext.RequestAborted), "noted");

    public async Task<IActionResult> OnPostCloseAsync(string id, string? outcome) =>
        Enum.TryParse<CloseOutcome>(outcome, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? Done(id, await actions.CloseAsync(id, StaffId, User.Identity?.Name ?? "", parsed, HttpContext.RequestAborted), "closed")
            : Done(id, ActionResult.Invalid, "closed");

    private Specialist Me()
    {
        var name = User.FindFirstValue(ClaimTypes.Name) ?? "";
        return new Specialist(StaffId, name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name);
    }

    private IActionResult Done(string id, ActionResult result, string success)
    {
        if (result == ActionResult.NotFound)
        {
            return NotFound();
        }

        var code = result switch
        {
            ActionResult.Done => success,
            ActionResult.ClaimedByOther => "claimed-by-other",
            ActionResult.NotYours => "not-yours",
            ActionResult.Closed => "closed-already",
            ActionResult.Invalid => "invalid",
            ActionResult.LiveChatUnavailable => "live-chat-unavailable",
            ActionResult.NotLive => "not-live",
            _ => "conflict",
        };
        return Redirect($"/staff/handoffs/{Uri.EscapeDataString(id)}?result={code}");
    }

    private static string Bounded(string id) => id.Length <= 64 ? id : id[..64];
}

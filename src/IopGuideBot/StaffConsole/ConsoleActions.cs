using System.Globalization;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.LiveChat;
using IopGuideBot.Storage;

namespace IopGuideBot.StaffConsole;

/// <summary>How a handoff ended, as staff record it when they close it.</summary>
public enum CloseOutcome
{
    Reached,
    ScheduledIntake,
    NotReached,
    ReferredElsewhere,
}

/// <summary>What became of a staff action, for the page to say.</summary>
public enum ActionResult
{
    Done,
    NotFound,

    /// <summary>Someone else claimed it first (or it changed since the page was loaded).</summary>
    ClaimedByOther,

    /// <summary>Claim it first.</summary>
    NotYours,
    Closed,
    Conflict,
    Invalid,

    /// <summary>No live chat is available in this service.</summary>
    LiveChatUnavailable,
    NotLive,
}

/// <summary>
/// What a staff member can do to a handoff, each written to the audit log with the staff id as actor and ids and fixed
/// words only as detail. Notes and callback times are PHI and go into the handoff's encrypted notes.
/// </summary>
public sealed class ConsoleActions(
    IHandoffStore handoffs, IAuditLog audit, TimeProvider time, IServiceProvider services)
{
    public const int MaxNoteLength = 2000;
    public const int MaxMessageLength = 2000;

    /// <summary>The live chat, when the service has one.</summary>
    public ILiveChat? LiveChat => services.GetService<ILiveChat>();

    public static string OutcomeName(CloseOutcome outcome) => outcome switch
    {
        CloseOutcome.Reached => "reached",
        CloseOutcome.ScheduledIntake => "scheduled-intake",
        CloseOutcome.NotReached => "not-reached",
        _ => "referred-elsewhere",
    };

    public async Task<ActionResult> ClaimAsync(string id, long version, string staffId, CancellationToken ct)
    {
        var claimed = await handoffs.TryClaimAsync(id, staffId, version, ct);
        var result = claimed is not null ? ActionResult.Done : await WhyNotAsync(id, ct);
        await AuditAsync(staffId, StaffAudit.Claimed, id, claimed?.ConversationId ?? (await handoffs.GetAsync(id, ct))?.ConversationId, result, ct);
        return result;
    }

    public Task<ActionResult> AddNoteAsync(string id, string staffId, string staffName, string? note, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(note) || note.Length > MaxNoteLength
            ? Task.FromResult(ActionResult.Invalid)
            : UpdateAsync(id, staffId, StaffAudit.NoteAdded, null, h => h with { Notes = Append(h.Notes, staffName, note.Trim()) }, ct);

    public Task<ActionResult> ScheduleCallbackAsync(string id, string staffId, string staffName, string? when, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(when) || when.Length > 200
            ? Task.FromResult(ActionResult.Invalid)
            : UpdateAsync(id, staffId, StaffAudit.CallbackScheduled, null, h => h with
            {
                Status = HandoffStatus.Callback,
                Notes = Append(h.Notes, staffName, "Callback scheduled: " + when.Trim()),
            }, ct);

    public async Task<ActionResult> CloseAsync(string id, string staffId, string staffName, CloseOutcome outcome, CancellationToken ct)
    {
        var label = outcome switch
        {
            CloseOutcome.Reached => "Closed: reached",
            CloseOutcome.ScheduledIntake => "Closed: intake scheduled",
            CloseOutcome.NotReached => "Closed: not reached",
            _ => "Closed: referred elsewhere",
        };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var handoff = await handoffs.GetAsync(id, ct);
            var problem = Check(handoff, staffId);
            if (problem != ActionResult.Done)
            {
                await AuditAsync(staffId, StaffAudit.Closed, id, handoff?.ConversationId, problem, ct);
                return problem;
            }

            var noted = await handoffs.TryUpdateAsync(handoff! with { Notes = Append(handoff!.Notes, staffName, label) }, ct);
            if (noted is not null && await handoffs.TryCloseAsync(id, noted.Version, ct) is not null)
            {
                await audit.AppendAsync(new AuditEvent(staffId, StaffAudit.Closed, handoff.ConversationId, OutcomeName(outcome), "handoff=" + id), ct);
                return ActionResult.Done;
            }
        }

        return ActionResult.Conflict;
    }

    public async Task<ActionResult> JoinAsync(string id, Specialist specialist, CancellationToken ct) =>
        await LiveAsync(id, specialist.StaffId, StaffAudit.Joined, chat => chat.JoinAsync(id, specialist, ct), ct);

    public async Task<ActionResult> SendAsync(string id, Specialist specialist, string? text, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxMessageLength
            ? ActionResult.Invalid
            : await LiveAsync(id, specialist.StaffId, StaffAudit.MessageSent, chat => chat.SendAsync(id, specialist, text.Trim(), ct), ct);

    public async Task<ActionResult> ReturnToBotAsync(string id, Specialist specialist, CancellationToken ct) =>
        await LiveAsync(id, specialist.StaffId, StaffAudit.ReturnedToBot, chat => chat.ReturnToBotAsync(id, specialist, ct), ct);

    private async Task<ActionResult> LiveAsync(
        string id, string staffId, string action, Func<ILiveChat, Task<LiveChatOutcome>> act, CancellationToken ct)
    {
        var handoff = await handoffs.GetAsync(id, ct);
        var result = LiveChat is not { } chat
            ? ActionResult.LiveChatUnavailable
            : handoff is null
                ? ActionResult.NotFound
                : await act(chat) switch
                {
                    LiveChatOutcome.Done => ActionResult.Done,
                    LiveChatOutcome.NotFound => ActionResult.NotFound,
                    LiveChatOutcome.NotYours => ActionResult.NotYours,
                    LiveChatOutcome.NotLive => ActionResult.NotLive,
                    LiveChatOutcome.Closed => ActionResult.Closed,
                    _ => ActionResult.Conflict,
                };
        await AuditAsync(staffId, action, id, handoff?.ConversationId, result, ct);
        return result;
    }

    /// <summary>Reads, changes and writes back, re-reading when someone else changed the handoff in between.</summary>
    private async Task<ActionResult> UpdateAsync(
        string id, string staffId, string action, string? outcome, Func<HandoffRecord, HandoffRecord> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var handoff = await handoffs.GetAsync(id, ct);
            var problem = Check(handoff, staffId);
            if (problem != ActionResult.Done)
            {
                await AuditAsync(staffId, action, id, handoff?.ConversationId, problem, ct);
                return problem;
            }

            if (await handoffs.TryUpdateAsync(change(handoff!), ct) is not null)
            {
                await audit.AppendAsync(new AuditEvent(staffId, action, handoff!.ConversationId, outcome ?? "ok", "handoff=" + id), ct);
                return ActionResult.Done;
            }
        }

        await AuditAsync(staffId, action, id, null, ActionResult.Conflict, ct);
        return ActionResult.Conflict;
    }

    private static ActionResult Check(HandoffRecord? handoff, string staffId) => handoff switch
    {
        null => ActionResult.NotFound,
        { IsOpen: false } => ActionResult.Closed,
        _ when handoff.ClaimedBy != staffId => ActionResult.NotYours,
        _ => ActionResult.Done,
    };

    private async Task<ActionResult> WhyNotAsync(string id, CancellationToken ct) => await handoffs.GetAsync(id, ct) switch
    {
        null => ActionResult.NotFound,
        { IsOpen: false } => ActionResult.Closed,
        _ => ActionResult.ClaimedByOther,
    };

    private string Append(string? notes, string staffName, string line)
    {
        var stamp = time.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var entry = $"[{stamp}] {staffName}: {line}";
        return string.IsNullOrEmpty(notes) ? entry : notes + "\n" + entry;
    }

    private Task AuditAsync(string staffId, string action, string id, string? conversationId, ActionResult result, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(staffId, action, conversationId, result == ActionResult.Done ? "ok" : ResultName(result), "handoff=" + id), ct);

    private static string ResultName(ActionResult result) => result switch
    {
        ActionResult.ClaimedByOther => "claimed-by-other",
        ActionResult.NotYours => "not-yours",
        ActionResult.LiveChatUnavailable => "live-chat-unavailable",
        ActionResult.NotLive => "not-live",
        _ => result.ToString().ToLowerInvariant(),
    };
}

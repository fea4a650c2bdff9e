using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Handoff;

/// <summary>
/// "Talk to a person" while the office is open: the conversation's handoff waits in the staff queue for a specialist to
/// join here, and the person is told their place in line (waiting handoffs ahead of theirs: more urgent, or as urgent
/// and older), with a callback or cancelling on offer. Outside office hours the callback request runs instead.
/// </summary>
public sealed partial class LiveChatRequests(
    IHandoffStore handoffs, ClinicContent content, ConversationState conversationState, TimeProvider time, ILogger<LiveChatRequests> logger)
{
    private readonly IStatePropertyAccessor<bool> _requested = conversationState.CreateProperty<bool>("LiveChatRequested");

    /// <summary>Whether a specialist can join now (clinic.yaml hours and time zone).</summary>
    public bool SpecialistsAvailable() => content.Clinic.IsOpen(time.GetUtcNow());

    /// <summary>Puts the conversation in the queue for a live chat (or says where it stands) and returns what to say.</summary>
    public async Task<Activity> RequestAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var conversationId = turnContext.Activity.Conversation.Id;
        var open = await HandoffRequests.OpenAsync(handoffs, conversationId, cancellationToken);
        var askedBefore = open is not null && await _requested.GetAsync(turnContext, () => false, cancellationToken);
        var record = askedBefore ? open! : await handoffs.CreateOrUpdateAsync(HandoffRequests.From(open, conversationId), cancellationToken);
        await _requested.SetAsync(turnContext, true, cancellationToken);
        var place = await PlaceInLineAsync(record, cancellationToken);
        LogRequested(logger, LogIds.Hash(conversationId), place, askedBefore);
        return LiveChatMessages.Create(
            content, askedBefore ? LiveChatMessages.StillWaiting : LiveChatMessages.Waiting,
            ("place", place.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Withdraws the person's request for a live chat, if they made one and no specialist has joined. A handoff that
    /// holds nothing else is closed; one that also carries a crisis flag, answers or contact details stays with staff.
    /// Returns what to say, or null when there was no request to withdraw.
    /// </summary>
    public async Task<Activity?> CancelAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!await _requested.GetAsync(turnContext, () => false, cancellationToken))
        {
            return null;
        }

        await _requested.SetAsync(turnContext, false, cancellationToken);
        var conversationId = turnContext.Activity.Conversation.Id;
        var open = await HandoffRequests.OpenAsync(handoffs, conversationId, cancellationToken);
        if (open is { Status: HandoffStatus.Waiting, RiskFlags.Count: 0, TriageAnswersJson: null, Contact: null })
        {
            await handoffs.TryCloseAsync(open.Id, open.Version, cancellationToken);
        }

        LogCancelled(logger, LogIds.Hash(conversationId));
        return LiveChatMessages.Create(content, LiveChatMessages.Cancelled);
    }

    /// <summary>The person chose another way (a call back): "cancel" no longer withdraws a live-chat request.</summary>
    public Task ForgetRequestAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _requested.DeleteAsync(turnContext, cancellationToken);

    /// <summary>
    /// The message telling the person their new place in line, sent unasked (a proactive turn) when the queue moved; null
    /// when it no longer applies: they did not ask for a live chat here (a questionnaire's or a crisis's handoff also
    /// waits in the queue), cancelled, chose a call back, or their handoff is no longer waiting.
    /// </summary>
    public async Task<Activity?> PlaceUpdateAsync(ITurnContext turnContext, string handoffId, int place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!await _requested.GetAsync(turnContext, () => false, cancellationToken)
            || await HandoffRequests.OpenAsync(handoffs, turnContext.Activity.Conversation.Id, cancellationToken) is not { Status: HandoffStatus.Waiting } open
            || open.Id != handoffId)
        {
            return null;
        }

        LogPlaceUpdated(logger, LogIds.Hash(open.ConversationId), place);
        return LiveChatMessages.Create(content, LiveChatMessages.PlaceUpdate, ("place", place.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>1 when no waiting handoff is ahead; a claimed one is next by definition.</summary>
    private async Task<int> PlaceInLineAsync(HandoffRecord record, CancellationToken cancellationToken)
    {
        if (record.Status is HandoffStatus.Claimed or HandoffStatus.Live)
        {
            return 1;
        }

        var queue = await handoffs.ListOpenAsync(cancellationToken);
        return PlacesInLine(queue.Where(h => h.Id != record.Id).Append(record)).GetValueOrDefault(record.Id, 1);
    }

    /// <summary>
    /// Each waiting handoff's place in line (1 = next): one plus the waiting handoffs ahead of it, more urgent or as urgent
    /// and older. Handoffs that are not waiting have no place.
    /// </summary>
    public static IReadOnlyDictionary<string, int> PlacesInLine(IEnumerable<HandoffRecord> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var waiting = open.Where(h => h.Status == HandoffStatus.Waiting).ToList();
        return waiting.ToDictionary(
            record => record.Id,
            record => 1 + waiting.Count(h => h.Id != record.Id
                && (h.Urgency < record.Urgency || (h.Urgency == record.Urgency && h.CreatedAt < record.CreatedAt))),
            StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live chat requested in conversation {ConversationHash}: place {Place} (asked before: {AskedBefore})")]
    private static partial void LogRequested(ILogger logger, string conversationHash, int place, bool askedBefore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live chat place in line updated in conversation {ConversationHash}: place {Place}")]
    private static partial void LogPlaceUpdated(ILogger logger, string conversationHash, int place);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live chat request withdrawn in conversation {ConversationHash}")]
    private static partial void LogCancelled(ILogger logger, string conversationHash);
}

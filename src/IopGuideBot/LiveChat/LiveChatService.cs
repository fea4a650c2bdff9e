using IopGuideBot.Channels;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.DirectLine;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.LiveChat;

/// <summary>
/// <see cref="ILiveChat"/> over the handoff store (status <see cref="HandoffStatus.Live"/> while a specialist chats,
/// changed only at the version read, so two instances never both win) and the conversation's own channel: a proactive
/// turn through the <see cref="ClinicCloudAdapter"/> with the stored reference for <c>/api/messages</c> channels, and
/// through the <see cref="DirectLineAdapter"/> (which appends to the activity log every open stream reads, on any
/// instance) for the website. Every message passes the turn pipeline, so it lands in the transcript in order.
/// </summary>
public sealed partial class LiveChatService(
    IHandoffStore handoffs,
    PersonDelivery delivery,
    ClinicContent content,
    ILogger<LiveChatService> logger) : ILiveChat
{
    /// <summary>Set on a specialist's message (<c>channelData.liveChat</c>) so transcripts and the console can tell it apart.</summary>
    public const string SpecialistMessageMarker = "specialist";

    public async Task<LiveChatOutcome> JoinAsync(string handoffId, Specialist specialist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specialist);
        var (handoff, refusal) = await ReadOwnAsync(handoffId, specialist, cancellationToken);
        if (refusal is { } outcome)
        {
            return outcome;
        }

        if (handoff!.Status == HandoffStatus.Live)
        {
            return LiveChatOutcome.Done; // already joined (a second click, or another tab): nothing to announce again
        }

        return await MoveAndAnnounceAsync(handoff, HandoffStatus.Live, LiveChatMessages.Joined, specialist, "joined", cancellationToken);
    }

    public async Task<LiveChatOutcome> SendAsync(string handoffId, Specialist specialist, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specialist);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var (handoff, refusal) = await ReadOwnAsync(handoffId, specialist, cancellationToken);
        if (refusal is { } outcome)
        {
            return outcome;
        }

        if (handoff!.Status != HandoffStatus.Live)
        {
            return LiveChatOutcome.NotLive;
        }

        var message = MessageFactory.Text(text);
        message.ChannelData = new JObject { ["liveChat"] = SpecialistMessageMarker };
        await delivery.DeliverAsync(handoff.ConversationId, message, cancellationToken, asSpecialist: specialist);
        LogChanged(logger, LogIds.Hash(handoff.ConversationId), "message sent");
        return LiveChatOutcome.Done;
    }

    public async Task<LiveChatOutcome> ReturnToBotAsync(string handoffId, Specialist specialist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specialist);
        var (handoff, refusal) = await ReadOwnAsync(handoffId, specialist, cancellationToken);
        if (refusal is { } outcome)
        {
            return outcome;
        }

        if (handoff!.Status != HandoffStatus.Live)
        {
            return LiveChatOutcome.NotLive;
        }

        return await MoveAndAnnounceAsync(handoff, HandoffStatus.Claimed, LiveChatMessages.Returned, specialist, "returned to the assistant", cancellationToken);
    }

    /// <summary>
    /// Moves the handoff to <paramref name="status"/> (optimistically: a concurrent change wins and this reports a
    /// conflict), then tells the person, in the specialist's name, with the message <paramref name="messageId"/>.
    /// </summary>
    private async Task<LiveChatOutcome> MoveAndAnnounceAsync(
        HandoffRecord handoff, HandoffStatus status, string messageId, Specialist specialist, string change, CancellationToken cancellationToken)
    {
        if (await handoffs.TryUpdateAsync(handoff with { Status = status }, cancellationToken) is null)
        {
            return LiveChatOutcome.Conflict;
        }

        LogChanged(logger, LogIds.Hash(handoff.ConversationId), change);
        await delivery.DeliverAsync(
            handoff.ConversationId,
            LiveChatMessages.Create(content, messageId, ("specialist", LiveChatMessages.SpecialistName(specialist.FirstName))),
            cancellationToken);
        return LiveChatOutcome.Done;
    }

    private async Task<(HandoffRecord? Handoff, LiveChatOutcome? Refusal)> ReadOwnAsync(
        string handoffId, Specialist specialist, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(handoffId) || await handoffs.GetAsync(handoffId, cancellationToken) is not { } handoff)
        {
            return (null, LiveChatOutcome.NotFound);
        }

        if (handoff.Status == HandoffStatus.Closed)
        {
            return (handoff, LiveChatOutcome.Closed);
        }

        return handoff.ClaimedBy is { } owner && string.Equals(owner, specialist.StaffId, StringComparison.Ordinal)
            ? (handoff, null)
            : (handoff, LiveChatOutcome.NotYours);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live chat in conversation {ConversationHash}: {What}")]
    private static partial void LogChanged(ILogger logger, string conversationHash, string what);

}

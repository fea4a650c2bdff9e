using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace IopGuideBot.LiveChat;

/// <summary>
/// Bot Framework's handoff protocol on every channel. When a turn starts a handoff (or makes one urgent), the turn ends
/// with a <c>handoff.initiate</c> event (<see cref="EventFactory.CreateHandoffInitiation"/>) whose context carries the
/// handoff id, urgency, for whom and the summary, and whose attachment is the conversation's transcript, so an agent hub
/// on the channel can route it. A <c>handoff.status</c> event from such a hub is acted on: accepted → a person is live
/// (the bot stays quiet), failed → the person is told and offered a call back, completed → back to the bot. A status
/// event it cannot read is accepted and ignored, as the protocol asks.
/// </summary>
public sealed partial class HandoffProtocolMiddleware(IHandoffStore handoffs, IActivityLog log, ClinicContent content, ILogger<HandoffProtocolMiddleware> logger) : IMiddleware
{
    /// <summary>At most this many messages travel in the initiation's transcript (the newest).</summary>
    public const int TranscriptLimit = 500;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Event && activity.Name == HandoffEventNames.HandoffStatus)
        {
            await OnStatusAsync(turnContext, cancellationToken);
            return;
        }

        using var announcements = HandoffTurnAnnouncements.Begin();
        await next(cancellationToken);
        foreach (var announced in announcements.Collected)
        {
            try
            {
                await InitiateAsync(turnContext, announced.Handoff, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The handoff is durable in the store and the staff queue; an agent hub missing it must not fail the turn.
                LogInitiationFailed(logger, LogIds.Hash(activity.Conversation?.Id), ex.GetType().Name);
            }
        }
    }

    private async Task InitiateAsync(ITurnContext turnContext, HandoffRecord handoff, CancellationToken cancellationToken)
    {
        var logged = await log.ReadAfterAsync(handoff.ConversationId, 0, 10_000, cancellationToken);
        var messages = logged.Select(l => l.Activity).Where(a => a.Type == ActivityTypes.Message).TakeLast(TranscriptLimit).ToList();
        var context = new
        {
            HandoffId = handoff.Id,
            Urgency = handoff.Urgency.ToString(),
            ForWhom = handoff.ForWhom.ToString(),
            handoff.Summary,
        };
        var initiation = (Activity)EventFactory.CreateHandoffInitiation(turnContext, context, new Transcript(messages));
        await turnContext.SendActivityAsync(initiation, cancellationToken);
        LogInitiated(logger, LogIds.Hash(handoff.ConversationId), handoff.Urgency, messages.Count);
    }

    private async Task OnStatusAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        var state = (turnContext.Activity.Value as JObject)?["state"]?.Type == JTokenType.String
            ? (string?)((JObject)turnContext.Activity.Value)["state"]
            : null;
        var handoff = string.IsNullOrEmpty(conversationId) ? null : await HandoffRequests.OpenAsync(handoffs, conversationId, cancellationToken);
        LogStatus(logger, LogIds.Hash(conversationId), state is "accepted" or "failed" or "completed" ? state : "unreadable", handoff is not null);
        if (handoff is null)
        {
            return;
        }

        switch (state)
        {
            case "accepted" when handoff.Status != HandoffStatus.Live:
                await handoffs.TryUpdateAsync(handoff with { Status = HandoffStatus.Live }, cancellationToken);
                break;
            case "completed" when handoff.Status == HandoffStatus.Live:
                if (await handoffs.TryUpdateAsync(handoff with { Status = HandoffStatus.Claimed }, cancellationToken) is not null)
                {
                    await turnContext.SendActivityAsync(LiveChatMessages.Create(content, LiveChatMessages.Ended), cancellationToken);
                }

                break;
            case "failed":
                if (handoff.Status == HandoffStatus.Live)
                {
                    await handoffs.TryUpdateAsync(handoff with { Status = HandoffStatus.Waiting }, cancellationToken);
                }

                await turnContext.SendActivityAsync(LiveChatMessages.Create(content, LiveChatMessages.Unavailable), cancellationToken);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "handoff.initiate sent for conversation {ConversationHash}: {Urgency}, {MessageCount} messages in the transcript")]
    private static partial void LogInitiated(ILogger logger, string conversationHash, HandoffUrgency urgency, int messageCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "handoff.initiate not sent for conversation {ConversationHash}: {ExceptionType}")]
    private static partial void LogInitiationFailed(ILogger logger, string conversationHash, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "handoff.status {State} for conversation {ConversationHash} (open handoff: {HasHandoff})")]
    private static partial void LogStatus(ILogger logger, string conversationHash, string state, bool hasHandoff);
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IopGuideBot.Storage;

/// <summary>
/// Writes the incoming activity to the <see cref="IActivityLog"/> before the bot sees it, and each outgoing activity
/// after the channel accepted it, awaiting every append. Unlike <see cref="TranscriptLoggerMiddleware"/> (which flushes
/// in the background and may drop or reorder entries under load), a turn does not finish before its activities are
/// durably logged, in conversation order. A failed append fails the turn rather than losing a transcript line.
/// </summary>
public sealed class ActivityLogMiddleware : IMiddleware
{
    private static readonly JsonSerializerSettings CloneSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>
    /// Turn state set (to <c>true</c>) by an adapter whose delivery is itself an append to this log (the website's
    /// Direct Line adapter commits the incoming activity before the turn and each reply as it sends it, same ids): the
    /// middleware then has nothing to add. Appending again was idempotent but cost a write transaction and a JSON clone
    /// per activity on every website turn.
    /// </summary>
    public const string AdapterLogsTurnKey = "IopGuideBot.ActivityLog.AdapterLogsTurn";

    private readonly IActivityLog _log;

    public ActivityLogMiddleware(IActivityLog log)
    {
        _log = log;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.TurnState.Get<object>(AdapterLogsTurnKey) is true)
        {
            await next(cancellationToken);
            return;
        }

        if (turnContext.Activity is { Conversation.Id: { Length: > 0 } conversationId } incoming && !IsContinuation(incoming))
        {
            var copy = Clone(incoming);
            if (copy.From is not null && string.IsNullOrEmpty(copy.From.Role))
            {
                copy.From.Role = RoleTypes.User;
            }

            await _log.AppendAsync(conversationId, copy, cancellationToken);
        }

        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var responses = await nextSend();
            for (var i = 0; i < activities.Count; i++)
            {
                if (activities[i].Type == ActivityTypes.Trace || activities[i].Conversation?.Id is not { Length: > 0 } id)
                {
                    continue;
                }

                var copy = Clone(activities[i]);
                if (string.IsNullOrEmpty(copy.Id))
                {
                    copy.Id = responses is not null && i < responses.Length ? responses[i]?.Id : null;
                }

                copy.Timestamp ??= DateTimeOffset.UtcNow;
                await _log.AppendAsync(id, copy, cancellationToken);
            }

            return responses;
        });

        await next(cancellationToken);
    }

    /// <summary>
    /// The event an adapter makes for itself to run a proactive turn (a specialist's message, for one): nobody said it,
    /// so it is no part of the transcript; what the turn sends is.
    /// </summary>
    private static bool IsContinuation(Activity activity) =>
        activity.Type == ActivityTypes.Event && activity.Name == ActivityEventNames.ContinueConversation;

    private static Activity Clone(IActivity activity) =>
        JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity, CloneSettings), CloneSettings)!;
}

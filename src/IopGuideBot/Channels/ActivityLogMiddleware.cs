using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace IopGuideBot.Channels;

/// <summary>
/// Writes every activity of a turn to the conversation's durable log: the incoming one <b>before</b> the bot runs, each
/// reply as it is sent.
/// </summary>
/// <remarks>
/// Bot Builder's <c>TranscriptLoggerMiddleware</c> logs at the end of the turn and does not await every write, so an
/// activity we acknowledged with 200 could be missing after a crash. Here the channel's 2xx comes only after the
/// incoming activity is committed (the log is idempotent by activity id, so a channel's retry is stored once).
/// </remarks>
public sealed class ActivityLogMiddleware(IActivityLog log) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            await next(cancellationToken);
            return;
        }

        await log.AppendAsync(conversationId, turnContext.Activity, cancellationToken);

        turnContext.OnSendActivities(async (context, activities, sendNext) =>
        {
            var responses = await sendNext();
            for (var i = 0; i < activities.Count; i++)
            {
                var sent = activities[i];
                if (sent.Type == ActivityTypes.Trace)
                {
                    continue;
                }

                // The channel assigns reply ids; keep them so the log and the channel agree.
                sent.Id ??= i < responses.Length ? responses[i]?.Id : null;
                if (string.IsNullOrEmpty(sent.Id))
                {
                    sent.Id = null;
                }

                sent.Timestamp ??= DateTimeOffset.UtcNow;
                await log.AppendAsync(conversationId, sent, CancellationToken.None);
            }

            return responses;
        });

        await next(cancellationToken);
    }
}

using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace IopGuideBot.Turns;

/// <summary>
/// When another instance saved the conversation's state during this turn (the save fails its ETag check), re-reads the
/// state and runs the rest of the turn again, so the message is answered against what the other turn decided. The
/// failed attempt's replies were held and are dropped, so the person sees one consistent answer.
/// </summary>
/// <remarks>Sits after the activity log (the message is logged once) and before the safety check and the bot.</remarks>
public sealed partial class StateConflictRetryMiddleware(
    ConversationState conversationState,
    UserState userState,
    ClinicMetrics metrics,
    ILogger<StateConflictRetryMiddleware> logger) : IMiddleware
{
    /// <summary>Attempts per turn; past them the conflict fails the turn (counted and apologised for).</summary>
    public const int MaxAttempts = 4;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(cancellationToken);
                return;
            }
            catch (Exception ex) when (StateConflicts.IsConflict(ex) && attempt < MaxAttempts)
            {
                metrics.StateConflict();
                LogConflict(logger, LogIds.Hash(turnContext.Activity.Conversation?.Id), attempt);
                TurnReplies.Of(turnContext)?.Discard();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25 * attempt)), cancellationToken);
                await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
                await userState.LoadAsync(turnContext, force: true, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "State of conversation {ConversationHash} changed on another instance during the turn; running it again (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, string conversationHash, int attempt);
}

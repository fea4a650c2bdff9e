using System.Collections.Concurrent;
using System.Diagnostics;
using IopGuideBot.Conversation.Diagnostics;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace IopGuideBot.Turns;

/// <summary>
/// First in every adapter's pipeline: runs the turns of one conversation one at a time on this instance, holds the
/// turn's replies until the turn (and its state save) is done, then sends them in order, and counts every turn, its
/// latency and its failure. Another instance's turn of the same conversation is caught by the state's ETag check
/// instead (<see cref="StateConflictRetryMiddleware"/>).
/// </summary>
/// <remarks>
/// Without this, "yes" and "no" sent together to "Are you 18 or older?" both ran against the same saved question and
/// were both answered. Holding replies is what makes a re-run after a conflict invisible: the person never sees the
/// answer of an attempt whose state was not saved.
/// </remarks>
public sealed partial class ConversationTurnGate(ClinicMetrics metrics, ILogger<ConversationTurnGate> logger) : IMiddleware
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Conversations with a turn running or waiting (a lane is dropped when its last turn leaves).</summary>
    internal int ActiveConversations => _lanes.Count;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var key = $"{activity.ChannelId}\n{activity.Conversation?.Id}";
        var lane = Enter(key);
        try
        {
            await lane.Turn.WaitAsync(cancellationToken);
            try
            {
                await RunAsync(turnContext, next, cancellationToken);
            }
            finally
            {
                lane.Turn.Release();
            }
        }
        finally
        {
            Leave(key, lane);
        }
    }

    private async Task RunAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var replies = TurnReplies.HoldFor(turnContext);
        var failed = false;
        try
        {
            await next(cancellationToken);
            await replies.ReleaseAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            failed = true;
            metrics.TurnFailed(ex);
            LogTurnFailed(logger, LogIds.Hash(turnContext.Activity.Conversation?.Id), turnContext.Activity.Type,
                ex.GetType().FullName, ex.TargetSite?.DeclaringType?.FullName);

            // What the bot said before it failed still reaches the person, ahead of the apology.
            await replies.ReleaseAfterFailureAsync();
            throw;
        }
        finally
        {
            replies.Close();
            metrics.TurnCompleted(turnContext.Activity.Type, Stopwatch.GetElapsedTime(started), failed);
        }
    }

    private Lane Enter(string key)
    {
        while (true)
        {
            var lane = _lanes.GetOrAdd(key, _ => new Lane());
            lock (lane)
            {
                if (!lane.Retired)
                {
                    lane.Users++;
                    return lane;
                }
            }
        }
    }

    private void Leave(string key, Lane lane)
    {
        lock (lane)
        {
            if (--lane.Users == 0)
            {
                lane.Retired = true;
                _lanes.TryRemove(new KeyValuePair<string, Lane>(key, lane));
            }
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Turn failed in conversation {ConversationHash} ({ActivityType}): {ExceptionType} at {Site}")]
    private static partial void LogTurnFailed(ILogger logger, string conversationHash, string? activityType, string? exceptionType, string? site);
}

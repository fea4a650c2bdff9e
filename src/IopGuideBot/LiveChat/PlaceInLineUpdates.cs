using System.Threading.Channels;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.LiveChat;

/// <summary>A person waiting for a live chat whose place in line changed.</summary>
public sealed record PlaceInLineUpdate(string ConversationId, string HandoffId, int Place);

/// <summary>
/// "The place in line, updated while they wait": when a handoff write on this instance moves the queue (one ahead is
/// claimed, closed, cancelled, returned to waiting or made more urgent), each other waiting handoff whose place changed
/// is queued here, and a background loop tells its person, in a proactive turn on their channel, if they asked for a
/// live chat and still wait (<see cref="LiveChatRequests.PlaceUpdateAsync"/>). The change is computed from the queue as
/// this instance read it before its own write, with only that write applied, so with several instances each movement is
/// announced once, by the instance that caused it. Deliveries run one at a time, so a person's updates arrive in order.
/// </summary>
public sealed partial class PlaceInLineUpdates(
    IServiceProvider services, ILogger<PlaceInLineUpdates> logger) : BackgroundService
{
    private readonly Channel<PlaceInLineUpdate> _queue = Channel.CreateBounded<PlaceInLineUpdate>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>
    /// Queues an update for every waiting handoff (other than <paramref name="written"/>, whose person is answered in their
    /// own turn or by the console) whose place differs between <paramref name="before"/> (the open handoffs read before the
    /// write) and the same queue with <paramref name="written"/> applied.
    /// </summary>
    public void QueueMoved(IReadOnlyList<HandoffRecord> before, HandoffRecord written)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(written);
        var after = before.Where(h => h.Id != written.Id);
        if (written.IsOpen)
        {
            after = after.Append(written);
        }

        var placesBefore = LiveChatRequests.PlacesInLine(before);
        foreach (var (id, place) in LiveChatRequests.PlacesInLine(after))
        {
            if (id != written.Id && placesBefore.TryGetValue(id, out var previous) && previous != place)
            {
                _queue.Writer.TryWrite(new PlaceInLineUpdate(before.First(h => h.Id == id).ConversationId, id, place));
            }
        }
    }

    /// <summary>Whether a write from <paramref name="before"/> to <paramref name="after"/> can change anyone else's place.</summary>
    public static bool CanMove(HandoffRecord? before, HandoffStatus afterStatus, HandoffUrgency afterUrgency) =>
        before is null
            ? afterStatus == HandoffStatus.Waiting && afterUrgency != HandoffUrgency.Routine // a new routine request joins at the end
            : (before.Status == HandoffStatus.Waiting || afterStatus == HandoffStatus.Waiting)
                && (before.Status != afterStatus || before.Urgency != afterUrgency);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: both read the handoff store, which feeds this queue.
        var delivery = services.GetRequiredService<PersonDelivery>();
        var requests = services.GetRequiredService<LiveChatRequests>();
        await foreach (var update in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var reached = await delivery.ContinueAsync(update.ConversationId, async (turn, token) =>
                {
                    if (await requests.PlaceUpdateAsync(turn, update.HandoffId, update.Place, token) is { } message)
                    {
                        await turn.SendActivityAsync(message, token);
                    }
                }, stoppingToken);
                if (!reached)
                {
                    LogUnreachable(logger, LogIds.Hash(update.ConversationId));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A hint, not a promise: the person still has their place, and the next movement tells them again.
                LogFailed(logger, LogIds.Hash(update.ConversationId), ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Place in line update for conversation {ConversationHash} not sent: no channel reference")]
    private static partial void LogUnreachable(ILogger logger, string conversationHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Place in line update for conversation {ConversationHash} failed: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string conversationHash, string exceptionType);
}

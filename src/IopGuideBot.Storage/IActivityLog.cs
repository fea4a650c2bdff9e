using Microsoft.Bot.Schema;

namespace IopGuideBot.Storage;

/// <summary>One activity of a conversation with its position in that conversation (1, 2, 3, … without gaps).</summary>
public sealed record LoggedActivity(long Sequence, Activity Activity);

/// <summary>One activity of a conversation as stored: its JSON as the Bot Framework writes it (null members left out).</summary>
public sealed record LoggedActivityJson(long Sequence, string Json);

/// <summary>
/// The durable, ordered log of every activity in a conversation. It serves Direct Line polling (the watermark is the
/// sequence), the handoff transcript and the staff console. Activity content is encrypted at rest.
/// </summary>
public interface IActivityLog
{
    /// <summary>
    /// Stores the activity and returns its sequence in the conversation. Idempotent by activity id: appending an id that
    /// is already stored returns the first sequence and stores nothing. An activity without an id gets a new one
    /// (written back to <paramref name="activity"/>). The activity is committed durably before this returns.
    /// </summary>
    Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Activities with sequence greater than <paramref name="watermark"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<LoggedActivity>> ReadAfterAsync(
        string conversationId, long watermark, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ReadAfterAsync"/>, each activity's stored JSON without parsing it: what a channel that only passes
    /// activities on (Direct Line) needs, at a fraction of the cost.
    /// </summary>
    Task<IReadOnlyList<LoggedActivityJson>> ReadJsonAfterAsync(
        string conversationId, long watermark, int max, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence in the conversation, 0 when it has none.</summary>
    Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken = default);
}

public enum StorageChangeKind
{
    /// <summary>An activity was appended; <see cref="StorageChange.Sequence"/> is its sequence.</summary>
    Activity,

    /// <summary>A handoff of the conversation was created or changed.</summary>
    Handoff,

    /// <summary>Notifications may have been missed (the database connection was re-established): re-read.</summary>
    Resync,
}

/// <summary>A change committed by any service instance. Carries ids only, never content.</summary>
public sealed record StorageChange(StorageChangeKind Kind, string ConversationId, long Sequence);

/// <summary>
/// Change notifications from every service instance: PostgreSQL LISTEN/NOTIFY when on PostgreSQL, in-process for SQLite.
/// Notifications are hints to re-read (by watermark), not a delivery guarantee; a <see cref="StorageChangeKind.Resync"/>
/// change tells subscribers that some may have been missed.
/// </summary>
public interface IActivityNotifications
{
    /// <summary>
    /// Subscribes to changes of one conversation, or of all conversations when <paramref name="conversationId"/> is null
    /// (the staff queue). Once the returned task completes, every change committed afterwards is delivered. Handlers run
    /// on a notification thread and must be quick (e.g. write to a channel).
    /// </summary>
    Task<IDisposable> SubscribeAsync(
        string? conversationId, Action<StorageChange> onChange, CancellationToken cancellationToken = default);
}

namespace IopGuideBot.Conversation.Handoff;

/// <summary>
/// The durable staff queue: one open handoff per conversation. Defined here, beside the conversation that fills it;
/// IopGuideBot.Storage implements it over SQLite and PostgreSQL.
/// </summary>
public interface IHandoffStore
{
    /// <summary>
    /// Creates the conversation's open handoff (status <see cref="HandoffStatus.Waiting"/>) or, when one is open, replaces
    /// its urgency, for-whom, risk flags, summary, answers and contact (status, claim and notes are kept). A conversation
    /// has at most one open handoff, across all instances.
    /// </summary>
    Task<HandoffRecord> CreateOrUpdateAsync(HandoffRequest request, CancellationToken cancellationToken = default);

    Task<HandoffRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The conversation's open handoff, or else its most recent closed one.</summary>
    Task<HandoffRecord?> GetByConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Open handoffs, most urgent first, then oldest first.</summary>
    Task<IReadOnlyList<HandoffRecord>> ListOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a waiting (or callback) handoff for a staff member if it is still at <paramref name="expectedVersion"/>.
    /// Returns the claimed record, or null when someone else changed or claimed it first.
    /// </summary>
    Task<HandoffRecord?> TryClaimAsync(
        string id, string staffId, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes status, urgency, for-whom, claimed-by, risk flags, summary, answers, contact and notes from
    /// <paramref name="record"/> if the stored version still equals <c>record.Version</c>. Returns the stored record
    /// (with the new version), or null on a concurrency conflict.
    /// </summary>
    Task<HandoffRecord?> TryUpdateAsync(HandoffRecord record, CancellationToken cancellationToken = default);

    /// <summary>Closes the handoff if it is at <paramref name="expectedVersion"/>; null on conflict.</summary>
    Task<HandoffRecord?> TryCloseAsync(string id, long expectedVersion, CancellationToken cancellationToken = default);
}

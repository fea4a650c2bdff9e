namespace IopGuideBot.Storage;

public enum HandoffStatus
{
    Waiting,
    Claimed,
    Live,
    Callback,
    Closed,
}

/// <summary>Queue order: lower values are served first.</summary>
public enum HandoffUrgency
{
    Urgent = 0,
    Soon = 1,
    Routine = 2,
}

public enum HandoffForWhom
{
    Self,
    FamilyMember,
    Unknown,
}

/// <summary>How the person wants to be reached (PHI: stored encrypted).</summary>
public sealed record HandoffContact
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? BestTime { get; init; }
    public bool? VoicemailOk { get; init; }
    public bool? TextsOk { get; init; }
}

/// <summary>What the bot knows when it asks for (or updates) a handoff for a conversation.</summary>
public sealed record HandoffRequest
{
    public required string ConversationId { get; init; }
    public HandoffUrgency Urgency { get; init; } = HandoffUrgency.Routine;
    public HandoffForWhom ForWhom { get; init; } = HandoffForWhom.Unknown;

    /// <summary>E.g. <c>crisis:suicide</c>. Sensitive, so stored encrypted with the other PHI.</summary>
    public IReadOnlyList<string> RiskFlags { get; init; } = [];
    public string? Summary { get; init; }
    public string? TriageAnswersJson { get; init; }
    public HandoffContact? Contact { get; init; }
}

/// <summary>
/// A warm handoff to clinic staff. Status, urgency, who it is for, the claiming staff id and timestamps are stored in
/// clear for the queue; risk flags, summary, triage answers, contact and notes are encrypted. <see cref="Version"/>
/// increases on every change and is the optimistic-concurrency token for updates.
/// </summary>
public sealed record HandoffRecord
{
    public required string Id { get; init; }
    public required string ConversationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public HandoffStatus Status { get; init; }
    public HandoffUrgency Urgency { get; init; }
    public HandoffForWhom ForWhom { get; init; }
    public IReadOnlyList<string> RiskFlags { get; init; } = [];
    public string? Summary { get; init; }
    public string? TriageAnswersJson { get; init; }
    public HandoffContact? Contact { get; init; }

    /// <summary>Staff notes (PHI, encrypted).</summary>
    public string? Notes { get; init; }

    /// <summary>Staff account id that claimed it.</summary>
    public string? ClaimedBy { get; init; }
    public long Version { get; init; }

    /// <summary>True once retention removed the PHI of this closed handoff; the PHI fields are then empty.</summary>
    public bool PhiPurged { get; init; }

    public bool IsOpen => Status != HandoffStatus.Closed;
}

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

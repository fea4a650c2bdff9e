namespace IopGuideBot.Storage;

/// <summary>
/// Something a person or the system did. Never put message text, names, phone numbers or e-mail addresses in
/// <see cref="Detail"/>: the audit log is not encrypted so that it stays reviewable.
/// </summary>
public sealed record AuditEvent(
    string Actor, string Action, string? ConversationId = null, string? Outcome = null, string? Detail = null);

public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Actor, string Action, string? ConversationId, string? Outcome, string? Detail);

/// <summary>Filters for <see cref="IAuditLog.ListAsync"/>; entries come newest first.</summary>
public sealed record AuditQuery
{
    public string? ConversationId { get; init; }
    public string? Actor { get; init; }

    /// <summary>Only entries with an id lower than this (paging backwards); null for the newest.</summary>
    public long? BeforeId { get; init; }
    public int Max { get; init; } = 100;
}

/// <summary>Append-only audit trail: the database refuses UPDATE and DELETE on it.</summary>
public interface IAuditLog
{
    Task<long> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery? query = null, CancellationToken cancellationToken = default);
}

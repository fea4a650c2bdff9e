using IopGuideBot.Storage.Database;

namespace IopGuideBot.Storage;

/// <summary>Append-only audit trail in the database (triggers refuse UPDATE and DELETE of its rows).</summary>
public sealed class SqlAuditLog : IAuditLog
{
    private readonly StorageDatabase _db;
    private readonly TimeProvider _time;

    internal SqlAuditLog(StorageDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    public async Task<long> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrEmpty(auditEvent.Actor);
        ArgumentException.ThrowIfNullOrEmpty(auditEvent.Action);
        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
                INSERT INTO audit_log (at, actor, action, conversation_id, outcome, detail)
                VALUES (@t, @a, @x, @c, @o, @d)
                RETURNING id
                """)
            .With("@t", Sql.ToUnixMs(_time.GetUtcNow()))
            .With("@a", auditEvent.Actor)
            .With("@x", auditEvent.Action)
            .With("@c", auditEvent.ConversationId)
            .With("@o", auditEvent.Outcome)
            .With("@d", auditEvent.Detail);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AuditQuery();
        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
                SELECT id, at, actor, action, conversation_id, outcome, detail FROM audit_log
                WHERE (@c IS NULL OR conversation_id = @c)
                  AND (@a IS NULL OR actor = @a)
                  AND (@b IS NULL OR id < CAST(@b AS BIGINT))
                ORDER BY id DESC
                LIMIT @max
                """)
            .With("@c", query.ConversationId)
            .With("@a", query.Actor)
            .With("@b", query.BeforeId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("@max", Math.Clamp(query.Max, 1, 10_000));
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AuditEntry>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new AuditEntry(r.GetInt64(0), Sql.FromUnixMs(r.GetInt64(1)), r.GetString(2), r.GetString(3),
                r.GetNullableString(4), r.GetNullableString(5), r.GetNullableString(6)));
        }

        return list;
    }
}

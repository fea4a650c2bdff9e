using System.Data.Common;
using System.Text.Json;
using IopGuideBot.Storage.Database;
using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Storage;

/// <summary>
/// <see cref="IHandoffStore"/> over SQLite or PostgreSQL. Every change is a compare-and-set on <c>version</c>
/// (<c>UPDATE … WHERE id = @id AND version = @v</c>), which both databases evaluate atomically against the latest row,
/// so of two staff claiming at once exactly one wins on any number of instances. A partial unique index keeps at most one
/// open handoff per conversation.
/// </summary>
public sealed class SqlHandoffStore : IHandoffStore
{
    private const string Columns =
        "id, conversation_id, created_at, updated_at, status, urgency, for_whom, claimed_by, version, phi, phi_purged_at";

    private static readonly JsonSerializerOptions PhiJson = new(JsonSerializerDefaults.Web);

    private readonly StorageDatabase _db;
    private readonly PhiProtector _phi;
    private readonly TimeProvider _time;

    internal SqlHandoffStore(StorageDatabase db, PhiProtector phi, TimeProvider time)
    {
        _db = db;
        _phi = phi;
        _time = time;
    }

    public async Task<HandoffRecord> CreateOrUpdateAsync(HandoffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ConversationId);
        await _db.EnsureMigratedAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _db.RetryAsync(() => CreateOrUpdateOnceAsync(request, cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (attempt < 5 && _db.IsUniqueViolation(ex))
            {
                // Another instance created the conversation's open handoff at the same moment: update that one.
            }
        }
    }

    private async Task<HandoffRecord> CreateOrUpdateOnceAsync(HandoffRequest request, CancellationToken ct)
    {
        var now = Sql.ToUnixMs(_time.GetUtcNow());
        await using var connection = await _db.OpenConnectionAsync(ct);
        await using var tx = await _db.BeginWriteAsync(connection, ct);

        HandoffRecord? open;
        var forUpdate = _db.Provider == StorageProvider.Postgres ? " FOR UPDATE" : string.Empty;
        await using (var find = Sql.Command(connection, tx,
                         $"SELECT {Columns} FROM handoffs WHERE conversation_id = @c AND status <> 'Closed'{forUpdate}")
                     .With("@c", request.ConversationId))
        {
            open = await ReadOneAsync(find, ct);
        }

        DbCommand write;
        if (open is null)
        {
            write = Sql.Command(connection, tx, $"""
                    INSERT INTO handoffs (id, conversation_id, created_at, updated_at, status, urgency, for_whom, claimed_by, version, phi)
                    VALUES (@id, @c, @t, @t, 'Waiting', @u, @f, NULL, 1, @phi)
                    RETURNING {Columns}
                    """)
                .With("@id", Guid.NewGuid().ToString("N"))
                .With("@c", request.ConversationId)
                .With("@phi", ProtectPhi(new Phi(request.RiskFlags, request.Summary, request.TriageAnswersJson, request.Contact, null)));
        }
        else
        {
            write = Sql.Command(connection, tx, $"""
                    UPDATE handoffs SET urgency = @u, for_whom = @f, phi = @phi, version = version + 1, updated_at = @t
                    WHERE id = @id
                    RETURNING {Columns}
                    """)
                .With("@id", open.Id)
                .With("@phi", ProtectPhi(new Phi(request.RiskFlags, request.Summary, request.TriageAnswersJson, request.Contact, open.Notes)));
        }

        HandoffRecord saved;
        await using (write)
        {
            write.With("@t", now).With("@u", (int)request.Urgency).With("@f", request.ForWhom.ToString());
            saved = (await ReadOneAsync(write, ct))!;
        }

        return await CommitAsync(connection, tx, saved, ct);
    }

    public async Task<HandoffRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return await QueryOneAsync($"SELECT {Columns} FROM handoffs WHERE id = @id", ("@id", id), cancellationToken);
    }

    public async Task<HandoffRecord?> GetByConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return await QueryOneAsync($"""
                SELECT {Columns} FROM handoffs WHERE conversation_id = @c
                ORDER BY CASE WHEN status = 'Closed' THEN 1 ELSE 0 END, created_at DESC, id
                LIMIT 1
                """, ("@c", conversationId), cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffRecord>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            $"SELECT {Columns} FROM handoffs WHERE status <> 'Closed' ORDER BY urgency, created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<HandoffRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Map(reader));
        }

        return list;
    }

    /// <summary>Handoffs created at or after <paramref name="since"/>, oldest first (for statistics).</summary>
    internal async Task<IReadOnlyList<HandoffRecord>> ListCreatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            $"SELECT {Columns} FROM handoffs WHERE created_at >= @t ORDER BY created_at, id").With("@t", Sql.ToUnixMs(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<HandoffRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Map(reader));
        }

        return list;
    }

    public Task<HandoffRecord?> TryClaimAsync(
        string id, string staffId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(staffId);
        return CompareAndSetAsync($"""
                UPDATE handoffs SET status = 'Claimed', claimed_by = @s, version = version + 1, updated_at = @t
                WHERE id = @id AND version = @v AND status IN ('Waiting', 'Callback')
                RETURNING {Columns}
                """, c => c.With("@id", id).With("@v", expectedVersion).With("@s", staffId), cancellationToken);
    }

    public Task<HandoffRecord?> TryUpdateAsync(HandoffRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CompareAndSetAsync($"""
                UPDATE handoffs SET status = @st, urgency = @u, for_whom = @f, claimed_by = @s, phi = @phi,
                    version = version + 1, updated_at = @t
                WHERE id = @id AND version = @v
                RETURNING {Columns}
                """, c => c
            .With("@id", record.Id)
            .With("@v", record.Version)
            .With("@st", record.Status.ToString())
            .With("@u", (int)record.Urgency)
            .With("@f", record.ForWhom.ToString())
            .With("@s", record.ClaimedBy)
            .With("@phi", record.PhiPurged
                ? null
                : ProtectPhi(new Phi(record.RiskFlags, record.Summary, record.TriageAnswersJson, record.Contact, record.Notes))),
            cancellationToken);
    }

    public Task<HandoffRecord?> TryCloseAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return CompareAndSetAsync($"""
                UPDATE handoffs SET status = 'Closed', version = version + 1, updated_at = @t
                WHERE id = @id AND version = @v AND status <> 'Closed'
                RETURNING {Columns}
                """, c => c.With("@id", id).With("@v", expectedVersion), cancellationToken);
    }

    private async Task<HandoffRecord?> CompareAndSetAsync(string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        await _db.EnsureMigratedAsync(ct);
        return await _db.RetryAsync(async () =>
        {
            await using var connection = await _db.OpenConnectionAsync(ct);
            await using var tx = await _db.BeginWriteAsync(connection, ct);
            HandoffRecord? saved;
            await using (var command = Sql.Command(connection, tx, sql))
            {
                bind(command);
                command.With("@t", Sql.ToUnixMs(_time.GetUtcNow()));
                saved = await ReadOneAsync(command, ct);
            }

            if (saved is null)
            {
                await tx.RollbackAsync(ct);
                return null;
            }

            return await CommitAsync(connection, tx, saved, ct);
        }, ct);
    }

    private async Task<HandoffRecord> CommitAsync(DbConnection connection, DbTransaction tx, HandoffRecord saved, CancellationToken ct)
    {
        var change = new StorageChange(StorageChangeKind.Handoff, saved.ConversationId, saved.Version);
        await _db.NotifyInTransactionAsync(connection, tx, change, ct);
        await tx.CommitAsync(ct);
        _db.AfterCommit(change);
        return saved;
    }

    private async Task<HandoffRecord?> QueryOneAsync(string sql, (string Name, string Value) parameter, CancellationToken ct)
    {
        await _db.EnsureMigratedAsync(ct);
        await using var connection = await _db.OpenConnectionAsync(ct);
        await using var command = Sql.Command(connection, null, sql).With(parameter.Name, parameter.Value);
        return await ReadOneAsync(command, ct);
    }

    private async Task<HandoffRecord?> ReadOneAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    private HandoffRecord Map(DbDataReader r)
    {
        var protectedPhi = r.GetNullableBytes(9);
        var phi = protectedPhi is null
            ? new Phi([], null, null, null, null)
            : JsonSerializer.Deserialize<Phi>(_phi.Unprotect(protectedPhi), PhiJson)!;
        return new HandoffRecord
        {
            Id = r.GetString(0),
            ConversationId = r.GetString(1),
            CreatedAt = Sql.FromUnixMs(r.GetInt64(2)),
            UpdatedAt = Sql.FromUnixMs(r.GetInt64(3)),
            Status = Enum.Parse<HandoffStatus>(r.GetString(4)),
            Urgency = (HandoffUrgency)r.GetInt32(5),
            ForWhom = Enum.Parse<InquiryFor>(r.GetString(6)),
            ClaimedBy = r.GetNullableString(7),
            Version = r.GetInt64(8),
            RiskFlags = phi.RiskFlags ?? [],
            Summary = phi.Summary,
            TriageAnswersJson = phi.TriageAnswersJson,
            Contact = phi.Contact,
            Notes = phi.Notes,
            PhiPurged = !r.IsDBNull(10),
        };
    }

    // The one door for PHI into the database, so every writer (bot, staff console, migrations) gets the same bounds.
    private byte[] ProtectPhi(Phi phi) => _phi.Protect(JsonSerializer.Serialize(Bounded(phi), PhiJson));

    private static Phi Bounded(Phi phi) => new(
        phi.RiskFlags?.Take(StoredText.MaxRiskFlags).Select(flag => StoredText.Bound(flag, StoredText.MaxShortAnswer)!).ToList(),
        StoredText.Bound(phi.Summary, StoredText.MaxSummary),
        StoredText.BoundJsonStrings(phi.TriageAnswersJson, StoredText.MaxAnswer),
        phi.Contact is { } contact
            ? contact with
            {
                Name = StoredText.Bound(contact.Name, StoredText.MaxName),
                Phone = StoredText.Bound(contact.Phone, StoredText.MaxPhone),
                Email = StoredText.Bound(contact.Email, StoredText.MaxEmail),
                BestTime = StoredText.Bound(contact.BestTime, StoredText.MaxShortAnswer),
            }
            : null,
        StoredText.Bound(phi.Notes, StoredText.MaxNotes));

    /// <summary>The encrypted part of a handoff; add PHI fields here (no migration needed).</summary>
    private sealed record Phi(
        IReadOnlyList<string>? RiskFlags, string? Summary, string? TriageAnswersJson, HandoffContact? Contact, string? Notes);
}

using IopGuideBot.Storage.Database;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IopGuideBot.Storage;

/// <summary>
/// <see cref="IActivityLog"/> over SQLite or PostgreSQL. The whole activity is stored as encrypted JSON; only the
/// conversation id, sequence, activity id, time, type and sender role are in clear.
/// </summary>
/// <remarks>
/// Sequences are gapless and in commit order because each append first bumps the conversation's counter row
/// (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>), which holds that row's lock (PostgreSQL) or the database write
/// lock (SQLite) until commit. A second append to the same conversation, from any instance, waits, then sees the first
/// one committed; a rolled-back append gives its number back. Readers therefore never see sequence n+1 before n.
/// </remarks>
public sealed class SqlActivityLog : IActivityLog
{
    private static readonly JsonSerializerSettings ActivitySettings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    private readonly StorageDatabase _db;
    private readonly PhiProtector _phi;
    private readonly TimeProvider _time;

    internal SqlActivityLog(StorageDatabase db, PhiProtector phi, TimeProvider time)
    {
        _db = db;
        _phi = phi;
        _time = time;
    }

    public async Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            activity.Id = Guid.NewGuid().ToString("N");
        }

        var now = _time.GetUtcNow();
        var payload = _phi.Protect(JsonConvert.SerializeObject(activity, ActivitySettings));
        await _db.EnsureMigratedAsync(cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _db.RetryAsync(
                    () => AppendOnceAsync(conversationId, activity, payload, now, cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (attempt < 3 && _db.IsUniqueViolation(ex))
            {
                // Cannot normally happen (the counter row lock orders appends); if it does, the retry finds the
                // stored activity and returns its sequence.
            }
        }
    }

    private Task<long> AppendOnceAsync(
        string conversationId, Activity activity, byte[] payload, DateTimeOffset now, CancellationToken ct) =>
        _db.WriteAsync(async write =>
        {
            // An activity stored before (a client retrying its POST) keeps its sequence and is not stored again.
            await using (var existing = write.Command(
                             "SELECT sequence FROM activities WHERE conversation_id = @c AND activity_id = @a")
                         .With("@c", conversationId)
                         .With("@a", activity.Id))
            {
                if (await existing.ExecuteScalarAsync(ct) is { } found and not DBNull)
                {
                    return Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            long sequence;
            await using (var bump = write.Command("""
                    INSERT INTO conversations (conversation_id, last_sequence, created_at, last_activity_at)
                    VALUES (@c, 1, @t, @t)
                    ON CONFLICT (conversation_id) DO UPDATE
                        SET last_sequence = conversations.last_sequence + 1, last_activity_at = excluded.last_activity_at
                    RETURNING last_sequence
                    """)
                .With("@c", conversationId)
                .With("@t", Sql.ToUnixMs(now)))
            {
                sequence = Convert.ToInt64(await bump.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            // On PostgreSQL the same id appended concurrently by another instance passes the check above too; the
            // counter row lock then orders the two, and the second insert's unique violation rolls its transaction
            // back (giving the number back) and makes AppendAsync retry, which finds the stored activity.
            await using (var insert = write.Command("""
                    INSERT INTO activities (conversation_id, sequence, activity_id, timestamp, type, from_role, payload)
                    VALUES (@c, @s, @a, @t, @type, @role, @p)
                    """)
                .With("@c", conversationId)
                .With("@s", sequence)
                .With("@a", activity.Id)
                .With("@t", Sql.ToUnixMs(activity.Timestamp ?? now))
                .With("@type", activity.Type)
                .With("@role", activity.From?.Role)
                .With("@p", payload))
            {
                await insert.ExecuteNonQueryAsync(ct);
            }

            await write.AnnounceAsync(new StorageChange(StorageChangeKind.Activity, conversationId, sequence), ct);
            return sequence;
        }, ct);

    public Task<IReadOnlyList<LoggedActivity>> ReadAfterAsync(
        string conversationId, long watermark, int max, CancellationToken cancellationToken = default) =>
        ReadPayloadsAfterAsync(conversationId, watermark, max,
            (sequence, json) => new LoggedActivity(sequence, JsonConvert.DeserializeObject<Activity>(json, ActivitySettings)!), cancellationToken);

    public Task<IReadOnlyList<LoggedActivityJson>> ReadJsonAfterAsync(
        string conversationId, long watermark, int max, CancellationToken cancellationToken = default) =>
        ReadPayloadsAfterAsync(conversationId, watermark, max, (sequence, json) => new LoggedActivityJson(sequence, json), cancellationToken);

    private async Task<IReadOnlyList<T>> ReadPayloadsAfterAsync<T>(
        string conversationId, long watermark, int max, Func<long, string, T> map, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
                SELECT sequence, payload FROM activities
                WHERE conversation_id = @c AND sequence > @w
                ORDER BY sequence
                LIMIT @max
                """)
            .With("@c", conversationId)
            .With("@w", watermark)
            .With("@max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(map(reader.GetInt64(0), _phi.Unprotect(reader.GetFieldValue<byte[]>(1))));
        }

        return result;
    }

    public async Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "SELECT last_sequence FROM conversations WHERE conversation_id = @c").With("@c", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }
}

using IopGuideBot.Storage.Database;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace IopGuideBot.Storage;

/// <summary>
/// Bot Builder <see cref="IStorage"/> over SQLite or PostgreSQL with <see cref="MemoryStorage"/>'s ETag rules:
/// an <see cref="IStoreItem"/> (or a JObject with an "ETag") is written only if its ETag is "*" or equals the stored one
/// (or nothing with an ETag is stored yet); otherwise the write throws <see cref="Exception"/> "Etag conflict…". Other
/// values are last-write-wins. Every write gets a new ETag. A batch is written in one transaction: all or nothing.
/// <para>
/// <c>BotState</c> (conversation and user state) saves a plain <c>IDictionary&lt;string, object&gt;</c>, which
/// MemoryStorage never checks, so two turns of one conversation on two instances silently overwrite each other. Here
/// such a dictionary is checked too: its "ETag" entry (absent for a state nobody has saved yet) must match the stored
/// one, and after the commit the dictionary gets the new ETag, so the same turn can save again.
/// <see cref="StateConflicts.IsConflict"/> recognises the failure.
/// </para>
/// Items are serialised with Newtonsoft.Json (TypeNameHandling.All, so typed dialog state round-trips) and encrypted.
/// </summary>
public sealed class SqlBotStorage : IStorage
{
    // TypeNameHandling.All, as MemoryStorage's documentation recommends for typed state, is only safe because the stored
    // JSON is authenticated by Data Protection: nobody can plant a $type in the database.
    private static readonly JsonSerializer StateSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        // Null members are left out: a prompt's activities are mostly empty members, and a missing member reads back as null.
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new DefaultContractResolver(),
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        // Dates stay strings until a typed member reads them, so a DateTimeOffset keeps its offset (dialog state does).
        DateParseHandling = DateParseHandling.None,
    });

    private const string ETagProperty = "ETag";

    private readonly StorageDatabase _db;
    private readonly PhiProtector _phi;
    private readonly TimeProvider _time;

    internal SqlBotStorage(StorageDatabase db, PhiProtector phi, TimeProvider time)
    {
        _db = db;
        _phi = phi;
        _time = time;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return result;
        }

        await _db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await _db.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var names = chunk.Select((_, i) => $"@k{i}").ToArray();
            await using var command = Sql.Command(connection, null,
                $"SELECT state_key, data FROM bot_state WHERE state_key IN ({string.Join(", ", names)})");
            for (var i = 0; i < chunk.Length; i++)
            {
                command.With(names[i], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Straight from the text (no JObject in between): the stored JSON starts with its "$type", as written.
                using var text = new JsonTextReader(new StringReader(_phi.Unprotect(reader.GetFieldValue<byte[]>(1))));
                var value = StateSerializer.Deserialize<object>(text);
                if (value is not null)
                {
                    result[reader.GetString(0)] = value;
                }
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialised and encrypted before the write transaction, which (on SQLite) is shared with other turns' writes.
        var prepared = changes.Select(change => Prepare(change.Key, change.Value)).ToList();
        await _db.EnsureMigratedAsync(cancellationToken);
        await _db.RetryAsync(() => _db.WriteAsync(async write =>
        {
            foreach (var item in prepared)
            {
                await WriteOneAsync(write, item, cancellationToken);
            }

            return true;
        }, cancellationToken), cancellationToken);

        // Only once committed: a failed write leaves the caller's state with the ETag it can still save under.
        foreach (var item in prepared)
        {
            if (item.Value is IDictionary<string, object> state && item.NewETag is not null)
            {
                state[ETagProperty] = item.NewETag;
            }
        }
    }

    /// <summary>One value ready to store: its encrypted JSON (null: delete) and, when ETag-checked, the ETags.</summary>
    private sealed record PreparedWrite(string Key, object? Value, byte[]? Data, bool ChecksETag, string? ExpectedETag, string? NewETag);

    private PreparedWrite Prepare(string key, object? value)
    {
        if (value is null)
        {
            // MemoryStorage stores null and then reads nothing back: the same as deleting.
            return new PreparedWrite(key, null, null, false, null, null);
        }

        var (checksETag, expected) = value switch
        {
            IStoreItem item => (true, item.ETag),
            JObject jo when jo.ContainsKey(ETagProperty) => (true, jo.Value<string>(ETagProperty)),
            IDictionary<string, object> botState => (true, botState.TryGetValue(ETagProperty, out var etag) ? etag as string : null),
            _ => (false, null),
        };
        var newETag = checksETag ? Guid.NewGuid().ToString("N") : null;
        return new PreparedWrite(key, value, _phi.Protect(Serialize(value, newETag)), checksETag, expected, newETag);
    }

    /// <summary>The stored JSON of <paramref name="value"/>, with <paramref name="newETag"/> as its "ETag" when given.</summary>
    private static string Serialize(object value, string? newETag)
    {
        if (value is IDictionary<string, object> botState)
        {
            // Conversation and user state, every turn: written straight to text with the new ETag in place, and the
            // caller's own ETag put back (it gets the new one only once the write commits). A turn owns its state, so
            // nothing else reads the dictionary meanwhile.
            var hadETag = botState.TryGetValue(ETagProperty, out var previousETag);
            if (newETag is not null)
            {
                botState[ETagProperty] = newETag;
            }

            try
            {
                using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                StateSerializer.Serialize(text, botState);
                return text.ToString();
            }
            finally
            {
                if (hadETag)
                {
                    botState[ETagProperty] = previousETag!;
                }
                else
                {
                    botState.Remove(ETagProperty);
                }
            }
        }

        var state = JObject.FromObject(value, StateSerializer);
        if (newETag is not null)
        {
            state[ETagProperty] = newETag;
        }

        return state.ToString(Formatting.None);
    }

    private async Task WriteOneAsync(WriteScope write, PreparedWrite item, CancellationToken ct)
    {
        if (item.Data is null)
        {
            await DeleteOneAsync(write, item.Key, ct);
            return;
        }

        var condition = item.ChecksETag
            ? " WHERE bot_state.etag IS NULL OR @expected = '*' OR bot_state.etag = @expected"
            : string.Empty;
        await using var upsert = write.Command($"""
                INSERT INTO bot_state (state_key, conversation_id, etag, data, updated_at)
                VALUES (@k, @c, @e, @d, @t)
                ON CONFLICT (state_key) DO UPDATE SET conversation_id = excluded.conversation_id, etag = excluded.etag,
                    data = excluded.data, updated_at = excluded.updated_at{condition}
                """)
            .With("@k", item.Key)
            .With("@c", ConversationIdOf(item.Key))
            .With("@e", item.NewETag)
            .With("@d", item.Data)
            .With("@t", Sql.ToUnixMs(_time.GetUtcNow()));
        if (item.ChecksETag)
        {
            upsert.With("@expected", item.ExpectedETag);
        }

        if (await upsert.ExecuteNonQueryAsync(ct) == 0)
        {
            await using var current = write.Command("SELECT etag FROM bot_state WHERE state_key = @k").With("@k", item.Key);
            var currentETag = await current.ExecuteScalarAsync(ct) as string;
#pragma warning disable CA2201 // The exact type and message of MemoryStorage, which callers and the SDK's tests expect.
            throw new Exception($"{StateConflicts.MessagePrefix}.\r\n\r\nOriginal: {item.ExpectedETag}\r\nCurrent: {currentETag}");
#pragma warning restore CA2201
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await _db.EnsureMigratedAsync(cancellationToken);
        await _db.WriteAsync(async write =>
        {
            foreach (var key in keys)
            {
                await DeleteOneAsync(write, key, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    private static async Task DeleteOneAsync(WriteScope write, string key, CancellationToken ct)
    {
        await using var delete = write.Command("DELETE FROM bot_state WHERE state_key = @k").With("@k", key);
        await delete.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The conversation a state key belongs to, so retention can delete a conversation's state with its transcript.
    /// Bot Builder keys are "{channel}/conversations/{id}" (ConversationState) and
    /// "{channel}/conversations/{id}/users/{user}" (PrivateConversationState); UserState keys have no conversation.
    /// </summary>
    internal static string? ConversationIdOf(string key)
    {
        const string marker = "/conversations/";
        var start = key.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = key[(start + marker.Length)..];
        var end = rest.IndexOf("/users/", StringComparison.Ordinal);
        var id = end < 0 ? rest : rest[..end];
        return id.Length == 0 ? null : id;
    }
}

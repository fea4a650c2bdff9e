using IopGuideBot.Storage.Database;
using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Storage;

/// <summary>Read-only figures over a period for the admins' insights page; decrypts handoffs only to see whether a questionnaire was finished.</summary>
public interface IClinicStatistics
{
    /// <summary>When each conversation that began at or after <paramref name="since"/> began.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ConversationStartsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Handoffs created at or after <paramref name="since"/>, open or closed, oldest first.</summary>
    Task<IReadOnlyList<HandoffRecord>> HandoffsCreatedAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}

internal sealed class SqlClinicStatistics(StorageDatabase db, SqlHandoffStore handoffs) : IClinicStatistics
{
    public async Task<IReadOnlyList<DateTimeOffset>> ConversationStartsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await db.EnsureMigratedAsync(cancellationToken);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
                "SELECT created_at FROM conversations WHERE created_at >= @t ORDER BY created_at")
            .With("@t", Sql.ToUnixMs(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Sql.FromUnixMs(reader.GetInt64(0)));
        }

        return list;
    }

    public Task<IReadOnlyList<HandoffRecord>> HandoffsCreatedAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        handoffs.ListCreatedSinceAsync(since, cancellationToken);
}

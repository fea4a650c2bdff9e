using IopGuideBot.Storage.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Storage;

/// <summary>What one retention sweep removed. Counts only.</summary>
public sealed record RetentionResult(int Conversations, int Activities, int StateItems, int HandoffsPurged)
{
    public int Total => Conversations + Activities + StateItems + HandoffsPurged;
}

/// <summary>
/// Deletes protected health information once it is past <see cref="StorageOptions.RetentionDays"/>:
/// <list type="bullet">
/// <item>a conversation's transcript and state when it has been quiet for that long and has no open handoff (and none
/// that closed within the period);</item>
/// <item>bot state (including user state) not written for that long, unless its conversation has an open handoff;</item>
/// <item>the encrypted PHI of handoffs closed that long ago (the non-PHI queue record stays for statistics).</item>
/// </list>
/// Logs and audits counts only, never ids or content. Safe to run on several instances at once: every delete re-checks
/// its condition inside its own transaction.
/// </summary>
public sealed class RetentionService : BackgroundService
{
    private const int BatchSize = 200;

    private readonly StorageDatabase _db;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionService> _logger;
    private readonly StorageOptions _options;

    public RetentionService(
        StorageDatabase db, IAuditLog audit, TimeProvider time, IOptions<StorageOptions> options, ILogger<RetentionService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _db = db;
        _audit = audit;
        _time = time;
        _logger = logger;
        _options = options.Value;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(_time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep (database briefly down) must not stop the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError("Retention sweep failed with {ExceptionType}; retrying at the next interval", ex.GetType().Name);
            }

            try
            {
                await Task.Delay(_options.RetentionSweepInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs one sweep as if the time were <paramref name="now"/>.</summary>
    public async Task<RetentionResult> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await _db.EnsureMigratedAsync(cancellationToken);
        var cutoff = Sql.ToUnixMs(now - TimeSpan.FromDays(_options.RetentionDays));
        int conversations = 0, activities = 0, stateItems = 0;

        // A conversation may go when it is quiet and no handoff of it is open or closed recently.
        const string Expired = """
            c.last_activity_at < @cutoff AND NOT EXISTS (
                SELECT 1 FROM handoffs h WHERE h.conversation_id = c.conversation_id
                AND (h.status <> 'Closed' OR h.updated_at >= @cutoff))
            """;

        while (true)
        {
            var batch = new List<string>();
            await using (var connection = await _db.OpenConnectionAsync(cancellationToken))
            await using (var find = Sql.Command(connection, null,
                             $"SELECT c.conversation_id FROM conversations c WHERE {Expired} LIMIT {BatchSize}")
                         .With("@cutoff", cutoff))
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add(reader.GetString(0));
                }
            }

            var deletedInBatch = 0;
            foreach (var conversationId in batch)
            {
                var (deleted, acts, states) = await _db.RetryAsync(
                    () => DeleteConversationAsync(conversationId, cutoff, Expired, cancellationToken), cancellationToken);
                if (deleted)
                {
                    deletedInBatch++;
                    conversations++;
                    activities += acts;
                    stateItems += states;
                }
            }

            if (batch.Count < BatchSize || deletedInBatch == 0)
            {
                break;
            }
        }

        stateItems += await ExecuteAsync("""
            DELETE FROM bot_state WHERE updated_at < @cutoff AND (conversation_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM handoffs h WHERE h.conversation_id = bot_state.conversation_id AND h.status <> 'Closed'))
            """, cutoff, null, cancellationToken);

        var handoffs = await ExecuteAsync("""
            UPDATE handoffs SET phi = NULL, phi_purged_at = @now
            WHERE status = 'Closed' AND updated_at < @cutoff AND phi IS NOT NULL
            """, cutoff, Sql.ToUnixMs(now), cancellationToken);

        var result = new RetentionResult(conversations, activities, stateItems, handoffs);
        _logger.LogInformation(
            "Retention sweep ({RetentionDays} days) deleted {Conversations} conversations, {Activities} activities, {StateItems} state items and the PHI of {Handoffs} closed handoffs",
            _options.RetentionDays, result.Conversations, result.Activities, result.StateItems, result.HandoffsPurged);
        if (result.Total > 0)
        {
            await _audit.AppendAsync(new AuditEvent("system:retention", "retention.sweep", Outcome: "deleted",
                Detail: $"conversations={result.Conversations} activities={result.Activities} stateItems={result.StateItems} handoffsPurged={result.HandoffsPurged}"),
                cancellationToken);
        }

        return result;
    }

    private async Task<(bool Deleted, int Activities, int StateItems)> DeleteConversationAsync(
        string conversationId, long cutoff, string expired, CancellationToken ct)
    {
        await using var connection = await _db.OpenConnectionAsync(ct);
        await using var tx = await _db.BeginWriteAsync(connection, ct);

        // Lock the conversation row first (SQLite's BEGIN IMMEDIATE already holds the database), then re-check with a
        // fresh statement: an append that committed meanwhile keeps the conversation, and one that comes later waits.
        if (_db.Provider == StorageProvider.Postgres)
        {
            await using var lockRow = Sql.Command(connection, tx,
                "SELECT 1 FROM conversations WHERE conversation_id = @id FOR UPDATE").With("@id", conversationId);
            await lockRow.ExecuteNonQueryAsync(ct);
        }

        await using (var delete = Sql.Command(connection, tx,
                         $"DELETE FROM conversations AS c WHERE c.conversation_id = @id AND {expired}")
                     .With("@id", conversationId)
                     .With("@cutoff", cutoff))
        {
            if (await delete.ExecuteNonQueryAsync(ct) == 0)
            {
                await tx.RollbackAsync(ct);
                return (false, 0, 0);
            }
        }

        int activities, states;
        await using (var deleteActivities = Sql.Command(connection, tx, "DELETE FROM activities WHERE conversation_id = @id").With("@id", conversationId))
        {
            activities = await deleteActivities.ExecuteNonQueryAsync(ct);
        }

        await using (var deleteState = Sql.Command(connection, tx, "DELETE FROM bot_state WHERE conversation_id = @id").With("@id", conversationId))
        {
            states = await deleteState.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return (true, activities, states);
    }

    private async Task<int> ExecuteAsync(string sql, long cutoff, long? now, CancellationToken ct)
    {
        return await _db.RetryAsync(async () =>
        {
            await using var connection = await _db.OpenConnectionAsync(ct);
            await using var command = Sql.Command(connection, null, sql).With("@cutoff", cutoff);
            if (now is { } n)
            {
                command.With("@now", n);
            }

            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
    }
}

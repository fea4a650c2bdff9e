using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Diagnostics;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IopGuideBot.Storage.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Activity = Microsoft.Bot.Schema.Activity;

namespace IopGuideBot.Storage.Tests;

public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _db = new();
    private TestInstance _instance = null!;

    public async Task InitializeAsync() => _instance = await TestInstance.StartAsync(_db);

    public async Task DisposeAsync()
    {
        await _instance.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Uses_one_file_in_the_data_directory_with_wal_full_sync_and_passes_integrity_check()
    {
        var sqlite = Assert.IsType<SqliteDatabase>(_instance.Database);
        Assert.Equal(_db.FilePath, sqlite.FilePath);
        Assert.True(File.Exists(sqlite.FilePath));

        await using var connection = await sqlite.OpenConnectionAsync();
        async Task<string> Pragma(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        Assert.Equal("wal", await Pragma("journal_mode"));
        Assert.Equal("2", await Pragma("synchronous")); // FULL
        Assert.Equal("10000", await Pragma("busy_timeout"));
        Assert.Equal("ok", await sqlite.IntegrityCheckAsync());
        Assert.Matches(@"^3\.\d+\.\d+$", await sqlite.GetSqliteVersionAsync());
    }

    /// <summary>
    /// The settings are applied once per native connection (see <see cref="SqliteDatabase"/>): a connection handed out by
    /// the pool again must still have every one of them.
    /// </summary>
    [Fact]
    public async Task A_connection_handed_out_again_by_the_pool_keeps_its_durability_settings()
    {
        var handles = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var open = 0; open < 5; open++)
        {
            await using var connection = (SqliteConnection)await _instance.Database.OpenConnectionAsync();
            handles.Add(connection.Handle!);
            foreach (var (name, expected) in new[] { ("synchronous", "2"), ("busy_timeout", "10000"), ("secure_delete", "1"), ("foreign_keys", "1") })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name}";
                Assert.Equal(expected, Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.True(handles.Count < 5, "the pool never handed a native connection out again, so this test proved nothing");
    }

    [Fact]
    public async Task In_process_notifications_reach_other_subscribers_of_the_same_instance()
    {
        var seen = new ConcurrentQueue<StorageChange>();
        using var subscription = await _instance.Get<IActivityNotifications>().SubscribeAsync("n", seen.Enqueue);
        await _instance.Get<IActivityLog>().AppendAsync("n", new Activity { Type = ActivityTypes.Message, Id = "x", Text = "t" });
        Assert.Equal(new StorageChange(StorageChangeKind.Activity, "n", 1), Assert.Single(seen));
    }

    /// <summary>
    /// Holds the write lock the way any other writer does (a migration, a handoff, the CLI), so that writes queue behind
    /// it and then go to the group commit together.
    /// </summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = await _instance.Database.OpenConnectionAsync();
        var transaction = await _instance.Database.BeginWriteAsync(connection, CancellationToken.None);
        return new Releaser(async () =>
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        });
    }

    private sealed class Releaser(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }

    [Fact]
    public async Task Concurrent_writes_share_one_commit_and_each_is_answered_only_once_durable()
    {
        var sqlite = (SqliteDatabase)_instance.Database;
        var log = _instance.Get<IActivityLog>();
        var storage = _instance.Get<Microsoft.Bot.Builder.IStorage>();
        var before = sqlite.GroupCommitCounts;

        Task[] writes;
        await using (await HoldWriteLockAsync())
        {
            writes =
            [
                .. Enumerable.Range(0, 20).Select(i => log.AppendAsync($"c{i % 4}", new Activity { Type = ActivityTypes.Message, Id = $"a{i}", Text = $"message {i}" })),
                .. Enumerable.Range(0, 20).Select(i => storage.WriteAsync(new Dictionary<string, object> { [$"test/conversations/s{i}"] = new Dictionary<string, object> { ["step"] = i } })),
            ];
            await Task.Delay(200);
            Assert.All(writes, w => Assert.False(w.IsCompleted)); // nothing is answered before its commit
        }

        await Task.WhenAll(writes);
        var after = sqlite.GroupCommitCounts;
        Assert.Equal(40, after.Writes - before.Writes);
        Assert.True(after.Commits - before.Commits <= 2, $"40 queued writes took {after.Commits - before.Commits} commits");

        // Durable and complete when read by a fresh instance on the same file.
        await _instance.DisposeAsync();
        _instance = await TestInstance.StartAsync(_db);
        var reread = _instance.Get<IActivityLog>();
        for (var c = 0; c < 4; c++)
        {
            var stored = await reread.ReadAfterAsync($"c{c}", 0, 100);
            Assert.Equal([1L, 2L, 3L, 4L, 5L], stored.Select(a => a.Sequence));
        }

        var states = await _instance.Get<Microsoft.Bot.Builder.IStorage>().ReadAsync([.. Enumerable.Range(0, 20).Select(i => $"test/conversations/s{i}")]);
        Assert.Equal(20, states.Count);
    }

    /// <summary>
    /// The group commit keeps its connection and its prepared statements from one commit to the next (see
    /// <see cref="SqliteDatabase"/>). A commit that fails as a whole must not leave that connection half-used: the next
    /// writes run in a transaction of their own, bind their own values and are stored.
    /// </summary>
    [Fact]
    public async Task After_a_whole_commit_fails_the_next_writes_start_clean()
    {
        var sqlite = Assert.IsType<SqliteDatabase>(_instance.Database);
        var log = _instance.Get<IActivityLog>();
        Assert.Equal(1, await log.AppendAsync("c", new Activity { Type = ActivityTypes.Message, Id = "first", Text = "one" }));

        // A unit that ends the shared transaction itself takes its savepoint with it, so the whole commit fails.
        var broken = sqlite.WriteAsync(async write =>
        {
            await using var rollback = write.Command("ROLLBACK");
            await rollback.ExecuteNonQueryAsync();
            return true;
        }, CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => broken);

        Assert.Equal(2, await log.AppendAsync("c", new Activity { Type = ActivityTypes.Message, Id = "second", Text = "two" }));
        Assert.Equal(1, await log.AppendAsync("d", new Activity { Type = ActivityTypes.Message, Id = "third", Text = "three" }));
        var stored = await log.ReadAfterAsync("c", 0, 10);
        Assert.Equal(["one", "two"], stored.Select(a => a.Activity.Text));
        Assert.Equal("ok", await sqlite.IntegrityCheckAsync());
    }

    [Fact]
    public async Task A_write_that_fails_inside_a_shared_commit_fails_alone()
    {
        var log = _instance.Get<IActivityLog>();
        var storage = _instance.Get<Microsoft.Bot.Builder.IStorage>();
        var stale = new Dictionary<string, object> { ["step"] = 1 };
        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/k"] = stale });
        var staleCopy = new Dictionary<string, object> { ["step"] = 2, ["ETag"] = "not-the-stored-etag" };

        Task conflicting;
        Task<long>[] appends;
        await using (await HoldWriteLockAsync())
        {
            appends = [.. Enumerable.Range(0, 5).Select(i => log.AppendAsync("c", new Activity { Type = ActivityTypes.Message, Id = $"before{i}" }))];
            conflicting = storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/k"] = staleCopy });
            appends = [.. appends, .. Enumerable.Range(0, 5).Select(i => log.AppendAsync("c", new Activity { Type = ActivityTypes.Message, Id = $"after{i}" }))];
        }

        var conflict = await Assert.ThrowsAnyAsync<Exception>(() => conflicting);
        Assert.True(StateConflicts.IsConflict(conflict));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), (await Task.WhenAll(appends)).Order());
        var stored = await storage.ReadAsync(["test/conversations/k"]);
        var state = Assert.IsAssignableFrom<IDictionary<string, object>>(stored["test/conversations/k"]);
        Assert.Equal(1L, Convert.ToInt64(state["step"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("not-the-stored-etag", staleCopy["ETag"]); // a failed save keeps the ETag the caller had
    }
}

public sealed class PostgresOnlyTests : IAsyncLifetime
{
    private PostgresTestDatabase? _db;
    private readonly List<TestInstance> _instances = [];

    public async Task InitializeAsync() => _db = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var i in _instances)
        {
            await i.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Notifications_cross_instances_through_listen_notify()
    {
        var a = await TestInstance.StartAsync(_db!);
        var b = await TestInstance.StartAsync(_db!);
        _instances.AddRange([a, b]);
        var conversation = "x-" + Guid.NewGuid().ToString("N");
        var seenOnB = new ConcurrentQueue<StorageChange>();
        using var subscription = await b.Get<IActivityNotifications>().SubscribeAsync(conversation, seenOnB.Enqueue);

        await a.Get<IActivityLog>().AppendAsync(conversation, new Activity { Type = ActivityTypes.Message, Id = "1", Text = "from A" });
        await a.Get<IActivityLog>().AppendAsync(conversation, new Activity { Type = ActivityTypes.Message, Id = "2", Text = "from A" });

        for (var i = 0; i < 100 && seenOnB.Count < 2; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal([1L, 2L], seenOnB.Select(c => c.Sequence));
        Assert.All(seenOnB, c => Assert.Equal(StorageChangeKind.Activity, c.Kind));
    }
}

public sealed class WiringTests
{
    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"))).FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBotStorage(builder.Configuration);
        return builder;
    }

    [Theory]
    [InlineData("Postgres", null, "Storage:ConnectionString is empty")]
    [InlineData("Oracle", null, "Storage:Provider 'Oracle' is not supported")]
    [InlineData("7", null, "Storage:Provider '7' is not supported")]
    public async Task Invalid_configuration_stops_the_host_at_start_up(string provider, string? connectionString, string message)
    {
        using var host = Builder(new() { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = connectionString }).Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_host_migrates_at_start_up_reports_ready_and_resolves_every_service()
    {
        var builder = Builder(new() { ["Storage:RetentionSweepInterval"] = "00:10:00" });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var db = Assert.IsType<SqliteDatabase>(host.Services.GetRequiredService<StorageDatabase>());
            Assert.Equal(Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "data", "iopguidebot.db")), db.FilePath);
            Assert.Equal(db.LatestSchemaVersion, await db.GetSchemaVersionAsync());

            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
            Assert.Equal(HealthStatus.Healthy, health.Status);
            Assert.Contains("storage", health.Entries.Keys);

            foreach (var type in new[]
                     {
                         typeof(Microsoft.Bot.Builder.IStorage), typeof(IActivityLog), typeof(Microsoft.Bot.Builder.ITranscriptLogger),
                         typeof(IActivityNotifications), typeof(IHandoffStore), typeof(IStaffStore), typeof(IAuditLog), typeof(RetentionService),
                     })
            {
                Assert.NotNull(host.Services.GetRequiredService(type));
            }
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(builder.Environment.ContentRootPath, recursive: true);
        }
    }

    [Fact]
    public void LogIds_hash_is_the_first_12_hex_chars_of_sha256()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("conv-123")))[..12];
        Assert.Equal(expected, LogIds.Hash("conv-123"));
        Assert.Equal(12, LogIds.Hash("x").Length);
        Assert.Equal("-", LogIds.Hash(null));
    }

    [Theory]
    [InlineData("directline/conversations/abc", "abc")]
    [InlineData("emulator/conversations/a|b/users/u1", "a|b")]
    [InlineData("directline/users/u1", null)]
    [InlineData("plain-key", null)]
    public void State_keys_map_to_their_conversation(string key, string? conversationId) =>
        Assert.Equal(conversationId, SqlBotStorage.ConversationIdOf(key));
}

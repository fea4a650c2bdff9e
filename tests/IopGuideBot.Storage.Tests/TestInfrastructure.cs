using IopGuideBot.Testing;
using System.Collections.Concurrent;
using System.Text;
using IopGuideBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IopGuideBot.Storage.Tests;

/// <summary>A database for one test: the Storage:* settings that point at it and a way to see every stored byte.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    StorageProvider Provider { get; }

    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Everything stored, as text (raw file bytes for SQLite, every row cast to text for PostgreSQL).</summary>
    Task<string> DumpAsync(StorageDatabase db);
}

public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));

    public StorageProvider Provider => StorageProvider.Sqlite;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataDirectory"] = _directory,
    };

    public string FilePath => Path.Combine(_directory, StorageOptions.SqliteFileName);

    public async Task<string> DumpAsync(StorageDatabase db)
    {
        // First the WAL as it is (recent commits live only there), then everything after a checkpoint.
        var text = new StringBuilder(ReadAll(FilePath + "-wal"));
        await ((SqliteDatabase)db).CheckpointAsync();
        text.Append(ReadAll(FilePath)).Append(ReadAll(FilePath + "-wal"));
        return text.ToString();
    }

    private static string ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        // Both encodings, so UTF-16 text would be caught too.
        return Encoding.Latin1.GetString(bytes) + Encoding.Unicode.GetString(bytes);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh schema in the database named by IOPGUIDEBOT_TEST_POSTGRES. Without that variable the test is skipped,
/// except under CI=true, where it fails: CI must never silently skip the PostgreSQL half.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    private readonly string _adminConnectionString;
    private readonly string _schema;

    private PostgresTestDatabase(string connectionString, string schema)
    {
        _adminConnectionString = connectionString;
        _schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
    }

    public StorageProvider Provider => StorageProvider.Postgres;

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = ConnectionString,
    };

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var connectionString = PostgresTestEnvironment.RequireConnectionString();
        var schema = await PostgresTestEnvironment.CreateSchemaAsync(connectionString, "t_");
        return new PostgresTestDatabase(connectionString, schema);
    }

    public async Task<string> DumpAsync(StorageDatabase db)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "SELECT table_name FROM information_schema.tables WHERE table_schema = @s", connection))
        {
            list.Parameters.AddWithValue("s", _schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("activities", tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM \"{_schema}\".\"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One "service instance": its own service provider, connection pool and Data Protection stack.</summary>
public sealed class TestInstance : IAsyncDisposable
{
    private TestInstance(ServiceProvider services, CapturingLoggerProvider logs)
    {
        Services = services;
        Logs = logs;
    }

    public ServiceProvider Services { get; }
    public CapturingLoggerProvider Logs { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public StorageDatabase Database => Get<StorageDatabase>();

    public static async Task<TestInstance> StartAsync(ITestDatabase db, TimeProvider? clock = null, int retentionDays = 90, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>(db.Settings)
        {
            ["Storage:RetentionDays"] = retentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddBotStorage(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // What the host's start-up does (StorageStartupService), without starting the retention loop.
        var database = provider.GetRequiredService<StorageDatabase>();
        await database.EnsureMigratedAsync();
        await StorageStartupService.EnsureKeyAsync(database, provider.GetRequiredService<IDataProtectionProvider>(), CancellationToken.None);
        return new TestInstance(provider, logs);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}

public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public string AllText => string.Join('\n', Entries.Select(e => e.Message));

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception),
                values.ToDictionary(kv => kv.Key, kv => kv.Value)));
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

using IopGuideBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Storage;

/// <summary>
/// Runs before the host serves: migrates the schema, then makes sure the shared Data Protection key ring has a key.
/// On PostgreSQL the first key is created under an advisory lock, so instances starting together agree on one key
/// instead of each minting its own and failing to read the others' data until the next key-ring refresh.
/// </summary>
internal sealed class StorageStartupService : IHostedService
{
    private readonly StorageDatabase _db;
    private readonly IDataProtectionProvider _dataProtection;
    private readonly ILogger<StorageStartupService> _logger;

    public StorageStartupService(StorageDatabase db, IDataProtectionProvider dataProtection, ILogger<StorageStartupService> logger)
    {
        _db = db;
        _dataProtection = dataProtection;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await _db.EnsureMigratedAsync(cancellationToken);
        var migrated = watch.Elapsed.TotalMilliseconds;
        await EnsureKeyAsync(_db, _dataProtection, cancellationToken);
        var keyRing = watch.Elapsed.TotalMilliseconds - migrated;

        var version = await _db.GetSchemaVersionAsync(cancellationToken);
        if (_db is SqliteDatabase sqlite)
        {
            var sqliteVersion = await sqlite.GetSqliteVersionAsync(cancellationToken);
            _logger.LogInformation("Storage ready: SQLite {SqliteVersion}, schema version {SchemaVersion} (migrations {MigrationMilliseconds:0} ms, key ring {KeyRingMilliseconds:0} ms)", sqliteVersion, version, migrated, keyRing);
            if (Version.TryParse(sqliteVersion, out var parsed) && parsed < new Version(3, 51, 3))
            {
                // 3.7.0–3.51.2 can corrupt a WAL database when two connections write and checkpoint at once.
                _logger.LogWarning("SQLite {SqliteVersion} predates the WAL-reset corruption fix in 3.51.3", sqliteVersion);
            }
        }
        else
        {
            _logger.LogInformation("Storage ready: PostgreSQL, schema version {SchemaVersion} (migrations {MigrationMilliseconds:0} ms, key ring {KeyRingMilliseconds:0} ms)", version, migrated, keyRing);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static async Task EnsureKeyAsync(StorageDatabase db, IDataProtectionProvider provider, CancellationToken ct)
    {
        // Protecting anything loads the key ring and creates (and stores) the first key when there is none.
        void Touch() => provider.CreateProtector("IopGuideBot.Storage.Startup").Protect([0]);

        if (db is not PostgresDatabase)
        {
            Touch();
            return;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using (var take = Sql.Command(connection, null, "SELECT pg_advisory_lock(@k)").With("@k", PostgresDatabase.KeyRingLockKey))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            Touch();
        }
        finally
        {
            await using var release = Sql.Command(connection, null, "SELECT pg_advisory_unlock(@k)").With("@k", PostgresDatabase.KeyRingLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace IopGuideBot.Storage.Database;

/// <summary>
/// The embedded default: one SQLite file in write-ahead-log mode, for a single service instance on one host (WAL needs
/// every process on the same machine and a local file system).
/// </summary>
public sealed class SqliteDatabase : StorageDatabase
{
    // Applied on every connection because these are per-connection settings:
    // - busy_timeout: a writer waits up to 10 s for the write lock instead of failing at once with SQLITE_BUSY.
    // - synchronous=FULL: WAL with NORMAL may lose the last commits on power loss or an OS crash (they survive an app
    //   crash either way). A handoff or a message we acknowledged must survive both, so every commit syncs the WAL. The
    //   cost is one fsync per commit, which a clinic's message rate never feels.
    // - secure_delete: deleted rows are overwritten with zeros, so retention really removes the (encrypted) bytes.
    // - foreign_keys: not used today, but on so a future migration's constraints are enforced.
    private const string ConnectionPragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON;";

    private readonly string _connectionString;

    // One writer at a time inside this process, queued asynchronously. Without it, concurrent turns all ran BEGIN
    // IMMEDIATE and every loser slept in SQLite's busy handler (and Microsoft.Data.Sqlite's retry loop), which under load
    // cost hundreds of milliseconds per write for a lock held well under one. Other processes (the CLI commands) still
    // meet busy_timeout. The gate is held until the writing connection closes, and a connection that already holds it
    // does not wait for it again.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<SqliteConnection, object> _gateHolders = [];

    internal SqliteDatabase(string filePath, ChangeHub changes)
        : base(changes)
    {
        FilePath = Path.GetFullPath(filePath);
        OwnerOnly.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        if (!File.Exists(FilePath))
        {
            // SQLite gives the -wal and -shm files the database file's mode, so creating it owner-only covers all three.
            OwnerOnly.WriteAllBytes(FilePath, []);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        // journal_mode is stored in the file, so setting it once is enough; it must be done outside a transaction.
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, "PRAGMA journal_mode = WAL");
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode (got '{mode}'); is the data directory on a network file system?");
        }
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    /// <summary>Absolute path of the database file; the WAL is <c>{FilePath}-wal</c>.</summary>
    public string FilePath { get; }

    internal override IReadOnlyList<Migration> Migrations => Schema.Sqlite;

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = Sql.Command(connection, null, ConnectionPragmas);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = Sql.Command(connection, null, ConnectionPragmas);
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var entered = false;
        if (!_gateHolders.TryGetValue(sqlite, out _))
        {
            // As long as busy_timeout: past it, fall through to SQLite's own waiting, as before the gate.
            entered = await _writeGate.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            if (entered)
            {
                _gateHolders.Add(sqlite, sqlite);
                sqlite.StateChange += ReleaseGateOnClose;
            }
        }

        try
        {
            // deferred: false is BEGIN IMMEDIATE (see the base class).
            return sqlite.BeginTransaction(deferred: false);
        }
        catch
        {
            if (entered)
            {
                ReleaseGate(sqlite);
            }

            throw;
        }
    }

    private void ReleaseGateOnClose(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Closed && sender is SqliteConnection connection)
        {
            ReleaseGate(connection);
        }
    }

    private void ReleaseGate(SqliteConnection connection)
    {
        connection.StateChange -= ReleaseGateOnClose;
        if (_gateHolders.Remove(connection))
        {
            _writeGate.Release();
        }
    }

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT (UNIQUE / PRIMARY KEY)

    // BEGIN IMMEDIATE plus busy_timeout leaves no deadlocks to retry; SQLITE_BUSY after the timeout is a real overload.
    internal override bool IsTransient(Exception exception) => false;

    internal override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already holds the write lock.

    internal override Task NotifyInTransactionAsync(
        DbConnection connection, DbTransaction transaction, StorageChange change, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    internal override void AfterCommit(StorageChange change) => Changes.Publish(change);

    /// <summary><c>PRAGMA integrity_check</c>: "ok", or the problems found.</summary>
    public async Task<string> IntegrityCheckAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "PRAGMA integrity_check");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Copies the WAL into the main file and truncates the WAL (<c>wal_checkpoint(TRUNCATE)</c>).</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The SQLite library version in use (WAL-reset corruption is fixed from 3.51.3).</summary>
    public async Task<string> GetSqliteVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT sqlite_version()");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal/-shm) open; release them so the file can be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return base.DisposeAsync();
    }
}

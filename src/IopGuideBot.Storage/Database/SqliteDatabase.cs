using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
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

    // The native connections the settings above were applied to. A pooled SqliteConnection hands out the same native
    // connection again, and the settings live on it, so they are applied once per native connection rather than on
    // every open (which prepared and ran four statements each time a turn read or wrote).
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configuredHandles = [];

    // One writer at a time inside this process, queued asynchronously. Without it, concurrent turns all ran BEGIN
    // IMMEDIATE and every loser slept in SQLite's busy handler (and Microsoft.Data.Sqlite's retry loop), which under load
    // cost hundreds of milliseconds per write for a lock held well under one. Other processes (the CLI commands) still
    // meet busy_timeout. The gate is held until the writing connection closes, and a connection that already holds it
    // does not wait for it again.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<SqliteConnection, object> _gateHolders = [];

    // Group commit: the writes of concurrent turns (activities, replies, conversation state) queue here, and one writer
    // runs everything queued in one transaction, each write inside its own savepoint, then commits once. With
    // synchronous=FULL a commit is an fsync; sharing it is what lets many conversations write at once without giving
    // up durability: each caller is answered only after the commit that holds its write.
    private const int MaxWritesPerCommit = 64;
    private readonly Channel<PendingWrite> _pendingWrites =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _groupCommitLoop;
    private long _groupCommits;
    private long _groupCommittedWrites;

    // The group commit's own connection, kept open between commits (only the commit loop touches it), with its
    // statements kept prepared: a turn's writes are the same few statements every time (an activity's three, the state's
    // upsert, the savepoints around each write), and preparing them again on a fresh pooled connection for every write
    // was about a tenth of the service's CPU (BENCHMARKS.md, thirteenth pass). Closed after a failed commit, so the next
    // one starts on a fresh connection.
    private GroupCommitWriter? _writer;

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

        _groupCommitLoop = Task.Run(RunGroupCommitsAsync);
    }

    /// <summary>Transactions committed by group commit, and the writes they held (for benchmarks and tests).</summary>
    internal (long Commits, long Writes) GroupCommitCounts => (Interlocked.Read(ref _groupCommits), Interlocked.Read(ref _groupCommittedWrites));

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
            if (NeedsSettings(connection))
            {
                await using var command = Sql.Command(connection, null, ConnectionPragmas);
                await command.ExecuteNonQueryAsync(cancellationToken);
                RememberSettings(connection);
            }

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
            if (NeedsSettings(connection))
            {
                using var command = Sql.Command(connection, null, ConnectionPragmas);
                command.ExecuteNonQuery();
                RememberSettings(connection);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether this open got a native connection the settings were not yet applied to (see <see cref="_configuredHandles"/>).</summary>
    private bool NeedsSettings(SqliteConnection connection) => !_configuredHandles.TryGetValue(connection.Handle!, out _);

    private void RememberSettings(SqliteConnection connection) => _configuredHandles.AddOrUpdate(connection.Handle!, this);

    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var entered = false;
        if (!_gateHolders.TryGetValue(sqlite, out _))
        {
            entered = await EnterWriteGateAsync(cancellationToken);
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

    /// <summary>
    /// Waits for this process's write gate as long as busy_timeout; past it (false), the writer falls through to SQLite's
    /// own waiting, as before the gate.
    /// </summary>
    private Task<bool> EnterWriteGateAsync(CancellationToken cancellationToken) =>
        _writeGate.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

    internal override Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_pendingWrites.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        }

        return pending.Completion;
    }

    private async Task RunGroupCommitsAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        while (await _pendingWrites.Reader.WaitToReadAsync())
        {
            batch.Clear();
            await CommitQueuedWritesAsync(batch);
        }
    }

    /// <summary>
    /// Takes the write lock, then runs the writes queued by then (everything that arrived while the previous commit
    /// synced joins this one) in one transaction, each in a savepoint: a write that throws is rolled back to its
    /// savepoint and fails alone. The others are answered after the commit; if the commit (or the transaction) fails,
    /// every write in it fails, since none of them is durable.
    /// </summary>
    private async Task CommitQueuedWritesAsync(List<PendingWrite> batch)
    {
        var written = new List<(PendingWrite Write, WriteScope Scope)>(MaxWritesPerCommit);
        var next = 0;
        try
        {
            _writer ??= new GroupCommitWriter((SqliteConnection)await OpenConnectionAsync());
            var writer = _writer;

            var entered = await EnterWriteGateAsync(CancellationToken.None);
            try
            {
                // deferred: false is BEGIN IMMEDIATE (see the base class).
                await using var transaction = writer.Connection.BeginTransaction(deferred: false);
                while (batch.Count < MaxWritesPerCommit && _pendingWrites.Reader.TryRead(out var queued))
                {
                    if (!queued.TryCancelIfRequested())
                    {
                        batch.Add(queued);
                    }
                }

                for (; next < batch.Count; next++)
                {
                    var pending = batch[next];
                    var scope = new WriteScope(this, writer.Connection, transaction, writer.Command);
                    await writer.RunAsync("SAVEPOINT unit", transaction);
                    try
                    {
                        await pending.RunAsync(scope);
                    }
                    catch (Exception ex)
                    {
                        // If SQLite already rolled the whole transaction back (disk full, I/O error), this throws and
                        // fails the batch below.
                        await writer.RunAsync("ROLLBACK TO unit", transaction);
                        await writer.RunAsync("RELEASE unit", transaction);
                        pending.Fail(ex);
                        continue;
                    }

                    await writer.RunAsync("RELEASE unit", transaction);
                    written.Add((pending, scope));
                }

                if (written.Count > 0)
                {
                    await transaction.CommitAsync();
                }
            }
            finally
            {
                if (entered)
                {
                    _writeGate.Release();
                }
            }
        }
        catch (Exception ex)
        {
            // Whatever state the failure left the connection in, the next commit starts on a fresh one.
            _writer?.Dispose();
            _writer = null;
            foreach (var (write, _) in written)
            {
                write.Fail(ex);
            }

            for (; next < batch.Count; next++)
            {
                batch[next].Fail(ex);
            }

            // Could not even begin: fail what is queued now rather than retry forever (each caller sees the error).
            while (batch.Count == 0 && _pendingWrites.Reader.TryRead(out var queued))
            {
                queued.Fail(ex);
            }

            return;
        }

        if (written.Count > 0)
        {
            Interlocked.Increment(ref _groupCommits);
            Interlocked.Add(ref _groupCommittedWrites, written.Count);
        }

        foreach (var (write, scope) in written)
        {
            scope.PublishCommitted();
            write.Complete();
        }
    }

    /// <summary>
    /// The group commit's connection and the statements it keeps prepared, by SQL text. A write unit asks its
    /// <see cref="WriteScope"/> for commands and disposes them as usual; a kept command is then only made ready for the
    /// next unit (parameters cleared). The statements are finalized when the writer is disposed.
    /// </summary>
    private sealed class GroupCommitWriter(SqliteConnection connection) : IDisposable
    {
        // The hot statements are a handful; anything past this (SQL built with a varying number of parameters) is
        // prepared per use, as before.
        private const int MaxKept = 64;
        private readonly Dictionary<string, KeptCommand> _kept = new(StringComparer.Ordinal);

        public SqliteConnection Connection { get; } = connection;

        /// <summary>A command for <paramref name="sql"/> in <paramref name="transaction"/>, prepared once and kept.</summary>
        public DbCommand Command(string sql, DbTransaction transaction)
        {
            if (!_kept.TryGetValue(sql, out var command))
            {
                if (_kept.Count >= MaxKept)
                {
                    return Sql.Command(Connection, transaction, sql);
                }

                command = new KeptCommand(sql, Connection);
                _kept.Add(sql, command);
            }

            if (!command.TryTake())
            {
                // Still in use by the same unit (the same statement twice at once): a one-off command.
                return Sql.Command(Connection, transaction, sql);
            }

            command.Transaction = (SqliteTransaction)transaction;
            return command;
        }

        public async Task RunAsync(string sql, DbTransaction transaction)
        {
            await using var command = Command(sql, transaction);
            await command.ExecuteNonQueryAsync();
        }

        public void Dispose()
        {
            foreach (var command in _kept.Values)
            {
                command.Discard();
            }

            _kept.Clear();
            Connection.Dispose();
        }
    }

    /// <summary>A command whose prepared statement outlives the unit that used it (see <see cref="GroupCommitWriter"/>).</summary>
    private sealed class KeptCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        private bool _inUse;
        private bool _discarded;

        public bool TryTake()
        {
            if (_inUse)
            {
                return false;
            }

            _inUse = true;
            return true;
        }

        /// <summary>Finalizes the statement for good (the writer is closing).</summary>
        public void Discard()
        {
            _discarded = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_discarded || !disposing)
            {
                base.Dispose(disposing);
                return;
            }

            // A unit is done with it: ready for the next one, statement kept.
            DataReader?.Dispose();
            Parameters.Clear();
            Transaction = null;
            _inUse = false;
        }
    }

    private abstract class PendingWrite
    {
        public abstract Task RunAsync(WriteScope scope);

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        /// <summary>A write whose caller gave up before it ran is not run.</summary>
        public abstract bool TryCancelIfRequested();
    }

    private sealed class PendingWrite<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _completion.Task;

        public override async Task RunAsync(WriteScope scope)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _result = await work(scope);
        }

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }

        public override bool TryCancelIfRequested() =>
            cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);
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

    public override async ValueTask DisposeAsync()
    {
        // Writes already queued are still committed; new ones are refused.
        _pendingWrites.Writer.TryComplete();
        await _groupCommitLoop;
        _writer?.Dispose();
        _writer = null;

        // Pooled connections keep the file (and its -wal/-shm) open; release them so the file can be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        await base.DisposeAsync();
    }
}

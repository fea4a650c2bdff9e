using System.Data;
using System.Data.Common;

namespace IopGuideBot.Storage.Database;

/// <summary>
/// The database behind every store: opens connections, starts write transactions with the right locking for the
/// provider, migrates the schema, and carries change notifications. Stores share one instance per service provider.
/// </summary>
public abstract class StorageDatabase : IAsyncDisposable
{
    private readonly Lock _readyLock = new();
    private Task? _ready;

    internal StorageDatabase(ChangeHub changes)
    {
        Changes = changes;
    }

    public abstract StorageProvider Provider { get; }

    internal ChangeHub Changes { get; }

    /// <summary>Opens a new connection (pooled); the caller disposes it. Connections are not thread-safe.</summary>
    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    internal abstract DbConnection OpenConnection();

    /// <summary>
    /// Begins a transaction that writes. SQLite: BEGIN IMMEDIATE, so the write lock is taken up front and concurrent
    /// writers queue on busy_timeout instead of failing on a lock upgrade. PostgreSQL: READ COMMITTED; row locks
    /// (INSERT … ON CONFLICT, UPDATE … WHERE version) give the per-row ordering.
    /// </summary>
    internal abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and completes once that transaction has committed (so a caller
    /// acknowledges nothing that could still be lost). An exception from <paramref name="work"/> undoes everything it did
    /// and is rethrown to the caller. The default is one transaction per call; SQLite overrides it with group commit.
    /// </summary>
    internal virtual async Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var scope = new WriteScope(this, connection, transaction);
        var result = await work(scope);
        await transaction.CommitAsync(cancellationToken);
        scope.PublishCommitted();
        return result;
    }

    internal abstract bool IsUniqueViolation(Exception exception);

    /// <summary>Serialization failure or deadlock: the whole transaction may be retried.</summary>
    internal abstract bool IsTransient(Exception exception);

    /// <summary>Announces a change to every instance once <paramref name="transaction"/> commits (PostgreSQL NOTIFY).</summary>
    internal abstract Task NotifyInTransactionAsync(
        DbConnection connection, DbTransaction transaction, StorageChange change, CancellationToken cancellationToken);

    /// <summary>Called after a successful commit (in-process delivery for SQLite).</summary>
    internal abstract void AfterCommit(StorageChange change);

    internal abstract IReadOnlyList<Migration> Migrations { get; }

    internal abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public int LatestSchemaVersion => Migrations[^1].Version;

    /// <summary>
    /// Migrates the schema once per instance (later calls return the same completed task). A failure is not cached, so
    /// the next call retries. Runs at start-up through the hosted service, and on first use.
    /// </summary>
    public Task EnsureMigratedAsync(CancellationToken cancellationToken = default)
    {
        lock (_readyLock)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = SchemaMigrator.MigrateAsync(this, CancellationToken.None);
            }

            return _ready.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Runs the migrations now (idempotent: applied versions are skipped).</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => SchemaMigrator.MigrateAsync(this, cancellationToken);

    /// <summary>The applied schema version, 0 for an empty database.</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        SchemaMigrator.GetVersionAsync(this, cancellationToken);

    /// <summary>Runs <paramref name="work"/> and retries it on serialization failures and deadlocks.</summary>
    internal async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (attempt < 5 && IsTransient(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * attempt), cancellationToken);
            }
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

internal sealed record Migration(int Version, string Description, string Sql);

internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        switch (value)
        {
            case null:
                // PostgreSQL cannot infer the type of an untyped NULL parameter.
                p.DbType = DbType.String;
                p.Value = DBNull.Value;
                break;
            case byte[] bytes:
                p.DbType = DbType.Binary;
                p.Value = bytes;
                break;
            case string s:
                p.DbType = DbType.String;
                p.Value = s;
                break;
            case long l:
                p.DbType = DbType.Int64;
                p.Value = l;
                break;
            case int i:
                p.DbType = DbType.Int32;
                p.Value = i;
                break;
            case bool b:
                p.DbType = DbType.Int32;
                p.Value = b ? 1 : 0;
                break;
            default:
                p.Value = value;
                break;
        }

        command.Parameters.Add(p);
        return command;
    }

    public static long ToUnixMs(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static byte[]? GetNullableBytes(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);
}

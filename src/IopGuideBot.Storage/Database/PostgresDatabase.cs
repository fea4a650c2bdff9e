using System.Data.Common;
using Npgsql;

namespace IopGuideBot.Storage.Database;

/// <summary>
/// PostgreSQL for several service instances on one database. Nothing here relies on in-process locks: ordering comes from
/// row locks and unique constraints, migrations from an advisory lock, and change notifications from LISTEN/NOTIFY.
/// </summary>
public sealed class PostgresDatabase : StorageDatabase
{
    internal const string NotifyChannel = "iopguidebot_changes";

    // Arbitrary constant shared by all instances: serialises schema migrations and first key creation.
    internal const long MigrationLockKey = 0x10b6_0001;
    internal const long KeyRingLockKey = 0x10b6_0002;

    private readonly NpgsqlDataSource _dataSource;

    internal PostgresDatabase(string connectionString, ChangeHub changes)
        : base(changes)
    {
        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    internal string ConnectionString { get; }

    internal override IReadOnlyList<Migration> Migrations => Schema.Postgres;

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    internal override DbConnection OpenConnection() => _dataSource.OpenConnection();

    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    internal override bool IsTransient(Exception exception) =>
        exception is PostgresException
        {
            SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
        };

    internal override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT pg_advisory_xact_lock(@k)").With("@k", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal override async Task NotifyInTransactionAsync(
        DbConnection connection, DbTransaction transaction, StorageChange change, CancellationToken cancellationToken)
    {
        // Delivered to every listening session when (and only if) the transaction commits.
        await using var command = Sql.Command(connection, transaction, "SELECT pg_notify(@c, @p)")
            .With("@c", NotifyChannel)
            .With("@p", ChangeHub.Format(change));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal override void AfterCommit(StorageChange change)
    {
        // The LISTEN connection delivers our own notifications too, so publishing here would duplicate them.
    }

    public override async ValueTask DisposeAsync()
    {
        await Changes.DisposeAsync();
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}

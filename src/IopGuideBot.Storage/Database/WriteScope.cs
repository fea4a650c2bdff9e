using System.Data.Common;

namespace IopGuideBot.Storage.Database;

/// <summary>
/// One unit of work inside a write transaction (<see cref="StorageDatabase.WriteAsync{T}"/>): its commands run on
/// <see cref="Connection"/> in <see cref="Transaction"/>, and the changes it announces are published only once the
/// transaction has committed. On SQLite several units share one transaction (group commit), each inside its own
/// savepoint, so a unit never commits, rolls back or disposes the transaction itself: it throws to undo its own part.
/// </summary>
internal sealed class WriteScope
{
    private readonly StorageDatabase _db;
    private List<StorageChange>? _changes;

    internal WriteScope(StorageDatabase db, DbConnection connection, DbTransaction transaction)
    {
        _db = db;
        Connection = connection;
        Transaction = transaction;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public DbCommand Command(string sql) => Sql.Command(Connection, Transaction, sql);

    /// <summary>Announces <paramref name="change"/> to every instance once the transaction commits.</summary>
    public async Task AnnounceAsync(StorageChange change, CancellationToken cancellationToken)
    {
        await _db.NotifyInTransactionAsync(Connection, Transaction, change, cancellationToken);
        (_changes ??= []).Add(change);
    }

    /// <summary>Called by the database after the commit that made this unit durable.</summary>
    internal void PublishCommitted()
    {
        foreach (var change in _changes ?? [])
        {
            _db.AfterCommit(change);
        }
    }
}

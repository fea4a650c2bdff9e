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
    private readonly Func<string, DbTransaction, DbCommand>? _keptCommand;
    private List<StorageChange>? _changes;

    /// <param name="keptCommand">Where the provider keeps prepared statements for this connection (SQLite's group commit), if it does.</param>
    internal WriteScope(StorageDatabase db, DbConnection connection, DbTransaction transaction, Func<string, DbTransaction, DbCommand>? keptCommand = null)
    {
        _db = db;
        Connection = connection;
        Transaction = transaction;
        _keptCommand = keptCommand;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>A command in this unit's transaction; the unit disposes it (a kept statement then waits for the next unit).</summary>
    public DbCommand Command(string sql) => _keptCommand?.Invoke(sql, Transaction) ?? Sql.Command(Connection, Transaction, sql);

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

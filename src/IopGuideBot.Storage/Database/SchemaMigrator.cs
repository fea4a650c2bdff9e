using System.Data.Common;

namespace IopGuideBot.Storage.Database;

/// <summary>
/// Applies numbered migrations in one write transaction, recording each in <c>schema_version</c>. Several instances may
/// start at once: SQLite's write lock or a PostgreSQL advisory lock makes them take turns, and the later ones find
/// nothing left to do.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)";

    public static async Task MigrateAsync(StorageDatabase db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(connection, cancellationToken);
        await db.LockForMigrationAsync(connection, tx, cancellationToken);

        await using (var create = Sql.Command(connection, tx, CreateVersionTable))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var current = await ReadVersionAsync(connection, tx, cancellationToken);
        foreach (var migration in db.Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await using (var apply = Sql.Command(connection, tx, migration.Sql))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = Sql.Command(connection, tx,
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)")
                .With("@v", migration.Version)
                .With("@d", migration.Description)
                .With("@t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public static async Task<int> GetVersionAsync(StorageDatabase db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadVersionAsync(connection, null, cancellationToken);
        }
        catch (DbException)
        {
            return 0; // no schema_version table yet
        }
    }

    private static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

using Npgsql;
using Xunit;

namespace IopGuideBot.Testing;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>IOPGUIDEBOT_TEST_POSTGRES</c> (scripts/test.sh sets it up when
/// run as root). Without it a PostgreSQL test is skipped on a developer's machine, and fails under CI=true, where
/// every test must run. Linked into each test project that needs it.
/// </summary>
internal static class PostgresTestEnvironment
{
    public const string EnvironmentVariable = "IOPGUIDEBOT_TEST_POSTGRES";

    public static string RequireConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"CI=true but {EnvironmentVariable} is not set: the PostgreSQL tests must run in CI (see .ci/postgres.sh).");
        }

        Skip.If(true, $"{EnvironmentVariable} is not set; PostgreSQL tests skipped locally (run `bash scripts/test.sh` as root, or .ci/postgres.sh and set it).");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Creates a fresh schema named <paramref name="prefix"/> plus a random suffix; returns its name.</summary>
    public static async Task<string> CreateSchemaAsync(string connectionString, string prefix)
    {
        var schema = prefix + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync();
        return schema;
    }
}

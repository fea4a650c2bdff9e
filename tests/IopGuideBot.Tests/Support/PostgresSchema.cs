using Npgsql;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// A fresh schema in the PostgreSQL database named by <c>IOPGUIDEBOT_TEST_POSTGRES</c>. Without it the test is skipped
/// locally, and fails under CI=true, where every test must run.
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    public const string EnvironmentVariable = "IOPGUIDEBOT_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _schema;

    private PostgresSchema(string adminConnectionString, string schema)
    {
        _adminConnectionString = adminConnectionString;
        _schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true but {EnvironmentVariable} is not set: PostgreSQL tests must run in CI.");
            }

            Skip.If(true, $"{EnvironmentVariable} is not set; PostgreSQL tests are skipped on this machine (bash scripts/test.sh as root sets it up).");
        }

        var schema = "h_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresSchema(connectionString!, schema);
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

using IopGuideBot.Testing;
using Npgsql;

namespace IopGuideBot.Tests.Support;

/// <summary>A fresh schema in the test PostgreSQL database (see <see cref="PostgresTestEnvironment"/>), dropped afterwards.</summary>
public sealed class PostgresSchema : IAsyncDisposable
{
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
        var connectionString = PostgresTestEnvironment.RequireConnectionString();
        return new PostgresSchema(connectionString, await PostgresTestEnvironment.CreateSchemaAsync(connectionString, "h_"));
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

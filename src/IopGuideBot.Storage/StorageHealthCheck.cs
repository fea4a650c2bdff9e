using IopGuideBot.Storage.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IopGuideBot.Storage;

/// <summary>Ready when the database answers and its schema is at the version this build expects.</summary>
public sealed class StorageHealthCheck : IHealthCheck
{
    private readonly StorageDatabase _db;

    public StorageHealthCheck(StorageDatabase db)
    {
        _db = db;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var version = await _db.GetSchemaVersionAsync(timeout.Token);
            var data = new Dictionary<string, object> { ["provider"] = _db.Provider.ToString(), ["schemaVersion"] = version };
            return version == _db.LatestSchemaVersion
                ? HealthCheckResult.Healthy("storage ready", data)
                : HealthCheckResult.Unhealthy($"schema version {version}, expected {_db.LatestSchemaVersion}", data: data);
        }
#pragma warning disable CA1031 // Any failure means "not ready"; the message names the type only (no connection details).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"storage unreachable ({ex.GetType().Name})");
        }
    }
}

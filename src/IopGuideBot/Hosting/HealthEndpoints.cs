using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IopGuideBot.Hosting;

public static class HealthEndpoints
{
    /// <summary>Checks tagged with this run for <c>/readyz</c> (storage reachable, content loaded).</summary>
    public const string ReadyTag = "ready";

    /// <summary><c>/healthz</c>: the process serves requests. <c>/readyz</c>: its dependencies answer too.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}

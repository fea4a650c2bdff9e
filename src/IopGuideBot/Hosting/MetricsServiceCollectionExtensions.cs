using System.Net;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace IopGuideBot.Hosting;

/// <summary>Who may read <c>/metrics</c> (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Addresses or networks (CIDR, e.g. <c>10.1.2.0/24</c>) allowed to scrape. Empty: this machine only (loopback).
    /// </summary>
    public string[] AllowedScrapers { get; set; } = [];

    internal IReadOnlyList<IPNetwork> ParseAllowed() =>
        AllowedScrapers.Length == 0
            ? [new IPNetwork(IPAddress.Loopback, 8), new IPNetwork(IPAddress.IPv6Loopback, 128)]
            : [.. AllowedScrapers.Select(a => IPNetwork.TryParse(a, out var network) ? network
                : IPAddress.TryParse(a, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
                : throw new OptionsValidationException(SectionName, typeof(MetricsOptions),
                    [$"Metrics:AllowedScrapers entry '{a}' is neither an IP address nor a CIDR network."]))];
}

public static class MetricsServiceCollectionExtensions
{
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// OpenTelemetry metrics in Prometheus format: the service's own (<see cref="ClinicMetrics"/>: turns, failed turns,
    /// turn latency, state conflicts, undelivered replies, crisis detections, handoffs by urgency) and ASP.NET Core's
    /// request metrics.
    /// </summary>
    public static IServiceCollection AddClinicMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .Bind(configuration.GetSection(MetricsOptions.SectionName))
            .Validate(o => o.ParseAllowed().Count > 0)
            .ValidateOnStart();
        services.TryAddSingleton<ClinicMetrics>();

        // Every handoff write goes through the store, so that is where they are counted (storage registered it first).
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IHandoffStore))
            ?? throw new InvalidOperationException("AddClinicMetrics counts handoffs: call it after AddBotStorage.");
        services.Replace(ServiceDescriptor.Singleton<IHandoffStore>(sp => new MeteredHandoffStore(
            (IHandoffStore)(store.ImplementationFactory?.Invoke(sp) ?? store.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
            sp.GetRequiredService<ClinicMetrics>())));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ClinicMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary><c>GET /metrics</c> for the addresses in <c>Metrics:AllowedScrapers</c>; anyone else gets 403.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var allowed = endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.ParseAllowed();
        endpoints.MapPrometheusScrapingEndpoint(ScrapePath, meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use(async (context, next) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is null || !allowed.Any(network => network.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        }), optionsName: null);
        return endpoints;
    }
}

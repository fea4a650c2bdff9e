using IopGuideBot.Conversation.Diagnostics;
using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace IopGuideBot.Hosting;

public static class ClinicLogging
{
    /// <summary>
    /// Serilog to the console and to a rolling JSON file under the data directory. Levels come from the
    /// <c>Serilog</c> configuration section; the defaults there keep framework and SDK chatter (which includes request
    /// URLs carrying conversation ids) at Warning.
    /// </summary>
    /// <remarks>
    /// Privacy rule for every log call in this codebase: never message text, names, phone numbers, e-mail addresses or
    /// tokens; conversation ids only through <see cref="LogIds.Hash"/>.
    /// </remarks>
    public static WebApplicationBuilder AddClinicLogging(this WebApplicationBuilder builder, string dataDirectory)
    {
        var logFile = Path.Combine(dataDirectory, "logs", "iopguidebot-.json");
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            // Polly's resilience telemetry tags every event with the request URI, and a reply's URI carries the
            // conversation id. Reply failures are logged by the adapter (hashed id, exception type) instead.
            .MinimumLevel.Override("Polly", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                new CompactJsonFormatter(),
                logFile,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14),
            // The service's logger is its own; the static console logger stays for start-up failures (and several
            // hosts in one test process do not fight over freezing it).
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, the matched route pattern (not the raw path, which can carry conversation ids),
    /// status and time. Never bodies or query strings.
    /// </summary>
    /// <remarks>
    /// Failures (an exception or a 5xx) are logged at Error; everything else at Debug, which the default configuration
    /// filters out before the event is built. At Information every chat turn wrote two lines (its POST and its GET) to
    /// the console and the JSON file: about 8 % of the service's CPU under load (BENCHMARKS.md). Set
    /// <c>Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware</c> to <c>Debug</c> to see them.
    /// </remarks>
    public static IApplicationBuilder UseClinicRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz") ? LogEventLevel.Verbose
                : LogEventLevel.Debug;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("Route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
        });

    /// <summary>A console logger for what happens before the host runs (such as a refusal to start).</summary>
    public static void UseStartupLogger() =>
        Log.Logger = new LoggerConfiguration()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();
}

using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IopGuideBot.Channels;

public static class OutboundReplyServiceCollectionExtensions
{
    /// <summary>The named HTTP client that carries every reply to a channel (and the SDK's other outbound calls).</summary>
    public const string HttpClientName = "BotConnector";

    /// <summary>
    /// Replies leave through one HTTP client: no redirects (a redirect would re-send the reply, body and token, wherever
    /// the channel points), a short connect timeout, a per-attempt and a total timeout, bounded retries with jitter for
    /// transient failures, and a User-Agent that names the product and nothing about its versions or the OS.
    /// </summary>
    public static IServiceCollection AddOutboundReplies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboundReplyOptions>()
            .Bind(configuration.GetSection(OutboundReplyOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeout <= o.TotalTimeout, "Bot:Outbound:AttemptTimeout must not exceed Bot:Outbound:TotalTimeout.")
            .ValidateOnStart();
        services.AddSingleton<ServiceUrlPolicy>();

        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = sp.GetRequiredService<IOptions<OutboundReplyOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient((sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<OutboundReplyOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(1))
            .AddHttpMessageHandler(() => new PlainUserAgentHandler())
            .AddResilienceHandler("bot-replies", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<OutboundReplyOptions>>().Value;
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                        ShouldHandle = options.MaxRetries == 0
                            ? _ => ValueTask.FromResult(false)
                            : args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryDelay,
                        // A channel's Retry-After could ask for hours; the total timeout is the only wait we honour.
                        ShouldRetryAfterHeader = false,
                    })
                    .AddTimeout(options.AttemptTimeout);
            });

        return services;
    }

    /// <summary>Hands the SDK our reply client whatever name it asks for.</summary>
    internal sealed class ReplyHttpClientFactory(IHttpClientFactory inner) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => inner.CreateClient(HttpClientName);
    }

    /// <summary>The connector client announces exact SDK, .NET and OS versions; a channel needs none of that.</summary>
    private sealed class PlainUserAgentHandler : DelegatingHandler
    {
        private static readonly ProductInfoHeaderValue Product = new("IopGuideBot", null);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.UserAgent.Clear();
            request.Headers.UserAgent.Add(Product);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IopGuideBot.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The website chat's Direct Line endpoint: options (section <c>DirectLine</c>, checked at start-up), tokens sealed
    /// with the shared Data Protection key ring, conversation records in bot storage, rate limits, the in-process
    /// <see cref="DirectLineAdapter"/> (same middleware as <c>/api/messages</c>), the WebSocket stream, and the CORS
    /// policy for the allowed origins. Needs the bot channel and storage registered too.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineRateLimits>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<DirectLineStream>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .WithOrigins(directLine.Value.AllowedOrigins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                // What DirectLineJS sends on every call (x-ms-bot-agent names the client).
                .WithHeaders("authorization", "content-type", "x-ms-bot-agent")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}

public static class DirectLineApplicationBuilderExtensions
{
    /// <summary>What the website chat needs in the request pipeline: WebSockets for its stream, CORS for other sites.</summary>
    public static IApplicationBuilder UseWebsiteChatTransport(this IApplicationBuilder app)
    {
        // Protocol-level pings keep idle streams open through proxies and let dead connections be noticed.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseCors();
        return app;
    }
}

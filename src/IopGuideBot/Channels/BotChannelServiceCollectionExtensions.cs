using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Channels;

public static class BotChannelServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework channel: <see cref="ClinicCloudAdapter"/> over the SDK's configuration-driven authentication
    /// (with connector clients shared per service URL), and the guard against running anonymous in Production.
    /// </summary>
    public static IServiceCollection AddBotChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotChannelOptions>()
            .Bind(configuration.GetSection(BotChannelOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotChannelOptions>, AnonymousProductionGuard>();

        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedConnectorClientAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: new OutboundReplyServiceCollectionExtensions.ReplyHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>()),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));

        // The turn pipeline (IEnumerable<IMiddleware>) is AddTurnPipeline's: every adapter runs the same one.
        services.AddSingleton<ClinicCloudAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<ClinicCloudAdapter>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<ClinicCloudAdapter>());
        return services;
    }

    /// <summary>Whether the channel endpoint runs without credentials (right for the Emulator on a developer's machine).</summary>
    public static bool IsAnonymous(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[MicrosoftAppCredentials.MicrosoftAppIdKey]);

    private sealed class AnonymousProductionGuard(IHostEnvironment environment, IConfiguration configuration)
        : IValidateOptions<BotChannelOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotChannelOptions options) =>
            environment.IsProduction() && IsAnonymous(configuration) && !options.AllowAnonymousInProduction
                ? ValidateOptionsResult.Fail(
                    "Refusing to start: no MicrosoftAppId/MicrosoftAppPassword is configured in Production, so " +
                    "/api/messages would accept activities from anyone. Configure the bot's channel credentials, or set " +
                    "Bot:AllowAnonymousInProduction=true to run anonymous on purpose.")
                : ValidateOptionsResult.Success;
    }
}

public static class BotChannelApplicationExtensions
{
    /// <summary>
    /// Checks the channel settings before the host starts (so a refusal is one clear line, not a hosting stack trace)
    /// and says once whether the channel endpoint checks channel tokens.
    /// </summary>
    public static WebApplication EnsureChannelSettingsAreSafe(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<IOptions<BotChannelOptions>>().Value;
        if (BotChannelServiceCollectionExtensions.IsAnonymous(app.Configuration))
        {
            app.Logger.LogWarning(
                "{Route} is anonymous (no MicrosoftAppId): right for Bot Framework Emulator on this machine, not for a public server",
                BotMessagesEndpoints.Route);
        }
        else
        {
            app.Logger.LogInformation("{Route} requires a valid Bot Framework channel token", BotMessagesEndpoints.Route);
        }

        return app;
    }
}

namespace IopGuideBot.Channels;

/// <summary>
/// How the Bot Framework channel endpoint authenticates. The credentials use the SDK's own root-level keys
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c>), read by
/// <c>ConfigurationBotFrameworkAuthentication</c>; this section holds only our own switches.
/// </summary>
public sealed class BotChannelOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// Lets the service run without channel credentials in the Production environment. Off by default: an anonymous
    /// production endpoint would accept activities from anyone and send replies wherever they ask.
    /// </summary>
    public bool AllowAnonymousInProduction { get; set; }

    /// <summary>Largest accepted activity body, in bytes. Bot Framework caps activities well below this.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Base URLs besides this machine's loopback addresses that an anonymous endpoint may reply to (for example an
    /// Emulator on another machine). Ignored with channel credentials, where the signed token names the service URL.
    /// </summary>
    public string[] AllowedServiceUrls { get; set; } = [];
}

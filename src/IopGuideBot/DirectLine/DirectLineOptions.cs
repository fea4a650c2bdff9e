using Microsoft.Extensions.Options;

namespace IopGuideBot.DirectLine;

/// <summary>The website chat's Direct Line endpoint (configuration section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Server-to-server secret for <c>POST /v3/directline/tokens/generate</c> and for starting a conversation from a
    /// server. Empty: only the page's own token endpoint issues tokens. Never put it in a web page.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid; clients refresh it while it is (Web Chat every 15 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>New chats one client address may start per minute through <c>POST /api/directline/token</c>.</summary>
    public int TokensPerMinutePerClient { get; set; } = 10;

    /// <summary>Activities one conversation may post per minute, on average.</summary>
    public int ActivitiesPerMinutePerConversation { get; set; } = 30;

    /// <summary>Activities one conversation may post in a quick burst before the per-minute rate applies.</summary>
    public int ActivityBurstPerConversation { get; set; } = 10;

    /// <summary>Most activities in one response or stream message; clients page on by watermark.</summary>
    public int MaxActivitiesPerRead { get; set; } = 100;

    /// <summary>
    /// Other web sites (origins such as <c>https://www.clinic.example</c>) allowed to call the Direct Line endpoint from a
    /// browser and to show the chat page in a frame (the <c>/embed.js</c> widget). The service's own pages always may.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}

internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var errors = new List<string>();
        if (options.TokenLifetime < TimeSpan.FromMinutes(1) || options.TokenLifetime > TimeSpan.FromHours(24))
        {
            errors.Add("DirectLine:TokenLifetime must be between 00:01:00 and 24:00:00.");
        }

        if (!string.IsNullOrEmpty(options.Secret) && options.Secret.Length < 32)
        {
            errors.Add("DirectLine:Secret must be at least 32 characters (or empty to turn server-to-server tokens off).");
        }

        if (options.TokensPerMinutePerClient < 1 || options.ActivitiesPerMinutePerConversation < 1
            || options.ActivityBurstPerConversation < 1 || options.MaxActivitiesPerRead < 1)
        {
            errors.Add("DirectLine rate limits and MaxActivitiesPerRead must be at least 1.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.PathAndQuery != "/" || origin.EndsWith('/'))
            {
                errors.Add($"DirectLine:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path or trailing slash).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

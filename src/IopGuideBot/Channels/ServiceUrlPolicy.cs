using System.Net;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Channels;

/// <summary>
/// Where an anonymous channel endpoint may send replies. Without channel credentials nothing vouches for an activity's
/// <c>serviceUrl</c> (with credentials, the signed token carries it and the SDK checks it), so replies go only to this
/// machine (a loopback address or <c>localhost</c>, any port: Bot Framework Emulator) or to a base URL listed in
/// <c>Bot:AllowedServiceUrls</c>.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotChannelOptions> options)
{
    public bool Allows(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (IsLoopback(serviceUrl))
        {
            return true;
        }

        foreach (var allowed in options.Value.AllowedServiceUrls)
        {
            if (Uri.TryCreate(allowed, UriKind.Absolute, out var baseUrl)
                && string.Equals(baseUrl.Scheme, serviceUrl.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(baseUrl.IdnHost, serviceUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
                && baseUrl.Port == serviceUrl.Port
                && serviceUrl.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the caller (typically someone running the Emulator on another machine) is told to do.</summary>
    public static string RefusalReason =>
        "The activity's 'serviceUrl' is not on this machine. Without channel credentials (MicrosoftAppId) the bot " +
        "replies only to loopback addresses, so Bot Framework Emulator must run on the same machine. To reply to " +
        "another address on purpose, add its base URL (for example http://192.0.2.10:5000/) to Bot:AllowedServiceUrls.";

    // Uri has already turned decimal, octal and hex IPv4 forms into dotted quads, so 2130706433 is 127.0.0.1 here.
    private static bool IsLoopback(Uri url) =>
        url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)
            : string.Equals(url.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);
}

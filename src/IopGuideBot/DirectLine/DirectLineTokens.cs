using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IopGuideBot.DirectLine;

/// <summary>What a token may be used for.</summary>
public enum DirectLineTokenKind
{
    /// <summary>The <c>Authorization: Bearer</c> token of one conversation.</summary>
    Conversation,

    /// <summary>The short-lived ticket inside a <c>streamUrl</c> (a browser cannot set headers on a WebSocket).</summary>
    Stream,
}

/// <summary>What a valid token says: which conversation, which user, until when.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, DirectLineTokenKind Kind, DateTimeOffset Expires);

public enum DirectLineTokenStatus
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// Issues and checks Direct Line tokens. A token binds one conversation id and one <c>dl_</c> user id until it expires.
/// </summary>
/// <remarks>
/// A token is shaped like a JWT (<c>header.claims.seal</c>) because Web Chat reads the user id from its <c>user</c>
/// claim, so the page and the server agree on who the user is. The third part is not an HMAC with a configured key but
/// a Data Protection seal (authenticated encryption) over a hash of the first two, made with the key ring that every
/// instance shares through the database. So no signing key lives in configuration or code, keys rotate with the ring,
/// and a token issued by one instance is accepted by all of them.
/// </remarks>
public sealed class DirectLineTokens
{
    /// <summary>Prefix Direct Line reserves for user ids that a token carries.</summary>
    public const string UserIdPrefix = "dl_";

    private const string Purpose = "IopGuideBot.DirectLine.Token.v1";

    /// <summary>Long enough for a client to open the stream it was just given; it reconnects through a resume call.</summary>
    private static readonly TimeSpan StreamTicketLifetime = TimeSpan.FromMinutes(2);

    private static readonly string Header = Base64UrlEncoder.Encode("""{"alg":"DP-SHA256","typ":"JWT"}""");

    private readonly IDataProtector _seal;
    private readonly TimeProvider _time;
    private readonly IOptions<DirectLineOptions> _options;

    public DirectLineTokens(IDataProtectionProvider dataProtection, TimeProvider time, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        _seal = dataProtection.CreateProtector(Purpose);
        _time = time;
        _options = options;
    }

    /// <summary>Seconds a new conversation token is valid (<c>expires_in</c>).</summary>
    public int LifetimeSeconds => (int)_options.Value.TokenLifetime.TotalSeconds;

    public static string NewConversationId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static string NewUserId() => UserIdPrefix + RandomNumberGenerator.GetHexString(24, lowercase: true);

    /// <summary>A user id a server may embed through <c>tokens/generate</c>: the reserved prefix, then 1–64 safe characters.</summary>
    public static bool IsValidUserId(string? userId) =>
        userId is { Length: > 3 and <= 67 } && userId.StartsWith(UserIdPrefix, StringComparison.Ordinal)
        && userId.AsSpan(UserIdPrefix.Length).ContainsAnyExcept(SafeIdCharacters) is false;

    private static readonly System.Buffers.SearchValues<char> SafeIdCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    public string IssueConversationToken(string conversationId, string userId) =>
        Issue(new Claims(userId, conversationId, KindName(DirectLineTokenKind.Conversation), 0, 0), _options.Value.TokenLifetime);

    public string IssueStreamTicket(string conversationId, string userId) =>
        Issue(new Claims(userId, conversationId, KindName(DirectLineTokenKind.Stream), 0, 0), StreamTicketLifetime);

    /// <summary>Checks the seal first, so only a genuine token can be reported as expired.</summary>
    public (DirectLineTokenStatus Status, DirectLineTokenClaims? Claims) Check(string? token, DirectLineTokenKind expected)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return (DirectLineTokenStatus.Invalid, null);
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return (DirectLineTokenStatus.Invalid, null);
        }

        Claims? claims;
        try
        {
            var sealedHash = _seal.Unprotect(Base64UrlEncoder.DecodeBytes(parts[2]));
            if (!CryptographicOperations.FixedTimeEquals(sealedHash, Hash(parts[0], parts[1])))
            {
                return (DirectLineTokenStatus.Invalid, null);
            }

            claims = JsonSerializer.Deserialize(Base64UrlEncoder.DecodeBytes(parts[1]), TokenJson.Default.Claims);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException or JsonException)
        {
            return (DirectLineTokenStatus.Invalid, null);
        }

        if (claims is null || claims.Kind != KindName(expected) || string.IsNullOrEmpty(claims.Conversation) || string.IsNullOrEmpty(claims.User))
        {
            return (DirectLineTokenStatus.Invalid, null);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Expires);
        var result = new DirectLineTokenClaims(claims.Conversation, claims.User, expected, expires);
        return _time.GetUtcNow() >= expires ? (DirectLineTokenStatus.Expired, result) : (DirectLineTokenStatus.Valid, result);
    }

    /// <summary>Compares with the configured secret in constant time; false when none is configured.</summary>
    public bool IsSecret(string? presented)
    {
        var secret = _options.Value.Secret;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    private string Issue(Claims claims, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var payload = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(
            claims with { IssuedAt = now.ToUnixTimeSeconds(), Expires = (now + lifetime).ToUnixTimeSeconds() },
            TokenJson.Default.Claims));
        return $"{Header}.{payload}.{Base64UrlEncoder.Encode(_seal.Protect(Hash(Header, payload)))}";
    }

    private static byte[] Hash(string header, string payload) => SHA256.HashData(Encoding.ASCII.GetBytes(header + "." + payload));

    private static string KindName(DirectLineTokenKind kind) => kind == DirectLineTokenKind.Stream ? "stream" : "conversation";

    internal sealed record Claims(
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("conv")] string Conversation,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("iat")] long IssuedAt,
        [property: JsonPropertyName("exp")] long Expires);
}

[JsonSerializable(typeof(DirectLineTokens.Claims))]
internal sealed partial class TokenJson : JsonSerializerContext;

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// Plays the Bot Framework token service on loopback: it publishes OpenID metadata and signing keys (with channel
/// endorsements, as <c>login.botframework.com</c> does) over HTTPS, and signs channel tokens with those keys.
/// </summary>
/// <remarks>
/// The SDK fetches the metadata through <c>ConfigurationManager</c>, which refuses plain http (IDX20108), with its own
/// static <c>HttpClient</c> (not the service's <c>IHttpClientFactory</c>). So the server uses a self-signed certificate
/// for 127.0.0.1 and <see cref="TrustedCertificateFile"/> holds it as PEM: a service process started with
/// <c>SSL_CERT_FILE</c> pointing there trusts it, exactly as a machine trusts a private CA.
/// </remarks>
public sealed class FakeChannelAuthority : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string MetadataPath = "/.well-known/openidconfiguration";
    public const string KeysPath = "/keys";

    /// <summary>Published; endorsed for Web Chat and Direct Line.</summary>
    public const string ChannelKeyId = "channel-key";

    /// <summary>Published; endorsed for Teams only.</summary>
    public const string TeamsKeyId = "teams-key";

    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly Dictionary<string, RSA> _keys;
    private readonly RSA _impostorKey = RSA.Create(2048);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly X509Certificate2 _tlsCertificate;

    private FakeChannelAuthority(WebApplication app, string directory, Dictionary<string, RSA> keys, X509Certificate2 tlsCertificate)
    {
        _app = app;
        _tlsCertificate = tlsCertificate;
        _directory = directory;
        _keys = keys;
    }

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + MetadataPath;

    /// <summary>PEM of the server's certificate, for <c>SSL_CERT_FILE</c>.</summary>
    public string TrustedCertificateFile => Path.Combine(_directory, "authority.pem");

    /// <summary>Every request the server received, as "METHOD /path".</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public static async Task<FakeChannelAuthority> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // Kestrel uses it for every handshake: disposed with the server, not before.
        var tlsCertificate = CreateLoopbackCertificate(out var pem);

        var keys = new Dictionary<string, RSA> { [ChannelKeyId] = RSA.Create(2048), [TeamsKeyId] = RSA.Create(2048) };
        var endorsements = new Dictionary<string, string[]>
        {
            [ChannelKeyId] = ["webchat", "directline"],
            [TeamsKeyId] = ["msteams"],
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(tlsCertificate)));
        var app = builder.Build();
        var authority = new FakeChannelAuthority(app, directory, keys, tlsCertificate);
        await File.WriteAllTextAsync(authority.TrustedCertificateFile, pem);

        app.Use((context, next) =>
        {
            authority._requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return next(context);
        });
        app.MapGet(MetadataPath, () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = authority.BaseUrl + "/authorize",
            ["jwks_uri"] = authority.BaseUrl + KeysPath,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet(KeysPath, () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = keys.Select(pair =>
            {
                var parameters = pair.Value.ExportParameters(includePrivateParameters: false);
                return new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = pair.Key,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = endorsements[pair.Key],
                };
            }).ToArray(),
        }));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        authority.BaseUrl = address.TrimEnd('/');
        return authority;
    }

    /// <summary>A channel token as the Bot Connector service sends it to a bot.</summary>
    public string CreateToken(ChannelToken token)
    {
        var key = token.SignWithImpostorKey ? _impostorKey : _keys[token.KeyId];
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = token.Audience,
            Claims = new Dictionary<string, object> { ["serviceurl"] = token.ServiceUrl },
            IssuedAt = token.NotBefore.UtcDateTime,
            NotBefore = token.NotBefore.UtcDateTime,
            Expires = token.Expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = token.KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _impostorKey.Dispose();
        _tlsCertificate.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A short-lived, self-signed server certificate for 127.0.0.1 (not a CA), with its private key.</summary>
    private static X509Certificate2 CreateLoopbackCertificate(out string pem)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], false));

        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(2));
        pem = created.ExportCertificatePem();
        // Round-trip through PKCS#12 so Kestrel gets a certificate whose private key it can use for TLS.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}

/// <summary>What a channel token says; <see cref="FakeChannelAuthority.CreateToken"/> signs it.</summary>
/// <param name="SignWithImpostorKey">Sign with a key the authority never published, still naming <paramref name="KeyId"/>
/// in the header: a forgery.</param>
public sealed record ChannelToken(
    string Audience,
    string ServiceUrl,
    string Issuer = FakeChannelAuthority.Issuer,
    string KeyId = FakeChannelAuthority.ChannelKeyId,
    bool SignWithImpostorKey = false)
{
    public DateTimeOffset NotBefore { get; init; } = DateTimeOffset.UtcNow.AddMinutes(-1);

    public DateTimeOffset Expires { get; init; } = DateTimeOffset.UtcNow.AddMinutes(30);
}

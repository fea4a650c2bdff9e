using System.Net;
using IopGuideBot.Conversation;
using IopGuideBot.Tests.Support;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IopGuideBot.Tests;

/// <summary>
/// With channel credentials configured, the service accepts a request carrying a valid channel token (signed by a key
/// the token service publishes, endorsed for the activity's channel, for this bot, from this serviceUrl, in date) and
/// answers it; a token that fails any one of those checks gets 401, never 500.
/// </summary>
/// <remarks>
/// The service runs as its own process (the shipped build, unmodified) in Production, configured only through the
/// SDK's own settings to take its channel keys from <see cref="FakeChannelAuthority"/> on loopback, and told to trust
/// that server's certificate through <c>SSL_CERT_FILE</c>. Everything the bot could call out to (the login endpoint,
/// the token service, the activity's serviceUrl) also points at that server, which records every request.
/// </remarks>
public sealed class ChannelAuthenticationTokenTests(ChannelAuthenticationTokenTests.AuthenticatedService service)
    : IClassFixture<ChannelAuthenticationTokenTests.AuthenticatedService>
{
    private const string AppId = "00000000-0000-0000-0000-000000000001";
    private const string Channel = "webchat";

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_bot_answers()
    {
        var activity = service.Message("what is an IOP?");
        var bearer = service.Authority.CreateToken(new ChannelToken(AppId, activity.ServiceUrl));

        var response = await service.Client.PostAsync(activity, bearer);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"{(int)response.StatusCode}: {body}\nAuthority saw: {string.Join(", ", service.Authority.Requests)}\n{service.Process.Output}");
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(body, HttpHelper.BotMessageSerializerSettings)!;
        var contentIds = replies.Activities.Where(a => a.Type == ActivityTypes.Message).Select(Replies.ContentIdOf).ToList();
        Assert.Contains("topic:what-is-iop", contentIds);

        // The replies came back in the body: nothing asked for an AAD token or posted to the serviceUrl. The only
        // requests the service ever made were for the metadata and the signing keys.
        Assert.All(service.Authority.Requests, request => Assert.Contains(
            request, new[] { $"GET {FakeChannelAuthority.MetadataPath}", $"GET {FakeChannelAuthority.KeysPath}" }));
    }

    public static TheoryData<string> RejectedTokens => new()
    {
        "for another bot",
        "from another issuer",
        "expired",
        "not yet valid",
        "signed by a key not endorsed for the channel",
        "for another serviceUrl",
        "signed by a key the authority does not publish",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_channel_token_that_fails_one_check_gets_401(string flaw)
    {
        var activity = service.Message("what is an IOP?");
        var valid = new ChannelToken(AppId, activity.ServiceUrl);

        // Control: the same token without the flaw is accepted, so the 401 below is the flaw's doing (not, say,
        // keys that could not be fetched).
        var control = await service.Client.PostAsync(service.Message("what is an IOP?"), service.Authority.CreateToken(valid));
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);

        var token = flaw switch
        {
            "for another bot" => valid with { Audience = "00000000-0000-0000-0000-000000000002" },
            "from another issuer" => valid with { Issuer = "https://issuer.invalid" },
            "expired" => valid with { NotBefore = DateTimeOffset.UtcNow.AddHours(-2), Expires = DateTimeOffset.UtcNow.AddMinutes(-10) },
            "not yet valid" => valid with { NotBefore = DateTimeOffset.UtcNow.AddMinutes(10), Expires = DateTimeOffset.UtcNow.AddHours(1) },
            "signed by a key not endorsed for the channel" => valid with { KeyId = FakeChannelAuthority.TeamsKeyId },
            "for another serviceUrl" => valid with { ServiceUrl = service.Authority.BaseUrl + "/elsewhere/" },
            "signed by a key the authority does not publish" => valid with { SignWithImpostorKey = true },
            _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null),
        };

        var response = await service.Client.PostAsync(activity, service.Authority.CreateToken(token));

        Assert.True(
            response.StatusCode == HttpStatusCode.Unauthorized,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{service.Process.Output}");
    }

    /// <summary>The service process with credentials, taking its channel keys from the fake authority.</summary>
    public sealed class AuthenticatedService : IAsyncLifetime
    {
        private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));

        public FakeChannelAuthority Authority { get; private set; } = null!;

        public ServiceProcess Process { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        /// <summary>A Web Chat message with expectReplies; its serviceUrl is on the authority, which records any call.</summary>
        public Activity Message(string text)
        {
            var activity = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), Authority.BaseUrl + "/connector/", text);
            activity.ChannelId = Channel;
            activity.DeliveryMode = DeliveryModes.ExpectReplies;
            return activity;
        }

        public async Task InitializeAsync()
        {
            Authority = await FakeChannelAuthority.StartAsync();
            Process = ServiceProcess.Start(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__DataDirectory"] = _dataDirectory,
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                // The SDK's settings for a private cloud; with any of them set it uses these instead of the public
                // Bot Framework endpoints, so nothing here can leave the machine.
                ["ToBotFromChannelTokenIssuer"] = FakeChannelAuthority.Issuer,
                ["ToBotFromChannelOpenIdMetadataUrl"] = Authority.MetadataUrl,
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = Authority.MetadataUrl,
                ["ToChannelFromBotLoginUrl"] = Authority.BaseUrl + "/login",
                ["ToChannelFromBotOAuthScope"] = FakeChannelAuthority.Issuer,
                ["OAuthUrl"] = Authority.BaseUrl + "/oauth",
                ["ValidateAuthority"] = "false",
                // The SDK's token validation uses its own HttpClient; the process trusts the authority's certificate
                // the way any .NET process on Linux trusts a private CA.
                ["SSL_CERT_FILE"] = Authority.TrustedCertificateFile,
            });
            await Process.WaitUntilHealthyAsync();
            Client = new HttpClient { BaseAddress = Process.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (Process is not null)
            {
                await Process.DisposeAsync();
            }

            if (Authority is not null)
            {
                await Authority.DisposeAsync();
            }

            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

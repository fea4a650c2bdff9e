using System.Net;
using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>With channel credentials configured, requests without a valid channel token get 401 (never 500).</summary>
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private readonly BotService _service = new(new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
        ["MicrosoftAppPassword"] = "test-secret",
        // Keys for a token from this issuer are fetched from here: a closed loopback port, as when the internet is
        // unreachable, so the test never leaves the machine. (With any of these keys set the SDK takes the issuer
        // from configuration too; without it no issuer is accepted and the keys would never be fetched.)
        ["ToBotFromChannelTokenIssuer"] = "https://api.botframework.com",
        ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration",
    });

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _service.CreateLoopbackClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    public static TheoryData<string?> RejectedTokens => new()
    {
        null,
        "abc.def.ghi",
        "not-a-token",
        // A well-formed JWT (header {"alg":"RS256","kid":"k1","typ":"JWT"}) whose signing keys must be fetched.
        "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0." +
        "eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAxIn0." +
        "c2lnbmF0dXJl",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Requests_without_a_valid_channel_token_get_401(string? bearer)
    {
        var activity = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), "http://127.0.0.1:9/", "hello");

        var response = await _client.PostAsync(activity, bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class AnonymousProductionTests
{
    [Fact]
    public async Task Production_refuses_to_start_without_credentials_and_says_so_in_one_line()
    {
        await using var service = ServiceProcess.Start(ProductionEnvironment());

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        var reason = Assert.Single(service.Output.Split('\n'), line => line.Contains("AllowAnonymousInProduction", StringComparison.Ordinal));
        Assert.Contains("Refusing to start", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_anonymous_when_explicitly_allowed()
    {
        var environment = ProductionEnvironment();
        environment["Bot__AllowAnonymousInProduction"] = "true";
        await using var service = ServiceProcess.Start(environment);

        await service.WaitUntilHealthyAsync();
    }

    private static Dictionary<string, string> ProductionEnvironment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N")),
        ["KeyRing__CertificatePath"] = TestKeyRing.CertificatePath,
    };
}

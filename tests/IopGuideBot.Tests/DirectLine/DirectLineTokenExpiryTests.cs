using System.Net;
using IopGuideBot.DirectLine;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Tests.DirectLine;

/// <summary>Tokens expire after 30 minutes and can be refreshed while valid; the service's clock is the test's.</summary>
public sealed class DirectLineTokenExpiryTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private BotService _service = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _service = new BotService(configureServices: services => services.AddSingleton<TimeProvider>(_clock));
        _client = _service.CreateLoopbackClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task An_expired_token_gets_403_TokenExpired_everywhere()
    {
        var chat = await DirectLineChat.StartAsync(_client);
        await chat.PostAsync(DirectLineChat.Join());

        _clock.Advance(TimeSpan.FromMinutes(30));

        using var read = await _client.SendAsync(DirectLineChat.Request(HttpMethod.Get, chat.ActivitiesPath, chat.Token));
        using var post = await chat.PostRawAsync(DirectLineChat.Message("hello"));
        using var refresh = await _client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", chat.Token));
        using var resume = await _client.SendAsync(DirectLineChat.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}", chat.Token));
        foreach (var response in new[] { read, post, refresh, resume })
        {
            await DirectLineProtocolTests.AssertErrorAsync(response, HttpStatusCode.Forbidden, DirectLineErrorCodes.TokenExpired);
        }
    }

    [Fact]
    public async Task A_token_refreshed_while_valid_keeps_the_conversation_going_past_the_first_expiry()
    {
        var chat = await DirectLineChat.StartAsync(_client);
        _clock.Advance(TimeSpan.FromMinutes(20));

        using var refreshed = await _client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", chat.Token));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = JObject.Parse(await refreshed.Content.ReadAsStringAsync());
        var fresh = body.Value<string>("token")!;
        Assert.Equal(chat.ConversationId, body.Value<string>("conversationId"));
        Assert.Equal(chat.UserId, DirectLineChat.ClaimsOf(fresh).Value<string>("user"));
        _clock.Advance(TimeSpan.FromMinutes(20));

        using var withOld = await _client.SendAsync(DirectLineChat.Request(HttpMethod.Get, chat.ActivitiesPath, chat.Token));
        using var withFresh = await chat.PostRawAsync(DirectLineChat.Join(), token: fresh);

        await DirectLineProtocolTests.AssertErrorAsync(withOld, HttpStatusCode.Forbidden, DirectLineErrorCodes.TokenExpired);
        Assert.Equal(HttpStatusCode.OK, withFresh.StatusCode);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

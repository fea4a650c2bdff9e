using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.LiveChat;
using IopGuideBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Tests;

/// <summary>
/// Staff are told of each new or urgent handoff at a webhook: a real HTTP receiver checks the HMAC-SHA256 signature,
/// refuses the first attempt (so the service must retry), and sees nothing but the urgency, the id and the console link.
/// </summary>
public sealed class HandoffNotificationTests : IAsyncLifetime
{
    private const string Secret = "webhook-test-secret";

    private WebApplication _receiver = null!;
    private readonly Channel<(string Body, bool SignatureValid)> _received = Channel.CreateUnbounded<(string, bool)>();
    private int _attempts;
    private BotService _service = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                return Results.StatusCode(503); // the first delivery fails: only a retry gets through
            }

            var valid = request.Headers[HandoffNotification.SignatureHeader].ToString() == HandoffNotification.Sign(Encoding.UTF8.GetBytes(body), Secret);
            await _received.Writer.WriteAsync((body, valid));
            return Results.Ok();
        });
        await _receiver.StartAsync();
        var address = _receiver.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        _service = new BotService(
            new Dictionary<string, string?>
            {
                ["HandoffNotifications:Url"] = address.TrimEnd('/') + "/hook",
                ["HandoffNotifications:Secret"] = Secret,
                ["HandoffNotifications:FirstRetryDelay"] = "00:00:00.200",
            },
            configureServices: services => services.AddSingleton<TimeProvider>(new ClinicClock(ClinicClock.OfficeHours)));
        _client = _service.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task New_and_urgent_handoffs_are_posted_signed_with_only_urgency_id_and_link_and_retried()
    {
        var chat = new ExpectRepliesChat();
        Assert.Equal([LiveChatMessages.Waiting], await chat.SayAsync(_client, "talk to a person"));
        var handoff = await _service.Services.GetRequiredService<IHandoffStore>().GetByConversationAsync(chat.ConversationId);

        var (body, signed) = await NextAsync();

        Assert.True(signed, "the signature matches the body and the shared secret");
        Assert.True(_attempts >= 2, "the refused first attempt was retried");
        var json = JObject.Parse(body);
        Assert.Equal(["urgency", "handoffId", "link", "new"], json.Properties().Select(p => p.Name));
        Assert.Equal("routine", json.Value<string>("urgency"));
        Assert.Equal(handoff!.Id, json.Value<string>("handoffId"));
        Assert.Equal($"/staff/handoffs/{handoff.Id}", json.Value<string>("link"));

        await chat.SayAsync(_client, "honestly I don't want to be alive anymore");
        var (urgentBody, urgentSigned) = await NextAsync();
        Assert.True(urgentSigned);
        var urgent = JObject.Parse(urgentBody);
        Assert.Equal("urgent", urgent.Value<string>("urgency"));
        Assert.False(urgent.Value<bool>("new"));
        Assert.DoesNotContain("alive", urgentBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("crisis", urgentBody, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(string Body, bool SignatureValid)> NextAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(deadline.Token);
    }
}

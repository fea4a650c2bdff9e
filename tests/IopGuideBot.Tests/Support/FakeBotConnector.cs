using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// Plays the channel side of the Bot Connector protocol, as Bot Framework Emulator does: a small HTTP server on a
/// loopback port that receives the bot's replies at <c>/v3/conversations/{id}/activities[/{replyToId}]</c>.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedActivity> _received = Channel.CreateUnbounded<ReceivedActivity>();
    private readonly ConcurrentQueue<ReceivedActivity> _all = new();

    private FakeBotConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyCollection<ReceivedActivity> All => _all;

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeBotConnector(app);

        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpRequest request, string conversationId, string replyToId) =>
            connector.ReceiveAsync(request, conversationId, replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpRequest request, string conversationId) =>
            connector.ReceiveAsync(request, conversationId, null));
        app.MapPost("/elsewhere/{**rest}", () =>
        {
            Interlocked.Increment(ref connector._redirectTargetHits);
            return Results.Json(new { id = "redirected" });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    private int _redirectTargetHits;
    private int _attempts;

    /// <summary>
    /// Decides how to answer each delivery attempt (1-based), after it was recorded in <see cref="Attempts"/>; null
    /// answers normally (200 with an id) and delivers the activity.
    /// </summary>
    public Func<int, ReceivedActivity, IResult?>? Intercept { get; set; }

    /// <summary>Every POST of an activity, including the ones <see cref="Intercept"/> refused.</summary>
    public ConcurrentQueue<ReceivedActivity> Attempts { get; } = new();

    /// <summary>Requests that reached <c>/elsewhere/…</c>, where a test's redirect points.</summary>
    public int RedirectTargetHits => Volatile.Read(ref _redirectTargetHits);

    private async Task<IResult> ReceiveAsync(HttpRequest request, string conversationId, string? replyToId)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync();
        var activity = JsonConvert.DeserializeObject<Activity>(json, HttpHelper.BotMessageSerializerSettings)!;
        var received = new ReceivedActivity(conversationId, replyToId, request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "", activity)
        {
            UserAgent = request.Headers.UserAgent.ToString(),
        };
        Attempts.Enqueue(received);
        if (Intercept?.Invoke(Interlocked.Increment(ref _attempts), received) is { } refusal)
        {
            return refusal;
        }

        _all.Enqueue(received);
        await _received.Writer.WriteAsync(received);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>Waits for the next activity the bot sends that matches, failing the test after the timeout.</summary>
    public async Task<ReceivedActivity> WaitForAsync(Func<ReceivedActivity, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var next = await _received.Reader.ReadAsync(cts.Token);
                if (match(next))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"The bot sent no matching activity. Received: {string.Join(", ", _all.Select(a => a.ContentId ?? a.Activity.Type))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedActivity(string ConversationId, string? ReplyToId, string RawPath, Activity Activity)
{
    public string UserAgent { get; init; } = "";

    /// <summary>The content id the bot stamps on every message it builds from <c>dialogs-content/</c>.</summary>
    public string? ContentId => (Activity.ChannelData as JObject)?["contentId"]?.Value<string>();
}

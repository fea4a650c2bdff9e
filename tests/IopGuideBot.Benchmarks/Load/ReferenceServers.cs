using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace IopGuideBot.Benchmarks.Load;

/// <summary>
/// The in-process servers the service is compared with, on loopback Kestrel in the load generator's own process:
/// the ceiling (a bare endpoint that parses the activity JSON as the SDK does and answers 200), the stock Bot Framework
/// <see cref="CloudAdapter"/> echo bot (as the SDK's samples wire it), and a loopback Bot Connector that accepts the
/// replies both bots send through <c>ConnectorClient</c>.
/// </summary>
internal sealed class ReferenceServers : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private long _connectorReplies;
    private int _stockErrors;

    public Uri Ceiling { get; private set; } = null!;

    public Uri StockBot { get; private set; } = null!;

    public Uri Connector { get; private set; } = null!;

    /// <summary>Replies the loopback connector has accepted (from either bot).</summary>
    public long ConnectorReplies => Interlocked.Read(ref _connectorReplies);

    public async Task StartAsync()
    {
        Connector = await StartAsync(app => app.MapPost("/v3/conversations/{conversationId}/activities/{**activityId}", async (HttpContext http) =>
        {
            await DrainAsync(http.Request);
            Interlocked.Increment(ref _connectorReplies);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        }), null);

        Ceiling = await StartAsync(app => app.MapPost("/api/messages", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync(), HttpHelper.BotMessageSerializerSettings);
            return activity?.Type is null ? Results.BadRequest() : Results.Ok();
        }), null);

        StockBot = await StartAsync(
            app => app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            {
                try
                {
                    await adapter.ProcessAsync(request, response, bot);
                }
                catch (Exception ex) when (Interlocked.Increment(ref _stockErrors) == 1)
                {
                    Console.WriteLine("stock echo bot failed: " + ex);
                    throw;
                }
            }),
            services =>
            {
                // As the Bot Framework samples do (EchoBot, Startup.cs): anonymous when MicrosoftAppId is empty.
                services.AddHttpClient();
                services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
                // The samples' AdapterWithErrorHandler: CloudAdapter(BotFrameworkAuthentication, ILogger).
                services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(
                    sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
                services.AddTransient<IBot, EchoBot>();
            });
    }

    private async Task<Uri> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("LOAD_DEBUG") is not null)
        {
            builder.Logging.AddSimpleConsole();
        }

        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        _apps.Add(app);
        var address = app.Urls.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static async Task DrainAsync(HttpRequest request)
    {
        var buffer = new byte[4096];
        while (await request.Body.ReadAsync(buffer) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The SDK sample's echo bot.</summary>
    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
    }
}

/// <summary>A Bot Framework channel sending message activities to an <c>/api/messages</c> endpoint, replies to the loopback connector.</summary>
internal sealed class ChannelSender(HttpClient http, Uri bot, Uri connector)
{
    private static readonly string[] Texts = ["What is an IOP?", "menu", "Compare care options", "For a family member", "How long does it take?"];
    private readonly Dictionary<int, int> _turns = [];
    private int _failures;

    public async Task<(string Kind, bool Ok)> TurnAsync(int worker, CancellationToken cancellationToken)
    {
        int turn;
        lock (_turns)
        {
            _turns[worker] = turn = _turns.GetValueOrDefault(worker) + 1;
        }

        var text = Texts[turn % Texts.Length];
        var body = JsonConvert.SerializeObject(new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "emulator",
            ServiceUrl = connector.ToString().TrimEnd('/'),
            Conversation = new ConversationAccount(id: $"load-{worker}"),
            From = new ChannelAccount($"user-{worker}", "User", RoleTypes.User),
            Recipient = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
            Text = text,
            Locale = "en-US",
            Timestamp = DateTimeOffset.UtcNow,
        }, HttpHelper.BotMessageSerializerSettings);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot, "api/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode && Interlocked.Increment(ref _failures) == 1)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            Console.WriteLine($"{bot} answered {(int)response.StatusCode}: {detail[..Math.Min(500, detail.Length)]}");
        }

        return response.IsSuccessStatusCode ? ("message", true) : ("message:http" + (int)response.StatusCode, false);
    }
}

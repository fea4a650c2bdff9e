using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Tests.Safety;
using IopGuideBot.Conversation.Tests.Understanding;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Tests;

/// <summary>
/// The real bot as users meet it — <see cref="SafetyMiddleware"/> in front of <see cref="ClinicBot"/>, its
/// <c>MainDialog</c>, triage, walk-throughs and callback request, wired the way the host wires them — over
/// MemoryStorage, an in-memory handoff store, a fixed clock and Bot Builder's TestAdapter.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    /// <summary>A Monday afternoon in the clinic's time zone: the office is open.</summary>
    public static readonly DateTimeOffset OfficeHours = new(2026, 3, 16, 15, 0, 0, TimeSpan.FromHours(-5));

    private readonly ServiceProvider _services;
    private readonly IBot _bot;

    /// <param name="channelId">The channel the conversation is on.</param>
    /// <param name="now">The clock (clinic hours decide what the bot promises); <see cref="OfficeHours"/> by default.</param>
    /// <param name="content">Other content (a reordered copy, for example); the real content by default.</param>
    /// <param name="storage">Bot state, to continue a conversation in a new bot (as after a restart).</param>
    /// <param name="handoffs">The handoff store, shared the same way.</param>
    /// <param name="conversationId">The conversation's id, to continue it in a new bot.</param>
    public BotHarness(string channelId = "test", DateTimeOffset? now = null, ClinicContent? content = null, IStorage? storage = null, MemoryHandoffStore? handoffs = null, string conversationId = "script")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Directory"] = ContentPaths.Content })
            .Build();
        Handoffs = handoffs ?? new MemoryHandoffStore();
        Storage = storage ?? new MemoryStorage();
        Content = content ?? SharedUnderstanding.Content;
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Storage)
            .AddSingleton<IHandoffStore>(Handoffs)
            .AddSingleton<TimeProvider>(new FixedClock(now ?? OfficeHours))
            .AddClinicConversation(configuration)
            .AddSafetyAndTriage()
            .AddHandoffRecording()
            .AddSharedUnderstanding()
            .AddSingleton(SharedCrisisDetector.Detector)
            .AddSingleton(Alerts)
            .AddSingleton(Content);

        // Alerts go where the host sends them (the handoff record), and are also counted here.
        services.Replace(ServiceDescriptor.Singleton<ISafetyAlertSink>(sp => Alerts.Forwarding(ActivatorUtilities.CreateInstance<HandoffSafetyAlertSink>(sp))));
        _services = services.BuildServiceProvider(validateScopes: true);
        _bot = _services.GetRequiredService<IBot>();
        Adapter = new TestAdapter(TestAdapter.CreateConversation(conversationId, "user1", "bot"));
        Adapter.Conversation.ChannelId = channelId;
        Adapter.Use(_services.GetRequiredService<SafetyMiddleware>());
    }

    public TestAdapter Adapter { get; }

    public ClinicContent Content { get; }

    public IStorage Storage { get; }

    public MemoryHandoffStore Handoffs { get; }

    public RecordingAlertSink Alerts { get; } = new();

    public ConversationState ConversationState => _services.GetRequiredService<ConversationState>();

    /// <summary>How many messages reached the bot behind the safety middleware.</summary>
    public int BotTurns { get; private set; }

    public Task<IReadOnlyList<Activity>> SayAsync(string? text) =>
        SendAsync(Adapter.MakeActivity(text));

    public Task<IReadOnlyList<Activity>> SendAttachmentAsync(string contentType)
    {
        var activity = Adapter.MakeActivity();
        activity.Attachments = [new Attachment(contentType, "https://example.test/file")];
        return SendAsync(activity);
    }

    /// <summary>A conversationUpdate adding the named members ("bot" and/or "user").</summary>
    public Task<IReadOnlyList<Activity>> MembersAddedAsync(params string[] members)
    {
        var conversation = Adapter.Conversation;
        var activity = new Activity(ActivityTypes.ConversationUpdate)
        {
            ChannelId = conversation.ChannelId,
            Conversation = conversation.Conversation,
            From = conversation.User,
            Recipient = conversation.Bot,
            ServiceUrl = conversation.ServiceUrl,
            MembersAdded = members.Select(m => m == "bot" ? conversation.Bot : conversation.User).ToList(),
        };
        return SendAsync(activity);
    }

    /// <summary>Reads conversation state the way a turn would (for example the safety flag).</summary>
    public async Task<T> StateAsync<T>(string propertyName)
        where T : new()
    {
        T? value = default;
        var peek = Adapter.MakeActivity("__peek__");
        peek.ChannelId = Adapter.Conversation.ChannelId;
        peek.Conversation = Adapter.Conversation.Conversation;
        using var context = new TurnContext(Adapter, peek);
        value = await ConversationState.CreateProperty<T>(propertyName).GetAsync(context, () => new T(), CancellationToken.None);
        return value!;
    }

    public Task<HandoffRecord?> HandoffAsync() => Handoffs.GetByConversationAsync(Adapter.Conversation.Conversation.Id);

    public static string? ContentId(Activity activity) => Replies.ContentIdOf(activity);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        await Adapter.ProcessActivityAsync(activity, async (turn, ct) =>
        {
            BotTurns++;
            await _bot.OnTurnAsync(turn, ct);
        }, CancellationToken.None);
        var replies = new List<Activity>();
        while (Adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}

/// <summary>Counts the safety alerts raised, and passes each on.</summary>
internal sealed class RecordingAlertSink : ISafetyAlertSink
{
    private ISafetyAlertSink? _next;

    public List<SafetyAlert> Alerts { get; } = [];

    public RecordingAlertSink Forwarding(ISafetyAlertSink next)
    {
        _next = next;
        return this;
    }

    public async Task RaiseAsync(SafetyAlert alert, CancellationToken cancellationToken)
    {
        Alerts.Add(alert);
        if (_next is not null)
        {
            await _next.RaiseAsync(alert, cancellationToken);
        }
    }
}

using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Tests.Safety;
using IopGuideBot.Conversation.Tests.Triage;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.Conversation.Tests.Understanding;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Conversation.Tests;

/// <summary>
/// The real bot, wired the way the host wires it — <see cref="SafetyMiddleware"/> with the real crisis detector in front of
/// <see cref="ClinicBot"/> — over MemoryStorage and Bot Builder's TestAdapter. The triage questionnaire is absent (the
/// bot says it is coming soon), a stand-in, or the real <see cref="TriageDialog"/>.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBot _bot;

    public BotHarness(string channelId = "test", bool withTriageStub = false, bool withHandoffStub = false, bool withRealTriage = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Directory"] = ContentPaths.Content })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IStorage, MemoryStorage>()
            .AddClinicConversation(configuration)
            .AddSharedUnderstanding();
        services.AddSingleton(SharedCrisisDetector.Detector);
        services.AddSingleton<ISafetyAlertSink>(Alerts);
        services.AddSingleton<SafetyMiddleware>();
        if (withTriageStub)
        {
            services.AddSingleton<Dialog, StubTriageDialog>();
        }

        if (withRealTriage)
        {
            services.AddSingleton<ITriageResultSink>(Results);
            services.AddSingleton<Dialog, TriageDialog>();
        }

        if (withHandoffStub)
        {
            services.AddSingleton<Dialog>(new StubHandoffDialog());
        }

        _services = services.BuildServiceProvider(validateScopes: true);
        _bot = _services.GetRequiredService<IBot>();
        Adapter = new TestAdapter(TestAdapter.CreateConversation("script", "user1", "bot"));
        Adapter.Conversation.ChannelId = channelId;
        Adapter.Use(_services.GetRequiredService<SafetyMiddleware>());
    }

    public RecordingAlertSink Alerts { get; } = new();

    public RecordingResultSink Results { get; } = new();

    public TestAdapter Adapter { get; }

    public ClinicContent Content => SharedUnderstanding.Content;

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

    public static string? ContentId(Activity activity) => Replies.ContentIdOf(activity);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        await Adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (Adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }

        return replies;
    }
}

/// <summary>
/// Stands in for the triage questionnaire (issue #6) so the main flow can be tested around a question in progress: one
/// question, then a closing message that echoes who the inquiry is for.
/// </summary>
internal sealed class StubTriageDialog : ComponentDialog
{
    public StubTriageDialog()
        : base(DialogIds.Triage)
    {
        AddDialog(new WaterfallDialog("stub.steps", [AskAsync, FinishAsync]));
        AddDialog(new TextPrompt("stub.prompt"));
        InitialDialogId = "stub.steps";
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["for"] = step.Options?.ToString() ?? "none";
        return step.PromptAsync("stub.prompt", new PromptOptions { Prompt = Tagged("stub.question") }, ct);
    }

    private static async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        await step.Context.SendActivityAsync(Tagged("stub.done:" + step.Values["for"]), ct);
        return await step.EndDialogAsync(null, ct);
    }

    private static Activity Tagged(string contentId)
    {
        var activity = (Activity)Activity.CreateMessageActivity();
        activity.Text = contentId;
        activity.ChannelData = new JObject { ["contentId"] = contentId };
        return activity;
    }
}

/// <summary>Stands in for the handoff dialog (a later issue): announces itself and ends.</summary>
internal sealed class StubHandoffDialog() : Dialog(DialogIds.Handoff)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var activity = (Activity)Activity.CreateMessageActivity();
        activity.Text = "stub.handoff";
        activity.ChannelData = new JObject { ["contentId"] = "stub.handoff" };
        await dc.Context.SendActivityAsync(activity, cancellationToken);
        return await dc.EndDialogAsync(null, cancellationToken);
    }
}

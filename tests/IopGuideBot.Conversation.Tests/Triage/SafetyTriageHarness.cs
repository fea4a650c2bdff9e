using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Tests.Triage;

/// <summary>
/// A minimal bot around the safety middleware and the triage dialog, over Bot Builder's TestAdapter and MemoryStorage
/// (so dialog state goes through JSON between turns). "start" / "start family" begins the triage dialog the way the
/// main dialog does. Each <see cref="SayAsync"/> returns the contentIds the bot answered with.
/// </summary>
internal sealed class SafetyTriageHarness
{
    private static readonly Lazy<ClinicContent> SharedContent = new(() => ContentLoader.Load(ContentPaths.Content));

    private readonly TestAdapter _adapter;
    private readonly ConversationState _conversationState;
    private readonly DialogSet _dialogs;

    public SafetyTriageHarness(CrisisDetector? detector = null, ICrisisReachability? reachability = null)
    {
        Content = SharedContent.Value;
        _conversationState = new ConversationState(new MemoryStorage());
        _adapter = new TestAdapter();
        _adapter.Use(new SafetyMiddleware(
            detector ?? Safety.SharedCrisisDetector.Detector, Content, _conversationState, Alerts, new IopGuideBot.Conversation.Understanding.CommandMatcher(Content), reachability));
        _dialogs = new DialogSet(_conversationState.CreateProperty<DialogState>("DialogState"));
        _dialogs.Add(new TriageDialog(Content, new IopGuideBot.Conversation.Questions.AnswerReader(Content.Section<IopGuideBot.Conversation.Questions.AnswersContent>(), TimeProvider.System),
            new IopGuideBot.Conversation.Questions.QuestionReplies(Content), Results, _conversationState, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TriageDialog>.Instance));
    }

    public ClinicContent Content { get; }

    public RecordingAlertSink Alerts { get; } = new();

    public RecordingResultSink Results { get; } = new();

    public List<IActivity> LastReplies { get; } = [];

    public int BotTurnsRun { get; private set; }

    public async Task<List<string?>> SayAsync(string text)
    {
        LastReplies.Clear();
        await _adapter.SendTextToBotAsync(text, BotAsync, CancellationToken.None);
        while (_adapter.GetNextReply() is { } reply)
        {
            LastReplies.Add(reply);
        }

        return LastReplies.Select(Replies.ContentIdOf).ToList();
    }

    public async Task<SafetyState> SafetyStateAsync()
    {
        // Read through an adapter without the middleware, so peeking is not a message the conversation sees.
        SafetyState? state = null;
        await new TestAdapter(_adapter.Conversation).SendTextToBotAsync("__peek__", async (tc, ct) =>
        {
            state = await SafetyState.CreateAccessor(_conversationState).GetAsync(tc, () => new SafetyState(), ct);
        }, CancellationToken.None);
        return state!;
    }

    private async Task BotAsync(ITurnContext tc, CancellationToken ct)
    {
        BotTurnsRun++;
        var dc = await _dialogs.CreateContextAsync(tc, ct);
        var result = await dc.ContinueDialogAsync(ct);
        if (result.Status == DialogTurnStatus.Empty)
        {
            var text = tc.Activity.Text ?? string.Empty;
            if (text.StartsWith("start", StringComparison.Ordinal))
            {
                await dc.BeginDialogAsync(DialogIds.Triage, text.Contains("family", StringComparison.Ordinal) ? InquiryFor.FamilyMember : null, ct);
            }
            else
            {
                await tc.SendActivityAsync(MessageFactory.Text("main"), ct);
            }
        }

        await _conversationState.SaveChangesAsync(tc, false, ct);
    }
}

internal sealed class RecordingResultSink : ITriageResultSink
{
    public List<TriageResult> Results { get; } = [];

    public Task SubmitAsync(TriageResult result, CancellationToken cancellationToken)
    {
        Results.Add(result);
        return Task.CompletedTask;
    }
}

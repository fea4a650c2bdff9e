using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Conversation.Terms;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Conversation.Walkthroughs;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Dialogs;

/// <summary>
/// The bot's root dialog. It holds the topic router and every other dialog registered in DI (triage, the callback
/// request, walk-throughs, …), and handles what must work anywhere, even in the middle of a question:
/// <list type="bullet">
/// <item>before the active dialog sees the message: help, menu / start over, stop, talk to a person, "are you a bot?",
/// empty or non-text input, "keep going", what a term means, and a phone number typed anywhere (which starts the callback
/// request);</item>
/// <item>after a question could not read the message (<see cref="DialogEvents.Unrecognized"/>): a clear side question
/// about a topic ("wait, is this confidential?") is answered.</item>
/// </list>
/// Afterwards the question in progress is asked again (or, for an offer or walk-through, waits quietly).
/// </summary>
public sealed partial class MainDialog : ComponentDialog
{
    /// <summary>A side question in the middle of another dialog is answered only when the classifier is this sure.</summary>
    public const float SideQuestionThreshold = 0.5f;

    private static readonly HashSet<string> QuestionStarts = new(StringComparer.Ordinal)
    {
        "what", "whats", "why", "how", "who", "where", "when", "is", "are", "do", "does", "can", "could", "will", "would",
        "should", "which", "wait", "am", "did",
    };

    private readonly Replies _replies;
    private readonly QuestionReplies _questionReplies;
    private readonly CommandMatcher _matcher;
    private readonly TopicClassifier _classifier;
    private readonly ILogger<MainDialog> _logger;

    public MainDialog(TopicRouterDialog router, Replies replies, QuestionReplies questionReplies, CommandMatcher matcher, TopicClassifier classifier, IEnumerable<Dialog> dialogs, ILogger<MainDialog> logger)
        : base(DialogIds.Main)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(dialogs);
        _replies = replies;
        _questionReplies = questionReplies;
        _matcher = matcher;
        _classifier = classifier;
        _logger = logger;
        AddDialog(router);
        AddDialog(router.OfferPrompt);
        foreach (var dialog in dialogs)
        {
            AddDialog(dialog);
        }

        InitialDialogId = DialogIds.Router;
    }

    /// <summary>The first message of a conversation goes through the same checks as every later one.</summary>
    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        await innerDc.BeginDialogAsync(DialogIds.Router, TopicRouterDialog.Silent, cancellationToken);
        return await OnInterruptAsync(innerDc, cancellationToken) ?? await innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected override async Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var activity = innerDc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(activity.Text))
        {
            var key = activity.Attachments?.Count > 0 ? MessageKeys.InputNonText : MessageKeys.InputEmpty;
            LogInterruption(_logger, key);
            return await ReplyAndResumeAsync(innerDc, _replies.Message(key), cancellationToken);
        }

        var text = activity.Text;
        var command = _matcher.MatchCommand(text, globalOnly: true);
        if (command is not null)
        {
            LogInterruption(_logger, "command:" + command.Id);
            switch (command.Id)
            {
                case CommandIds.Help:
                    return await ReplyAndResumeAsync(innerDc, _replies.Message(MessageKeys.Help), cancellationToken);
                case CommandIds.Bot:
                    return await ReplyAndResumeAsync(innerDc, _replies.Message(MessageKeys.BotDisclosure), cancellationToken);
                case CommandIds.Menu:
                    return await RestartAsync(innerDc, MessageKeys.Menu, cancellationToken);
                case CommandIds.Cancel:
                    return await RestartAsync(innerDc, MessageKeys.CancelDone, cancellationToken);
                case CommandIds.Person when ActiveDialogIds(innerDc).Contains(DialogIds.Handoff):
                    // Already collecting the details: "can someone call me" answers how to reach them; else the question stands.
                    if (LeafQuestionId(innerDc) == CallbackContent.ContactMethod)
                    {
                        return null;
                    }

                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case CommandIds.Person:
                    return await RequestCallbackAsync(innerDc, text, cancellationToken);
                default:
                    return null;
            }
        }

        var active = ActiveDialogIds(innerDc);
        if (_questionReplies.Answers.IsKeepGoing(text) && active.Count > 1 && !IsGuide(active))
        {
            LogInterruption(_logger, "keep-going");
            return await ReplyAndResumeAsync(innerDc, _questionReplies.Message(AnswersContent.Resume), cancellationToken);
        }

        if (_replies.Content.Section<TermsContent>().AskedAbout(text) is { } term)
        {
            LogInterruption(_logger, "term:" + term.Id);
            return await ReplyAndResumeAsync(innerDc, Replies.Create(_replies.Content, $"term:{term.Id}", term.Text.Value.Trim()), cancellationToken);
        }

        // "Call me tomorrow" or a phone number typed anywhere is a request to be called back — unless the callback request
        // is already asking for it, or the question in progress is the offer to be contacted (where it means yes).
        var asksForCallback = _matcher.MatchCommand(text, globalOnly: false)?.Id == CommandIds.Callback || AnswerReader.Phones(text).Count > 0;
        if (asksForCallback && !active.Contains(DialogIds.Handoff) && LeafQuestionId(innerDc) != Triage.TriageQuestionIds.ContactConsent)
        {
            LogInterruption(_logger, "callback");
            return await RequestCallbackAsync(innerDc, text, cancellationToken);
        }

        return null;
    }

    /// <summary>A question could not read the message: if it is a clear question about a topic, answer it and let the question stand.</summary>
    protected override async Task<bool> OnPostBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Name != DialogEvents.Unrecognized || e.Value is not string text || !LooksLikeAQuestion(text)
            || _matcher.MatchLabel(text) is not null || _matcher.MatchCommand(text, globalOnly: false) is not null)
        {
            return false;
        }

        var prediction = _classifier.Classify(text);
        if (prediction.Top.Score < SideQuestionThreshold)
        {
            return false;
        }

        // Offered something or walking through: a topic with its own walk-through or offer takes over instead.
        var topicId = prediction.Top.TopicId;
        var active = CreateChildContext(dc) is { } innerDc ? ActiveDialogIds(innerDc) : [];
        if (IsGuide(active) && (topicId is WalkthroughContent.WhatIsIop or WalkthroughContent.CompareCare
            || _replies.Content.Section<WalkthroughContent>().Offers.ContainsKey(topicId)))
        {
            return false;
        }

        LogInterruption(_logger, "topic:" + topicId);
        await dc.Context.SendActivityAsync(_replies.Topic(_replies.Content.Topics[topicId], dc.Context.Activity.ChannelId), cancellationToken);
        return true;
    }

    private static bool LooksLikeAQuestion(string text)
    {
        var first = TextNormalizer.Normalize(text).Split(' ', 2)[0];
        return text.Contains('?', StringComparison.Ordinal) || QuestionStarts.Contains(first);
    }

    /// <summary>An offer or a walk-through waits at the top: it gives way to another topic's walk-through or offer.</summary>
    private static bool IsGuide(IReadOnlyList<string> active) =>
        active.Count > 0 && active[0] is TopicRouterDialog.OfferPromptId or IopWalkthroughDialog.DialogId or ComparisonDialog.DialogId;

    /// <summary>The ids of the active dialogs of the main conversation, outermost first, through every component.</summary>
    private static List<string> ActiveDialogIds(DialogContext innerDc)
    {
        var ids = new List<string>();
        for (DialogContext? dc = innerDc; dc?.ActiveDialog is { } instance;)
        {
            ids.Add(instance.Id);
            dc = dc.FindDialog(instance.Id) is ComponentDialog component ? component.CreateChildContext(dc) : null;
        }

        // The router is always at the bottom of the main stack: count it when something else runs above it.
        if (innerDc.Stack.Count > 1 && !ids.Contains(DialogIds.Router))
        {
            ids.Add(DialogIds.Router);
        }

        return ids;
    }

    /// <summary>The id of the question the innermost prompt is asking, if a guided question is waiting.</summary>
    private static string? LeafQuestionId(DialogContext innerDc)
    {
        DialogInstance? leaf = null;
        for (DialogContext? dc = innerDc; dc?.ActiveDialog is { } instance;)
        {
            leaf = instance;
            dc = dc.FindDialog(instance.Id) is ComponentDialog component ? component.CreateChildContext(dc) : null;
        }

        return leaf is null ? null : PromptOptions.Of(leaf)?.Validations as string;
    }

    /// <summary>
    /// "Talk to a person", "call me tomorrow", or a number typed: the callback request starts on top of whatever was
    /// running (which is asked again when it ends), with what the message already said (the number, the time).
    /// </summary>
    private async Task<DialogTurnResult> RequestCallbackAsync(DialogContext innerDc, string text, CancellationToken cancellationToken)
    {
        if (innerDc.FindDialog(DialogIds.Handoff) is null)
        {
            return await RestartAsync(innerDc, MessageKeys.HandoffRequested, cancellationToken);
        }

        var phones = AnswerReader.Phones(text);
        var email = EmailPrompt.RecognizeEmail(text);
        var best = BestTimeReader.Read(text);
        var options = new CallbackOptions
        {
            Phone = phones.Count == 1 ? phones[0] : null,
            Email = email,
            BestTime = best.IsEmpty ? null : best.ToString(),
            Method = email is not null ? "email" : TextNormalizer.Normalize(text).Contains("text", StringComparison.Ordinal) && phones.Count == 1 ? "text" : phones.Count == 1 ? "call" : null,
        };
        var result = await innerDc.BeginDialogAsync(DialogIds.Handoff, options, cancellationToken);
        return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : result;
    }

    private static async Task<DialogTurnResult> ReplyAndResumeAsync(DialogContext innerDc, Activity reply, CancellationToken cancellationToken)
    {
        await innerDc.Context.SendActivityAsync(reply, cancellationToken);
        if (innerDc.ActiveDialog is { } active && active.Id != DialogIds.Router)
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>Drops whatever was running, says <paramref name="messageKey"/> (if any) and waits in the main conversation.</summary>
    private async Task<DialogTurnResult> RestartAsync(DialogContext innerDc, string? messageKey, CancellationToken cancellationToken)
    {
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        if (messageKey is not null)
        {
            await innerDc.Context.SendActivityAsync(_replies.Message(messageKey), cancellationToken);
        }

        return await innerDc.BeginDialogAsync(DialogIds.Router, TopicRouterDialog.Silent, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interruption handled: {What}")]
    private static partial void LogInterruption(ILogger logger, string what);
}

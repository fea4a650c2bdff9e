using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Terms;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Conversation.Walkthroughs;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
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
/// <item>after a crisis message (see <see cref="SafetyMiddleware"/>): a question in progress is on hold — the person's
/// words are never taken as its answer — and is asked again when they ask to go on;</item>
/// <item>after a question could not read the message (<see cref="DialogEvents.Unrecognized"/>): a clear side question
/// about a topic ("wait, is this confidential?") is answered.</item>
/// </list>
/// Afterwards the question in progress is asked again (or, for an offer or walk-through, waits quietly).
/// </summary>
public sealed partial class MainDialog : ComponentDialog
{
    private static readonly HashSet<string> QuestionStarts = new(StringComparer.Ordinal)
    {
        "what", "whats", "why", "how", "who", "where", "when", "is", "are", "do", "does", "can", "could", "will", "would",
        "should", "which", "wait", "am", "did",
    };

    private readonly Replies _replies;
    private readonly QuestionReplies _questionReplies;
    private readonly CommandMatcher _matcher;
    private readonly MessageUnderstanding _understanding;
    private readonly IStatePropertyAccessor<ConversationContext> _context;
    private readonly SafetyHold _safetyHold;
    private readonly LiveChatRequests _liveChat;
    private readonly ILogger<MainDialog> _logger;

    public MainDialog(TopicRouterDialog router, Replies replies, QuestionReplies questionReplies, CommandMatcher matcher, MessageUnderstanding understanding, ConversationState conversationState, SafetyHold safetyHold, LiveChatRequests liveChat, IEnumerable<Dialog> dialogs, ILogger<MainDialog> logger)
        : base(DialogIds.Main)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(dialogs);
        _replies = replies;
        _questionReplies = questionReplies;
        _matcher = matcher;
        _understanding = understanding;
        _context = ConversationContext.CreateAccessor(conversationState);
        _safetyHold = safetyHold;
        _liveChat = liveChat;
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
        var onHold = await _safetyHold.IsHoldingAsync(innerDc.Context, cancellationToken);
        if (onHold && (command?.Id == CommandIds.Resume || SafetyTurn.AsksToGoOn(innerDc.Context)))
        {
            return await GoOnAsync(innerDc, cancellationToken);
        }

        if (onHold && command is null)
        {
            return await WhileOnHoldAsync(innerDc, text, cancellationToken);
        }

        var active = ActiveDialogIds(innerDc);
        var about = InquiryFor.Unknown;
        if (command is not null && !onHold && active.Count <= 1)
        {
            // In the main conversation a phrase inside a longer question ("can she keep going to school during the
            // program") gives way to a confident reading of the question itself.
            about = (await _context.GetAsync(innerDc.Context, () => new ConversationContext(), cancellationToken)).About;
            command = _understanding.CommandIn(text, globalOnly: true, about);
        }

        if (command?.Id == CommandIds.Resume || _questionReplies.Answers.IsKeepGoing(text))
        {
            // An offer or a walk-through reads "keep going" itself (yes, next part); a question is simply asked again.
            if (IsGuide(active))
            {
                return null;
            }

            if (active.Count > 1)
            {
                LogInterruption(_logger, "keep-going");
                return await ReplyAndResumeAsync(innerDc, _questionReplies.Message(AnswersContent.Resume), cancellationToken);
            }

            if (command?.Id == CommandIds.Resume)
            {
                return await GoOnAsync(innerDc, cancellationToken);
            }
        }

        if (command is not null && command.Id != CommandIds.Resume)
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
                    if (await _liveChat.CancelAsync(innerDc.Context, cancellationToken) is { } withdrawn)
                    {
                        await innerDc.Context.SendActivityAsync(withdrawn, cancellationToken);
                        return await RestartAsync(innerDc, null, cancellationToken);
                    }

                    return await RestartAsync(innerDc, MessageKeys.CancelDone, cancellationToken);
                case CommandIds.Person when active.Contains(DialogIds.Handoff):
                    // Already collecting the details: "can someone call me" answers how to reach them; else the question stands.
                    if (LeafQuestionId(innerDc) == CallbackContent.ContactMethod)
                    {
                        return null;
                    }

                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case CommandIds.Person when _liveChat.SpecialistsAvailable() && !AsksForCall(text):
                    return await RequestLiveChatAsync(innerDc, cancellationToken);
                case CommandIds.Person:
                    return await RequestCallbackAsync(innerDc, text, cancellationToken);
                default:
                    return null;
            }
        }

        // A term asked about in the main conversation is answered by its topic when one clearly covers it ("what is
        // partial hospitalization" has a whole answer); in the middle of a question, the short definition keeps it brief.
        if (_replies.Content.Section<TermsContent>().AskedAbout(text) is { } term
            && (active.Count > 1 || await ClearTopicAsync(innerDc.Context, text, cancellationToken) is null))
        {
            LogInterruption(_logger, "term:" + term.Id);
            return await ReplyAndResumeAsync(innerDc, Replies.Create(_replies.Content, $"term:{term.Id}", term.Text.Value.Trim()), cancellationToken);
        }

        // "Call me tomorrow" or a phone number typed anywhere is a request to be called back — unless the callback request
        // is already asking for it, or the question in progress is the offer to be contacted (where it means yes).
        if ((active.Count <= 1 ? AsksForCallbackInMainConversation(text, about) : AsksForCallback(text)) && !active.Contains(DialogIds.Handoff) && LeafQuestionId(innerDc) != Triage.TriageQuestionIds.ContactConsent)
        {
            LogInterruption(_logger, "callback");
            return await RequestCallbackAsync(innerDc, text, cancellationToken);
        }

        return null;
    }

    /// <summary>"Keep going" after a crisis message: the question on hold is asked again; with nothing in progress, the menu.</summary>
    private async Task<DialogTurnResult> GoOnAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        LogInterruption(_logger, "go-on");
        var heldQuestion = await _safetyHold.ReleaseAsync(innerDc.Context, cancellationToken);
        if (innerDc.ActiveDialog is { } active && active.Id != DialogIds.Router)
        {
            return await ReplyAndResumeAsync(innerDc, _questionReplies.Message(AnswersContent.Resume), cancellationToken);
        }

        // The message the crisis reply answered may also have asked something ("…and how long is the program?"): going
        // on answers that, when it clearly asks about a topic, instead of starting over at the menu.
        if (heldQuestion is not null && await ClearTopicAsync(innerDc.Context, heldQuestion, cancellationToken) is { } answer)
        {
            LogInterruption(_logger, "go-on held question");
            await innerDc.Context.SendActivityAsync(answer, cancellationToken);
            return EndOfTurn;
        }

        await innerDc.Context.SendActivityAsync(_replies.Message(MessageKeys.Menu), cancellationToken);
        return EndOfTurn;
    }

    /// <summary>
    /// After a crisis message, a question in progress waits: what the person says is answered as a question about a topic
    /// when it clearly is one, and otherwise with a reminder that the questions are paused. Never fed to the question.
    /// </summary>
    private async Task<DialogTurnResult?> WhileOnHoldAsync(DialogContext innerDc, string text, CancellationToken cancellationToken)
    {
        if (innerDc.ActiveDialog is null || innerDc.ActiveDialog.Id == DialogIds.Router)
        {
            await _safetyHold.ReleaseAsync(innerDc.Context, cancellationToken);
            return null;
        }

        if (await ClearTopicAsync(innerDc.Context, text, cancellationToken) is { } answer)
        {
            LogInterruption(_logger, "on-hold topic");
            await innerDc.Context.SendActivityAsync(answer, cancellationToken);
        }

        LogInterruption(_logger, SafetyContent.Paused);
        await innerDc.Context.SendActivityAsync(Replies.Create(_replies.Content, _replies.Content.Section<SafetyContent>()[SafetyContent.Paused]), cancellationToken);
        return EndOfTurn;
    }

    /// <summary>A question could not read the message: if it is a clear question about a topic, answer it and let the question stand.</summary>
    protected override async Task<bool> OnPostBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Name != DialogEvents.Unrecognized || e.Value is not string text || !LooksLikeAQuestion(text)
            || _matcher.MatchLabel(text) is { Kind: ActionKind.Command } || _matcher.MatchCommand(text, globalOnly: false) is not null)
        {
            return false;
        }

        var context = await _context.GetAsync(dc.Context, () => new ConversationContext(), cancellationToken);
        if (SureTopicOf(_understanding.Understand(text, context.About)) is not { } intent)
        {
            return false;
        }

        // Offered something or walking through: a topic with its own walk-through or offer takes over instead.
        var topicId = intent.Id;
        var active = CreateChildContext(dc) is { } innerDc ? ActiveDialogIds(innerDc) : [];
        if (IsGuide(active) && (topicId is WalkthroughContent.WhatIsIop or WalkthroughContent.CompareCare
            || _replies.Content.Section<WalkthroughContent>().Offers.ContainsKey(topicId)))
        {
            return false;
        }

        LogInterruption(_logger, "topic:" + topicId);
        await dc.Context.SendActivityAsync(_replies.Topic(_replies.Content.Topics[topicId], dc.Context.Activity.ChannelId, context.About), cancellationToken);
        return true;
    }

    /// <summary>The answer to a message that is clearly a question about a topic, or null.</summary>
    private async Task<Activity?> ClearTopicAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var context = await _context.GetAsync(turnContext, () => new ConversationContext(), cancellationToken);
        return SureTopicOf(_understanding.Understand(text, context.About)) is { } intent
            ? _replies.Topic(_replies.Content.Topics[intent.Id], turnContext.Activity.ChannelId, context.About)
            : null;
    }

    /// <summary>The topic a message surely asks about (a button's label or a classified reading), or null.</summary>
    private static Intent? SureTopicOf(Understanding.Understanding read) =>
        read is { Intent: { Kind: IntentKind.Topic } intent } && (read.IsClassified || read.Path == UnderstandingPath.ButtonLabel) ? intent : null;

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
        // Asking for a person is explicit: whatever safety put on hold earlier gives way to the request.
        await _safetyHold.ReleaseAsync(innerDc.Context, cancellationToken);
        await _liveChat.ForgetRequestAsync(innerDc.Context, cancellationToken); // a call back instead of waiting here
        var context = await _context.GetAsync(innerDc.Context, () => new ConversationContext(), cancellationToken);
        context.LastSent = SentRequest.Person;
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

    private bool AsksForCallbackInMainConversation(string text, InquiryFor about) =>
        _understanding.CommandIn(text, globalOnly: false, about)?.Id == CommandIds.Callback || AnswerReader.Phones(text).Count > 0;

    private bool AsksForCallback(string text) =>
        _matcher.MatchCommand(text, globalOnly: false)?.Id == CommandIds.Callback || AnswerReader.Phones(text).Count > 0;

    /// <summary>"Can someone call me", "is there someone I can call": a person, by phone, so the callback request.</summary>
    private bool AsksForCall(string text) =>
        AsksForCallback(text) || TextNormalizer.Normalize(text).Split(' ').Any(w => w is "call" or "callback" or "phone" or "ring");

    /// <summary>
    /// "Talk to a person" while a specialist can join: the conversation waits in the staff queue, the person hears their
    /// place in line, and the question in progress (if any) is asked again, so they can go on while they wait.
    /// </summary>
    private async Task<DialogTurnResult> RequestLiveChatAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await _safetyHold.ReleaseAsync(innerDc.Context, cancellationToken);
        var context = await _context.GetAsync(innerDc.Context, () => new ConversationContext(), cancellationToken);
        context.LastSent = SentRequest.Person;
        return await ReplyAndResumeAsync(innerDc, await _liveChat.RequestAsync(innerDc.Context, cancellationToken), cancellationToken);
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
        await _safetyHold.ReleaseAsync(innerDc.Context, cancellationToken);
        if (messageKey is not null)
        {
            await innerDc.Context.SendActivityAsync(_replies.Message(messageKey), cancellationToken);
        }

        return await innerDc.BeginDialogAsync(DialogIds.Router, TopicRouterDialog.Silent, cancellationToken);
    }

    // Per turn: Debug, off the hot path at the default level (BENCHMARKS.md).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Interruption handled: {What}")]
    private static partial void LogInterruption(ILogger logger, string what);
}

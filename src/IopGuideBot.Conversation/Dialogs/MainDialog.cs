using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Dialogs;

/// <summary>
/// The bot's root dialog. It holds the topic router and every other dialog registered in DI (triage, handoff, …), and
/// handles what must work anywhere, even in the middle of a question: help, menu / start over, stop, talk to a person,
/// "are you a bot?", empty or non-text input, and a clear side question about a topic. After help, the bot question,
/// empty input or a side question, a question in progress is asked again. After a crisis message (see
/// <see cref="SafetyMiddleware"/>) a question in progress is on hold: the person's words are not taken as its answer, and
/// it is asked again when they ask to go on ("keep going").
/// </summary>
public sealed partial class MainDialog : ComponentDialog
{
    private readonly Replies _replies;
    private readonly CommandMatcher _matcher;
    private readonly MessageUnderstanding _understanding;
    private readonly IStatePropertyAccessor<ConversationContext> _context;
    private readonly SafetyHold _safetyHold;
    private readonly ILogger<MainDialog> _logger;

    public MainDialog(TopicRouterDialog router, Replies replies, CommandMatcher matcher, MessageUnderstanding understanding, ConversationState conversationState, SafetyHold safetyHold, IEnumerable<Dialog> dialogs, ILogger<MainDialog> logger)
        : base(DialogIds.Main)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(dialogs);
        _safetyHold = safetyHold;
        _replies = replies;
        _matcher = matcher;
        _understanding = understanding;
        _context = ConversationContext.CreateAccessor(conversationState);
        _logger = logger;
        AddDialog(router);
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

        var command = _matcher.MatchCommand(activity.Text, globalOnly: true);
        if (command?.Id == CommandIds.Resume || SafetyTurn.AsksToGoOn(innerDc.Context))
        {
            return await GoOnAsync(innerDc, cancellationToken);
        }

        if (command is null && await _safetyHold.IsHoldingAsync(innerDc.Context, cancellationToken))
        {
            return await WhileOnHoldAsync(innerDc, activity.Text, cancellationToken);
        }

        if (command is null)
        {
            return await SideQuestionAsync(innerDc, activity.Text, cancellationToken);
        }

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
            case CommandIds.Person when innerDc.FindDialog(DialogIds.Handoff) is not null:
                await NoteSentAsync(innerDc, SentRequest.Person, cancellationToken);
                await RestartAsync(innerDc, null, cancellationToken);
                var handoff = await innerDc.BeginDialogAsync(DialogIds.Handoff, null, cancellationToken);
                return handoff.Status == DialogTurnStatus.Waiting ? EndOfTurn : handoff;
            case CommandIds.Person:
                await NoteSentAsync(innerDc, SentRequest.Person, cancellationToken);
                return await RestartAsync(innerDc, MessageKeys.HandoffRequested, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>"Keep going": the question on hold (or in progress) is asked again; with nothing in progress, the menu.</summary>
    private async Task<DialogTurnResult> GoOnAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        LogInterruption(_logger, "go-on");
        await _safetyHold.ReleaseAsync(innerDc.Context, cancellationToken);
        if (innerDc.ActiveDialog is { } active && active.Id != DialogIds.Router)
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
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

        var context = await _context.GetAsync(innerDc.Context, () => new ConversationContext(), cancellationToken);
        if (_understanding.Understand(text, context.About) is { Intent: { Kind: IntentKind.Topic } intent, Path: UnderstandingPath.ButtonLabel or UnderstandingPath.FastClassifier or UnderstandingPath.SemanticMatch })
        {
            LogInterruption(_logger, "on-hold " + intent.Key);
            var topic = _replies.Content.Topics[intent.Id];
            await innerDc.Context.SendActivityAsync(_replies.Topic(topic, innerDc.Context.Activity.ChannelId, context.About), cancellationToken);
        }

        LogInterruption(_logger, SafetyContent.Paused);
        await innerDc.Context.SendActivityAsync(Replies.Create(_replies.Content, _replies.Content.Section<SafetyContent>()[SafetyContent.Paused]), cancellationToken);
        return EndOfTurn;
    }

    /// <summary>While another dialog asks something, a clear question about a topic ("wait, is this confidential?") is answered, then the question is asked again.</summary>
    private async Task<DialogTurnResult?> SideQuestionAsync(DialogContext innerDc, string text, CancellationToken cancellationToken)
    {
        if (innerDc.ActiveDialog is null || innerDc.ActiveDialog.Id == DialogIds.Router || !text.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var context = await _context.GetAsync(innerDc.Context, () => new ConversationContext(), cancellationToken);
        if (_understanding.Understand(text, context.About) is not { Intent: { Kind: IntentKind.Topic } intent, Path: UnderstandingPath.ButtonLabel or UnderstandingPath.FastClassifier or UnderstandingPath.SemanticMatch })
        {
            return null;
        }

        LogInterruption(_logger, intent.Key);
        var topic = _replies.Content.Topics[intent.Id];
        return await ReplyAndResumeAsync(innerDc, _replies.Topic(topic, innerDc.Context.Activity.ChannelId, context.About), cancellationToken);
    }

    private async Task NoteSentAsync(DialogContext innerDc, SentRequest sent, CancellationToken cancellationToken)
    {
        var context = await _context.GetAsync(innerDc.Context, () => new ConversationContext(), cancellationToken);
        context.LastSent = sent;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Interruption handled: {What}")]
    private static partial void LogInterruption(ILogger logger, string what);
}

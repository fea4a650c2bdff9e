using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Conversation.Walkthroughs;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Dialogs;

/// <summary>
/// The main conversation: each message is read by <see cref="MessageUnderstanding"/> (a button label, a command phrase,
/// or free text matched to a topic, small talk or a command) in the light of <see cref="ConversationContext"/>: who the
/// conversation is about, and what the person last sent us. When nothing is sure enough it never guesses: it offers the
/// genuinely close topics (or none), the menu and a person. Topics with a walk-through (<c>walkthroughs.yaml</c>) begin
/// it; topics with an offer ("I can ask you about 10 short questions") wait for the answer with a real prompt, so "yes",
/// "sure" or "ok" act on it and "no" declines. It never ends; other dialogs (triage, walk-throughs, the callback request,
/// handoff) run on top of it and it waits again when they finish.
/// </summary>
public sealed partial class TopicRouterDialog : Dialog
{
    /// <summary>Options that make the router start waiting without handling the current message.</summary>
    public const string Silent = "silent";

    /// <summary>The prompt that waits for the answer to an offer; <see cref="MainDialog"/> holds it.</summary>
    public const string OfferPromptId = "main.offer";

    private const string OfferKey = "offer";
    private const string LanguageTopic = "language";

    private readonly Replies _replies;
    private readonly MessageUnderstanding _understanding;
    private readonly IStatePropertyAccessor<ConversationContext> _context;
    private readonly ILogger<TopicRouterDialog> _logger;

    public TopicRouterDialog(Replies replies, MessageUnderstanding understanding, ConversationState conversationState, AnswerReader reader, QuestionReplies questionReplies, ILogger<TopicRouterDialog> logger)
        : base(DialogIds.Router)
    {
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _understanding = understanding ?? throw new ArgumentNullException(nameof(understanding));
        _context = ConversationContext.CreateAccessor(conversationState);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var offer = WalkthroughContent.OfferQuestion;
        OfferPrompt = new QuestionPrompt(OfferPromptId, reader, questionReplies, id => id == offer.Id ? offer : null);
    }

    /// <summary>The prompt behind every offer the main conversation makes.</summary>
    public QuestionPrompt OfferPrompt { get; }

    private WalkthroughContent Walkthroughs => _replies.Content.Section<WalkthroughContent>();

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return options as string == Silent ? EndOfTurn : await ContinueDialogAsync(dc, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var text = dc.Context.Activity.Type == ActivityTypes.Message ? dc.Context.Activity.Text : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return EndOfTurn;
        }

        // Read against who earlier turns were about: a loved one named in this message speaks for itself.
        var context = await _context.GetAsync(dc.Context, () => new ConversationContext(), cancellationToken);
        var understood = _understanding.Understand(text, context.About);
        context.Hear(text);
        LogUnderstood(_logger, understood.Path, understood.Intent?.Key ?? "-", understood.Score, understood.Suggestions.Count);
        switch (understood.Intent)
        {
            case { Kind: IntentKind.Topic } topic:
                var answered = await AnswerTopicAsync(dc, context, topic.Id, cancellationToken);
                await SayAnsweredInEnglishAsync(dc, understood, topic.Id, cancellationToken);
                return answered;
            case { Kind: IntentKind.Command } command:
                return await RunCommandAsync(dc, context, command.Id, cancellationToken);
            case { Kind: IntentKind.SmallTalk } smallTalk:
                var talked = await SmallTalkAsync(dc, context, smallTalk.Id, cancellationToken);
                await SayAnsweredInEnglishAsync(dc, understood, smallTalk.Id, cancellationToken);
                return talked;
            default:
                var reply = understood.Suggestions.Count > 0
                    ? _replies.Message(MessageKeys.FallbackSuggest,
                        understood.Suggestions.Select(s => new ActionRef(ActionKind.Topic, s.Id, 0))
                            .Append(new ActionRef(ActionKind.Command, CommandIds.Menu, 0))
                            .Append(new ActionRef(ActionKind.Command, CommandIds.Person, 0)))
                    : _replies.Message(MessageKeys.FallbackMenu);
                await SendAsync(dc, reply, cancellationToken);
                return EndOfTurn;
        }
    }

    /// <summary>
    /// A dialog begun from here finished: act on an accepted offer (its action), decline politely, or — when the person
    /// said something else instead (<see cref="RouteMessage"/>) — answer that message as usual. A finished questionnaire
    /// is remembered as what the person sent us.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        var offer = state.GetValue<string>(OfferKey);
        state.Remove(OfferKey);
        var context = await _context.GetAsync(dc.Context, () => new ConversationContext(), cancellationToken);
        switch (result)
        {
            case TriageResult { NoticeAccepted: true }:
                context.LastSent = SentRequest.Questionnaire;
                return EndOfTurn;
            case ActionRef action:
                return await RunActionAsync(dc, context, action, cancellationToken);
            case QuestionAnswer answer when offer is not null && answer.Is("yes") && ParseAction(offer) is { } accepted:
                LogOffer(_logger, offer, "accepted");
                return await RunActionAsync(dc, context, accepted, cancellationToken);
            case QuestionAnswer when offer is not null:
                LogOffer(_logger, offer, "declined");
                await SendAsync(dc, Replies.Create(_replies.Content, Walkthroughs[WalkthroughContent.OfferDeclined]), cancellationToken);
                return EndOfTurn;
            case PromptAttemptsExhausted when offer is not null && YesNoLexicon.Read(dc.Context.Activity.Text) == YesNoReading.Unsure:
                await SendAsync(dc, Replies.Create(_replies.Content, Walkthroughs[WalkthroughContent.OfferDeclined]), cancellationToken);
                return EndOfTurn;
            case RouteMessage or PromptAttemptsExhausted:
                return await ContinueDialogAsync(dc, cancellationToken);
            default:
                return EndOfTurn;
        }
    }

    private async Task<DialogTurnResult> AnswerTopicAsync(DialogContext dc, ConversationContext context, string topicId, CancellationToken cancellationToken)
    {
        var topic = _replies.Content.Topics[topicId];
        if (topic.Audience == TopicAudience.Family)
        {
            context.About = InquiryFor.FamilyMember;
        }

        var walkthrough = topicId switch
        {
            WalkthroughContent.WhatIsIop => IopWalkthroughDialog.DialogId,
            WalkthroughContent.CompareCare => ComparisonDialog.DialogId,
            _ => null,
        };
        if (walkthrough is not null && dc.FindDialog(walkthrough) is not null)
        {
            LogBegin(_logger, walkthrough);
            var begun = await dc.BeginDialogAsync(walkthrough, null, cancellationToken);
            return begun.Status == DialogTurnStatus.Waiting ? EndOfTurn : begun;
        }

        await SendAsync(dc, _replies.Topic(topic, dc.Context.Activity.ChannelId, context.About), cancellationToken);
        if (Walkthroughs.Offers.TryGetValue(topicId, out var offer) && dc.FindDialog(OfferPromptId) is not null)
        {
            // The answer already made the offer: wait for a yes or a no, quietly, without asking again.
            dc.ActiveDialog!.State[OfferKey] = offer.ToString();
            var options = OfferPrompt.For(WalkthroughContent.OfferQuestion, MessageFactory.Text(string.Empty), InquiryFor.Unknown, allowBack: false);
            options.Prompt = null;
            options.ResumePrompt = MessageFactory.Text(string.Empty);
            options.MaxAttempts = 1;
            await dc.PromptAsync(OfferPromptId, options, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>After an answer to a question asked in Spanish, say (in Spanish) why it was in English and how to get help in Spanish.</summary>
    private async Task SayAnsweredInEnglishAsync(DialogContext dc, Understanding.Understanding understood, string answeredId, CancellationToken cancellationToken)
    {
        // The language topic already answers in both languages.
        if (understood.InSpanish && answeredId != LanguageTopic)
        {
            await SendAsync(dc, _replies.Message(MessageKeys.AnsweredInEnglish), cancellationToken);
        }
    }

    private async Task<DialogTurnResult> SmallTalkAsync(DialogContext dc, ConversationContext context, string id, CancellationToken cancellationToken)
    {
        // "What happens now?" is about what they sent us. Nothing sent in this chat does not mean nothing was sent: they may
        // have sent it in an earlier chat (which the bot does not keep) or by the website's form, so that wording says what
        // happens to details sent earlier and how to start if they have not.
        await SendAsync(dc, _replies.SmallTalk(id, sentSomething: context.LastSent != SentRequest.None), cancellationToken);
        return EndOfTurn;
    }

    private async Task<DialogTurnResult> RunActionAsync(DialogContext dc, ConversationContext context, ActionRef action, CancellationToken cancellationToken) =>
        action.Kind == ActionKind.Topic
            ? await AnswerTopicAsync(dc, context, action.Id, cancellationToken)
            : await RunCommandAsync(dc, context, action.Id, cancellationToken);

    private async Task<DialogTurnResult> RunCommandAsync(DialogContext dc, ConversationContext context, string commandId, CancellationToken cancellationToken)
    {
        switch (commandId)
        {
            case CommandIds.TriageSelf or CommandIds.TriageFamily:
                context.About = commandId == CommandIds.TriageSelf ? InquiryFor.Self : InquiryFor.FamilyMember;
                if (dc.FindDialog(DialogIds.Triage) is not null)
                {
                    LogBegin(_logger, DialogIds.Triage);
                    var result = await dc.BeginDialogAsync(DialogIds.Triage, context.About, cancellationToken);
                    return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : result;
                }

                await SendAsync(dc, _replies.Message(MessageKeys.TriageComingSoon), cancellationToken);
                return EndOfTurn;
            case CommandIds.Person or CommandIds.Callback:
                context.LastSent = SentRequest.Person;
                if (dc.FindDialog(DialogIds.Handoff) is not null)
                {
                    LogBegin(_logger, DialogIds.Handoff);
                    var handoff = await dc.BeginDialogAsync(DialogIds.Handoff, null, cancellationToken);
                    return handoff.Status == DialogTurnStatus.Waiting ? EndOfTurn : handoff;
                }

                await SendAsync(dc, _replies.Message(MessageKeys.HandoffRequested), cancellationToken);
                return EndOfTurn;
            case CommandIds.Bot:
                await SendAsync(dc, _replies.Message(MessageKeys.BotDisclosure), cancellationToken);
                return EndOfTurn;
            case CommandIds.Help:
                await SendAsync(dc, _replies.Message(MessageKeys.Help), cancellationToken);
                return EndOfTurn;
            default:
                // Global commands are handled by MainDialog before the router sees a message; this is only a safety net.
                await SendAsync(dc, _replies.Message(MessageKeys.Menu), cancellationToken);
                return EndOfTurn;
        }
    }

    private static ActionRef? ParseAction(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : new ActionRef(text[..colon] == "topic" ? ActionKind.Topic : ActionKind.Command, text[(colon + 1)..], 0);
    }

    private static Task SendAsync(DialogContext dc, Activity activity, CancellationToken cancellationToken) =>
        dc.Context.SendActivityAsync(activity, cancellationToken);

    // Per turn: Debug, off the hot path at the default level (BENCHMARKS.md).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Understood by {Path}: {Intent} (score {Score:0.000}); {SuggestionCount} suggestions")]
    private static partial void LogUnderstood(ILogger logger, UnderstandingPath path, string intent, float score, int suggestionCount);

    // Per turn: Debug, off the hot path at the default level (BENCHMARKS.md).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Beginning dialog {DialogId}")]
    private static partial void LogBegin(ILogger logger, string dialogId);

    // Per turn: Debug, off the hot path at the default level (BENCHMARKS.md).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Offer {Offer} {Outcome}")]
    private static partial void LogOffer(ILogger logger, string offer, string outcome);
}

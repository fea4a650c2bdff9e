using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
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
/// The main conversation: each message is a button click (its label), a command phrase, or free text that the classifier
/// matches to a topic. Below the confidence threshold it never guesses: it offers the closest topics, the menu and a person.
/// Topics with a walk-through (<c>walkthroughs.yaml</c>) begin it; topics with an offer ("I can ask you about 10 short
/// questions") wait for the answer with a real prompt, so "yes", "sure" or "ok" act on it and "no" declines.
/// It never ends; other dialogs (triage, walk-throughs, the callback request) run on top of it and it waits again when
/// they finish.
/// </summary>
public sealed partial class TopicRouterDialog : Dialog
{
    /// <summary>Options that make the router start waiting without handling the current message.</summary>
    public const string Silent = "silent";

    /// <summary>The prompt that waits for the answer to an offer; <see cref="MainDialog"/> holds it.</summary>
    public const string OfferPromptId = "main.offer";

    private const string OfferKey = "offer";

    private readonly Replies _replies;
    private readonly TopicClassifier _classifier;
    private readonly CommandMatcher _matcher;
    private readonly ILogger<TopicRouterDialog> _logger;

    public TopicRouterDialog(Replies replies, TopicClassifier classifier, CommandMatcher matcher, AnswerReader reader, QuestionReplies questionReplies, ILogger<TopicRouterDialog> logger)
        : base(DialogIds.Router)
    {
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
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

        if (_matcher.MatchLabel(text) is { } action)
        {
            return await RunActionAsync(dc, action, cancellationToken);
        }

        if (_matcher.MatchCommand(text, globalOnly: false) is { } command)
        {
            return await RunActionAsync(dc, new ActionRef(ActionKind.Command, command.Id, 0), cancellationToken);
        }

        var prediction = _classifier.Classify(text);
        if (prediction.IsConfident)
        {
            LogTopic(_logger, prediction.Top.TopicId, prediction.Top.Score);
            return await AnswerTopicAsync(dc, prediction.Top.TopicId, cancellationToken);
        }

        var suggestions = _classifier.Suggestions(prediction);
        LogFallback(_logger, prediction.Top.TopicId, prediction.Top.Score, suggestions.Count);
        var reply = suggestions.Count > 0
            ? _replies.Message(MessageKeys.FallbackSuggest,
                suggestions.Select(s => new ActionRef(ActionKind.Topic, s.TopicId, 0))
                    .Append(new ActionRef(ActionKind.Command, CommandIds.Menu, 0))
                    .Append(new ActionRef(ActionKind.Command, CommandIds.Person, 0)))
            : _replies.Message(MessageKeys.FallbackMenu);
        await SendAsync(dc, reply, cancellationToken);
        return EndOfTurn;
    }

    /// <summary>
    /// A dialog begun from here finished: act on an accepted offer (its action), decline politely, or — when the person
    /// said something else instead (<see cref="RouteMessage"/>) — answer that message as usual.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        var offer = state.GetValue<string>(OfferKey);
        state.Remove(OfferKey);
        switch (result)
        {
            case ActionRef action:
                return await RunActionAsync(dc, action, cancellationToken);
            case QuestionAnswer answer when offer is not null && answer.Is("yes") && ParseAction(offer) is { } accepted:
                LogOffer(_logger, offer, "accepted");
                return await RunActionAsync(dc, accepted, cancellationToken);
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

    private async Task<DialogTurnResult> AnswerTopicAsync(DialogContext dc, string topicId, CancellationToken cancellationToken)
    {
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

        await SendAsync(dc, _replies.Topic(_replies.Content.Topics[topicId], dc.Context.Activity.ChannelId), cancellationToken);
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

    private async Task<DialogTurnResult> RunActionAsync(DialogContext dc, ActionRef action, CancellationToken cancellationToken)
    {
        if (action.Kind == ActionKind.Topic)
        {
            LogTopic(_logger, action.Id, 1f);
            return await AnswerTopicAsync(dc, action.Id, cancellationToken);
        }

        switch (action.Id)
        {
            case CommandIds.TriageSelf or CommandIds.TriageFamily:
                var who = action.Id == CommandIds.TriageSelf ? InquiryFor.Self : InquiryFor.FamilyMember;
                if (dc.FindDialog(DialogIds.Triage) is not null)
                {
                    LogBegin(_logger, DialogIds.Triage);
                    var result = await dc.BeginDialogAsync(DialogIds.Triage, who, cancellationToken);
                    return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : result;
                }

                await SendAsync(dc, _replies.Message(MessageKeys.TriageComingSoon), cancellationToken);
                return EndOfTurn;
            case CommandIds.Person or CommandIds.Callback when dc.FindDialog(DialogIds.Handoff) is not null:
                var handoff = await dc.BeginDialogAsync(DialogIds.Handoff, null, cancellationToken);
                return handoff.Status == DialogTurnStatus.Waiting ? EndOfTurn : handoff;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered topic {TopicId} (score {Score:0.000})")]
    private static partial void LogTopic(ILogger logger, string topicId, float score);

    [LoggerMessage(Level = LogLevel.Information, Message = "Low confidence: closest topic {TopicId} (score {Score:0.000}); offered {SuggestionCount} suggestions")]
    private static partial void LogFallback(ILogger logger, string topicId, float score, int suggestionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Beginning dialog {DialogId}")]
    private static partial void LogBegin(ILogger logger, string dialogId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {Offer} {Outcome}")]
    private static partial void LogOffer(ILogger logger, string offer, string outcome);
}

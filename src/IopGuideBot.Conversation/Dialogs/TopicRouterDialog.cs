using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Dialogs;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Dialogs;

/// <summary>
/// The main conversation: each message is a button click (its label), a command phrase, or free text that the classifier
/// matches to a topic. Below the confidence threshold it never guesses: it offers the closest topics, the menu and a person.
/// It never ends; other dialogs (triage) run on top of it and it waits again when they finish.
/// </summary>
public sealed partial class TopicRouterDialog(Replies replies, TopicClassifier classifier, CommandMatcher matcher, ILogger<TopicRouterDialog> logger)
    : Dialog(DialogIds.Router)
{
    /// <summary>Options that make the router start waiting without handling the current message.</summary>
    public const string Silent = "silent";

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

        if (matcher.MatchLabel(text) is { } action)
        {
            return await RunActionAsync(dc, action, cancellationToken);
        }

        if (matcher.MatchCommand(text, globalOnly: false) is { } command)
        {
            return await RunActionAsync(dc, new ActionRef(ActionKind.Command, command.Id, 0), cancellationToken);
        }

        var prediction = classifier.Classify(text);
        if (prediction.IsConfident)
        {
            LogTopic(logger, prediction.Top.TopicId, prediction.Top.Score);
            await SendAsync(dc, replies.Topic(replies.Content.Topics[prediction.Top.TopicId], dc.Context.Activity.ChannelId), cancellationToken);
            return EndOfTurn;
        }

        var suggestions = classifier.Suggestions(prediction);
        LogFallback(logger, prediction.Top.TopicId, prediction.Top.Score, suggestions.Count);
        var reply = suggestions.Count > 0
            ? replies.Message(MessageKeys.FallbackSuggest,
                suggestions.Select(s => new ActionRef(ActionKind.Topic, s.TopicId, 0))
                    .Append(new ActionRef(ActionKind.Command, CommandIds.Menu, 0))
                    .Append(new ActionRef(ActionKind.Command, CommandIds.Person, 0)))
            : replies.Message(MessageKeys.FallbackMenu);
        await SendAsync(dc, reply, cancellationToken);
        return EndOfTurn;
    }

    /// <summary>A child dialog (triage) finished: the conversation carries on here.</summary>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(EndOfTurn);

    private async Task<DialogTurnResult> RunActionAsync(DialogContext dc, ActionRef action, CancellationToken cancellationToken)
    {
        if (action.Kind == ActionKind.Topic)
        {
            LogTopic(logger, action.Id, 1f);
            await SendAsync(dc, replies.Topic(replies.Content.Topics[action.Id], dc.Context.Activity.ChannelId), cancellationToken);
            return EndOfTurn;
        }

        switch (action.Id)
        {
            case CommandIds.TriageSelf or CommandIds.TriageFamily:
                var who = action.Id == CommandIds.TriageSelf ? InquiryFor.Self : InquiryFor.FamilyMember;
                if (dc.FindDialog(DialogIds.Triage) is not null)
                {
                    LogBegin(logger, DialogIds.Triage);
                    var result = await dc.BeginDialogAsync(DialogIds.Triage, who, cancellationToken);
                    return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : result;
                }

                await SendAsync(dc, replies.Message(MessageKeys.TriageComingSoon), cancellationToken);
                return EndOfTurn;
            default:
                // Global commands are handled by MainDialog before the router sees a message; this is only a safety net.
                await SendAsync(dc, replies.Message(MessageKeys.Menu), cancellationToken);
                return EndOfTurn;
        }
    }

    private static Task SendAsync(DialogContext dc, Activity activity, CancellationToken cancellationToken) =>
        dc.Context.SendActivityAsync(activity, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered topic {TopicId} (score {Score:0.000})")]
    private static partial void LogTopic(ILogger logger, string topicId, float score);

    [LoggerMessage(Level = LogLevel.Information, Message = "Low confidence: closest topic {TopicId} (score {Score:0.000}); offered {SuggestionCount} suggestions")]
    private static partial void LogFallback(ILogger logger, string topicId, float score, int suggestionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Beginning dialog {DialogId}")]
    private static partial void LogBegin(ILogger logger, string dialogId);
}

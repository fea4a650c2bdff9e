using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Dialogs;

/// <summary>
/// The main conversation: each message is read by <see cref="MessageUnderstanding"/> (a button label, a command phrase,
/// or free text matched to a topic, small talk or a command) in the light of <see cref="ConversationContext"/>: who the
/// conversation is about, and what the person last sent us. When nothing is sure enough it never guesses: it offers the
/// genuinely close topics (or none), the menu and a person. It never ends; other dialogs (triage, handoff) run on top of
/// it and it waits again when they finish.
/// </summary>
public sealed partial class TopicRouterDialog(Replies replies, MessageUnderstanding understanding, ConversationState conversationState, ILogger<TopicRouterDialog> logger)
    : Dialog(DialogIds.Router)
{
    /// <summary>Options that make the router start waiting without handling the current message.</summary>
    public const string Silent = "silent";

    private readonly IStatePropertyAccessor<ConversationContext> _context = ConversationContext.CreateAccessor(conversationState);

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
        var understood = understanding.Understand(text, context.About);
        context.Hear(text);
        LogUnderstood(logger, understood.Path, understood.Intent?.Key ?? "-", understood.Score, understood.Suggestions.Count);
        switch (understood.Intent)
        {
            case { Kind: IntentKind.Topic } topic:
                await AnswerTopicAsync(dc, context, topic.Id, cancellationToken);
                return EndOfTurn;
            case { Kind: IntentKind.Command } command:
                return await RunCommandAsync(dc, context, command.Id, cancellationToken);
            case { Kind: IntentKind.SmallTalk } smallTalk:
                await SmallTalkAsync(dc, context, smallTalk.Id, cancellationToken);
                return EndOfTurn;
            default:
                var reply = understood.Suggestions.Count > 0
                    ? replies.Message(MessageKeys.FallbackSuggest,
                        understood.Suggestions.Select(s => new ActionRef(ActionKind.Topic, s.Id, 0))
                            .Append(new ActionRef(ActionKind.Command, CommandIds.Menu, 0))
                            .Append(new ActionRef(ActionKind.Command, CommandIds.Person, 0)))
                    : replies.Message(MessageKeys.FallbackMenu);
                await SendAsync(dc, reply, cancellationToken);
                return EndOfTurn;
        }
    }

    /// <summary>A child dialog finished: the conversation carries on here, remembering what was sent to the team.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (result is TriageResult { NoticeAccepted: true })
        {
            var context = await _context.GetAsync(dc.Context, () => new ConversationContext(), cancellationToken);
            context.LastSent = SentRequest.Questionnaire;
        }

        return EndOfTurn;
    }

    private async Task AnswerTopicAsync(DialogContext dc, ConversationContext context, string topicId, CancellationToken cancellationToken)
    {
        var topic = replies.Content.Topics[topicId];
        if (topic.Audience == TopicAudience.Family)
        {
            context.About = InquiryFor.FamilyMember;
        }

        await SendAsync(dc, replies.Topic(topic, dc.Context.Activity.ChannelId, context.About), cancellationToken);
    }

    private async Task SmallTalkAsync(DialogContext dc, ConversationContext context, string id, CancellationToken cancellationToken)
    {
        // "What happens now?" is about what they sent us; before they have sent anything, it's how to get started.
        if (id == SmallTalkIds.WhatNext && context.LastSent == SentRequest.None)
        {
            await AnswerTopicAsync(dc, context, HowToStartTopic, cancellationToken);
            return;
        }

        await SendAsync(dc, replies.SmallTalk(id), cancellationToken);
    }

    private async Task<DialogTurnResult> RunCommandAsync(DialogContext dc, ConversationContext context, string commandId, CancellationToken cancellationToken)
    {
        switch (commandId)
        {
            case CommandIds.TriageSelf or CommandIds.TriageFamily:
                context.About = commandId == CommandIds.TriageSelf ? InquiryFor.Self : InquiryFor.FamilyMember;
                if (dc.FindDialog(DialogIds.Triage) is not null)
                {
                    LogBegin(logger, DialogIds.Triage);
                    var result = await dc.BeginDialogAsync(DialogIds.Triage, context.About, cancellationToken);
                    return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : result;
                }

                await SendAsync(dc, replies.Message(MessageKeys.TriageComingSoon), cancellationToken);
                return EndOfTurn;
            case CommandIds.Person:
                context.LastSent = SentRequest.Person;
                if (dc.FindDialog(DialogIds.Handoff) is not null)
                {
                    LogBegin(logger, DialogIds.Handoff);
                    var handoff = await dc.BeginDialogAsync(DialogIds.Handoff, null, cancellationToken);
                    return handoff.Status == DialogTurnStatus.Waiting ? EndOfTurn : handoff;
                }

                await SendAsync(dc, replies.Message(MessageKeys.HandoffRequested), cancellationToken);
                return EndOfTurn;
            case CommandIds.Bot:
                await SendAsync(dc, replies.Message(MessageKeys.BotDisclosure), cancellationToken);
                return EndOfTurn;
            case CommandIds.Help:
                await SendAsync(dc, replies.Message(MessageKeys.Help), cancellationToken);
                return EndOfTurn;
            default:
                await SendAsync(dc, replies.Message(MessageKeys.Menu), cancellationToken);
                return EndOfTurn;
        }
    }

    private const string HowToStartTopic = "how-to-start";

    private static Task SendAsync(DialogContext dc, Activity activity, CancellationToken cancellationToken) =>
        dc.Context.SendActivityAsync(activity, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Understood by {Path}: {Intent} (score {Score:0.000}); {SuggestionCount} suggestions")]
    private static partial void LogUnderstood(ILogger logger, UnderstandingPath path, string intent, float score, int suggestionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Beginning dialog {DialogId}")]
    private static partial void LogBegin(ILogger logger, string dialogId);
}

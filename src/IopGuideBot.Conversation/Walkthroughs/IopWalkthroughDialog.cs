using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Walkthroughs;

/// <summary>Where the IOP walk-through is: the step (by id, so content may change) and what to show for it.</summary>
public sealed class WalkthroughPosition
{
    public string StepId { get; set; } = string.Empty;

    /// <summary>"show" (the step), "more" (its "Tell me more" topic) or "ask" (waiting for the person's question).</summary>
    public string Mode { get; set; } = "show";
}

/// <summary>
/// "What is an IOP?" one step at a time (<c>walkthroughs.yaml</c>): each step shows a topic's answer with "Tell me more",
/// "Next" and "I have a question", and the last ends with the offer to start the questionnaire. The first step is the
/// topic what-is-iop itself, so its answer keeps its content id. A question typed instead is answered (the main dialog
/// handles it) and the walk-through waits; anything else ends it with <see cref="RouteMessage"/>, so it is answered as
/// usual. Ends with the offer's action when the person accepts it.
/// </summary>
public sealed class IopWalkthroughDialog : ComponentDialog
{
    public const string DialogId = "walkthrough.what-is-iop";

    private const string StepId = "walkthrough.iop.step";
    private const string EndId = "walkthrough.iop.end";
    private const string PromptId = "walkthrough.iop.prompt";

    private readonly ClinicContent _content;
    private readonly Replies _replies;
    private readonly QuestionReplies _questionReplies;
    private readonly QuestionPrompt _prompt;

    public IopWalkthroughDialog(ClinicContent content, Replies replies, AnswerReader reader, QuestionReplies questionReplies)
        : base(DialogId)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _questionReplies = questionReplies ?? throw new ArgumentNullException(nameof(questionReplies));
        var navigation = Walkthroughs.NavigationQuestion;
        _prompt = new QuestionPrompt(PromptId, reader, questionReplies, id => id == navigation.Id ? navigation : id == WalkthroughContent.OfferQuestion.Id ? WalkthroughContent.OfferQuestion : null);
        AddDialog(new WaterfallDialog(StepId).AddStep("show", ShowAsync).AddStep("handle", HandleAsync));
        AddDialog(new WaterfallDialog(EndId).AddStep("offer", OfferAsync).AddStep("answer", OfferAnswerAsync));
        AddDialog(_prompt);
        InitialDialogId = StepId;
    }

    private WalkthroughContent Walkthroughs => _content.Section<WalkthroughContent>();

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.BeginDialogAsync(StepId, new WalkthroughPosition { StepId = Walkthroughs.IopSteps[0].Id }, cancellationToken);
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var position = (WalkthroughPosition)step.Options!;
        var steps = Walkthroughs.IopSteps;
        var current = steps.FirstOrDefault(s => s.Id == position.StepId) ?? steps[0];
        var nav = Walkthroughs.Navigation;
        Activity activity;
        List<string> buttons;
        switch (position.Mode)
        {
            case "more" when current.MoreTopic is { } more:
                activity = TopicActivity(more);
                buttons = [nav[WalkthroughContent.Next].Label, nav[WalkthroughContent.Question].Label];
                break;
            case "ask":
                var askAway = Walkthroughs[WalkthroughContent.AskAway];
                activity = Replies.Create(_content, askAway);
                buttons = [nav[WalkthroughContent.Next].Label];
                break;
            default:
                activity = TopicActivity(current.Topic);
                buttons = current.MoreTopic is null ? [] : [nav[WalkthroughContent.More].Label];
                buttons.AddRange([nav[WalkthroughContent.Next].Label, nav[WalkthroughContent.Question].Label]);
                break;
        }

        // There is always a way to reach someone.
        buttons.Add(_replies.Label(new ActionRef(ActionKind.Command, CommandIds.Person, 0)));
        QuestionReplies.WithButtons(activity, buttons);
        return await step.PromptAsync(PromptId, Waiting(_prompt.For(Walkthroughs.NavigationQuestion, activity, InquiryFor.Self, allowBack: true)), cancellationToken);
    }

    private async Task<DialogTurnResult> HandleAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var position = (WalkthroughPosition)step.Options!;
        var steps = Walkthroughs.IopSteps.ToList();
        var index = Math.Max(0, steps.FindIndex(s => s.Id == position.StepId));
        switch (step.Result)
        {
            case PromptNavigation { Kind: PromptNavigationKind.Back }:
                return await step.ReplaceDialogAsync(StepId, new WalkthroughPosition { StepId = steps[Math.Max(0, index - 1)].Id }, cancellationToken);
            case QuestionAnswer answer when answer.Is(WalkthroughContent.More):
                return await step.ReplaceDialogAsync(StepId, new WalkthroughPosition { StepId = steps[index].Id, Mode = "more" }, cancellationToken);
            case QuestionAnswer answer when answer.Is(WalkthroughContent.Question):
                return await step.ReplaceDialogAsync(StepId, new WalkthroughPosition { StepId = steps[index].Id, Mode = "ask" }, cancellationToken);
            case QuestionAnswer answer when answer.Is(WalkthroughContent.Stop):
                await step.Context.SendActivityAsync(Replies.Create(_content, Walkthroughs[WalkthroughContent.Stopped]), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case QuestionAnswer:
                return index + 1 < steps.Count
                    ? await step.ReplaceDialogAsync(StepId, new WalkthroughPosition { StepId = steps[index + 1].Id }, cancellationToken)
                    : await step.ReplaceDialogAsync(EndId, null, cancellationToken);
            default:
                return await step.EndDialogAsync(RouteMessage.Instance, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var activity = Replies.Create(_content, Walkthroughs[Walkthroughs.IopEnd]);
        QuestionReplies.WithButtons(activity, [.. _questionReplies.Buttons(WalkthroughContent.OfferQuestion)]);
        return await step.PromptAsync(PromptId, Waiting(_prompt.For(WalkthroughContent.OfferQuestion, activity, InquiryFor.Self, allowBack: false)), cancellationToken);
    }

    private async Task<DialogTurnResult> OfferAnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case QuestionAnswer answer when answer.Is("yes"):
                return await step.EndDialogAsync(Walkthroughs.IopOffer, cancellationToken);
            case QuestionAnswer:
                await step.Context.SendActivityAsync(Replies.Create(_content, Walkthroughs[WalkthroughContent.OfferDeclined]), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            default:
                return await step.EndDialogAsync(RouteMessage.Instance, cancellationToken);
        }
    }

    private Activity TopicActivity(string topicId)
    {
        var topic = _content.Topics[topicId];
        return Replies.Create(_content, $"topic:{topic.Id}", _replies.TopicText(topic));
    }

    /// <summary>A walk-through waits quietly after a side question, and gives way to anything else at once.</summary>
    internal static PromptOptions Waiting(PromptOptions options)
    {
        options.ResumePrompt = MessageFactory.Text(string.Empty);
        options.MaxAttempts = 1;
        return options;
    }
}

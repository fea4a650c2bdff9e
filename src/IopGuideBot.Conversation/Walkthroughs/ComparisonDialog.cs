using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Dialogs;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Walkthroughs;

/// <summary>
/// "Compare care options" (<c>walkthroughs.yaml</c>): the topic compare-care's answer (with the whole table) asks what
/// matters most (living at home, how much support, keeping a job, medical needs, or everything), answers with the part of
/// the comparison that fits, and ends with the offer to start the questionnaire. Something else typed instead is answered as usual
/// (<see cref="RouteMessage"/>). Ends with the offer's action when the person accepts it.
/// </summary>
public sealed class ComparisonDialog : ComponentDialog
{
    public const string DialogId = "walkthrough.compare-care";

    private const string StepsId = "walkthrough.compare.steps";
    private const string PromptId = "walkthrough.compare.prompt";

    private readonly ClinicContent _content;
    private readonly Replies _replies;
    private readonly QuestionReplies _questionReplies;
    private readonly QuestionPrompt _prompt;

    public ComparisonDialog(ClinicContent content, Replies replies, AnswerReader reader, QuestionReplies questionReplies)
        : base(DialogId)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _questionReplies = questionReplies ?? throw new ArgumentNullException(nameof(questionReplies));
        var question = Walkthroughs.ComparisonQuestion;
        _prompt = new QuestionPrompt(PromptId, reader, questionReplies, id => id == question.Id ? question : id == WalkthroughContent.OfferQuestion.Id ? WalkthroughContent.OfferQuestion : null);
        AddDialog(new WaterfallDialog(StepsId).AddStep("ask", AskAsync).AddStep("show", ShowAsync).AddStep("answer", OfferAnswerAsync));
        AddDialog(_prompt);
        InitialDialogId = StepsId;
    }

    private WalkthroughContent Walkthroughs => _content.Section<WalkthroughContent>();

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var question = Walkthroughs.ComparisonQuestion;
        var topic = _content.Topics[WalkthroughContent.CompareCare];
        // The whole picture first (the table), then the question that narrows it down.
        var table = topic.Show == "care-comparison" ? "\n\n" + _replies.Comparison(step.Context.Activity.ChannelId) : string.Empty;
        var text = _replies.TopicText(topic) + table + "\n\n" + question.Text.Value;
        var activity = QuestionReplies.WithButtons(Replies.Create(_content, $"topic:{topic.Id}", text), [.. question.Choices.Select(c => c.Label)]);
        return await step.PromptAsync(PromptId, IopWalkthroughDialog.Waiting(_prompt.For(question, activity, InquiryFor.Self, allowBack: false)), cancellationToken);
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not QuestionAnswer answer || Walkthroughs.ComparisonChoices.FirstOrDefault(c => answer.Is(c.Id)) is not { } choice)
        {
            return await step.EndDialogAsync(RouteMessage.Instance, cancellationToken);
        }

        var rows = choice.Rows.Select(r => r.Value).ToList();
        var text = _content.Render(choice.Text.Value.Trim()) + "\n\n" + _replies.Comparison(step.Context.Activity.ChannelId, rows);
        await step.Context.SendActivityAsync(Replies.Create(_content, $"{DialogId}.{choice.Id}", text), cancellationToken);

        var offer = Replies.Create(_content, Walkthroughs[Walkthroughs.ComparisonEnd]);
        QuestionReplies.WithButtons(offer, [.. _questionReplies.Buttons(WalkthroughContent.OfferQuestion)]);
        return await step.PromptAsync(PromptId, IopWalkthroughDialog.Waiting(_prompt.For(WalkthroughContent.OfferQuestion, offer, InquiryFor.Self, allowBack: false)), cancellationToken);
    }

    private async Task<DialogTurnResult> OfferAnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case QuestionAnswer answer when answer.Is("yes"):
                return await step.EndDialogAsync(Walkthroughs.ComparisonOffer, cancellationToken);
            case QuestionAnswer:
                await step.Context.SendActivityAsync(Replies.Create(_content, Walkthroughs[WalkthroughContent.OfferDeclined]), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            default:
                return await step.EndDialogAsync(RouteMessage.Instance, cancellationToken);
        }
    }
}

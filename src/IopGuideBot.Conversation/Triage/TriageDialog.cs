using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Triage;

/// <summary>
/// The "Is an IOP right for me?" questionnaire, a component of waterfalls built from <c>triage.yaml</c>:
/// the notice (an offer: "Shall we start?"), then one pair of steps per question — ask with the question's prompt,
/// then record the answer by question id — then the suggestion from <see cref="TriageScorer"/>, the offer to be
/// contacted, and with consent the callback request. Skip, go back and "not sure" are the engine's (prompt navigation
/// and <see cref="WaterfallStepContext.GoBackAsync"/>); retries and the limit on them are the prompt's.
/// </summary>
/// <remarks>
/// Begun with an <see cref="InquiryFor"/> as its options (who the questions are about, when already known). Ends with
/// the <see cref="TriageResult"/>, also put in conversation state and given to <see cref="ITriageResultSink"/>.
/// </remarks>
public sealed partial class TriageDialog : ComponentDialog
{
    public const string ResultPropertyName = "TriageResult";

    /// <summary>The question behind the notice: "Shall we start?".</summary>
    public const string StartOfferId = "start_offer";

    private const string FlowId = "triage.flow";
    private const string QuestionsId = "triage.questions";
    private const string PromptId = "triage.prompt";
    private const string ProgressKey = "progress";

    private readonly ClinicContent _content;
    private readonly AnswerReader _reader;
    private readonly QuestionReplies _replies;
    private readonly QuestionPrompt _prompt;
    private readonly ITriageResultSink _sink;
    private readonly IStatePropertyAccessor<SafetyState> _safetyState;
    private readonly IStatePropertyAccessor<InquiryContext> _inquiry;
    private readonly IStatePropertyAccessor<TriageResult> _resultState;
    private readonly TimeProvider _time;
    private readonly ILogger<TriageDialog> _logger;

    public TriageDialog(ClinicContent content, AnswerReader reader, QuestionReplies replies, ITriageResultSink sink, ConversationState conversationState, TimeProvider time, ILogger<TriageDialog> logger)
        : base(DialogIds.Triage)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _safetyState = SafetyState.CreateAccessor(conversationState);
        _inquiry = InquiryContext.CreateAccessor(conversationState);
        _resultState = conversationState.CreateProperty<TriageResult>(ResultPropertyName);

        StartOffer = StartOfferQuestion(Triage);
        _prompt = new QuestionPrompt(PromptId, reader, replies, id => id == StartOfferId ? StartOffer : Triage.Question(id));

        AddDialog(new WaterfallDialog(FlowId)
            .AddStep("notice", AskNoticeAsync)
            .AddStep("notice-answer", BeginQuestionsAsync)
            .AddStep("outcome", OutcomeAsync)
            .AddStep("contact", ContactAsync)
            .AddStep("finish", FinishAsync));
        AddDialog(QuestionsWaterfall());
        AddDialog(_prompt);
        InitialDialogId = FlowId;
    }

    /// <summary>The notice's yes/no question, read like any other (<c>start_offer</c>).</summary>
    public GuidedQuestion StartOffer { get; }

    /// <summary>"Shall we start?" as a question: yes or no, not skippable, with the notice's own gentle retry.</summary>
    public static GuidedQuestion StartOfferQuestion(TriageContent triage)
    {
        ArgumentNullException.ThrowIfNull(triage);
        return new GuidedQuestion
        {
            Id = StartOfferId,
            Kind = QuestionKind.Offer,
            Text = triage[TriageContent.Notice].Text,
            Skippable = false,
            Retry = triage[TriageContent.NoticeRetry].Text,
        };
    }

    private TriageContent Triage => _content.Section<TriageContent>();

    /// <summary>One ask/record pair of named steps per question, in the order of <c>triage.yaml</c>, then a last check.</summary>
    private WaterfallDialog QuestionsWaterfall()
    {
        var waterfall = new WaterfallDialog(QuestionsId);
        foreach (var question in Triage.Questions)
        {
            var id = question.Id;
            waterfall.AddStep("ask:" + id, (step, ct) => AskAsync(step, id, ct));
            waterfall.AddStep("record:" + id, (step, ct) => RecordAsync(step, id, ct));
        }

        return waterfall.AddStep("end", EndQuestionsAsync);
    }

    private async Task<DialogTurnResult> AskNoticeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var forWhom = step.Options is InquiryFor known and not InquiryFor.Unknown ? known : InquiryFor.Self;
        var notice = Triage[TriageContent.Notice];
        var ask = Replies.Create(_content, notice.Key, Triage.Fill(notice.Text.Value), notice.Actions, QuestionReplies.Variant(forWhom));
        QuestionReplies.WithButtons(ask, [.. _replies.Buttons(StartOffer)]);
        var resume = Replies.Create(_content, TriageContent.NoticeResume, Triage[TriageContent.NoticeResume].Text.Value);
        QuestionReplies.WithButtons(resume, [.. _replies.Buttons(StartOffer)]);
        return await step.PromptAsync(PromptId, _prompt.For(StartOffer, ask, forWhom, allowBack: false, resume), cancellationToken);
    }

    private async Task<DialogTurnResult> BeginQuestionsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not QuestionAnswer answer || !answer.Is("yes"))
        {
            // Nothing personal was asked, so nothing is kept or handed on.
            await SendAsync(step.Context, TriageContent.NoticeDeclined, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var given = step.Options is InquiryFor known and not InquiryFor.Unknown;
        var progress = new TriageProgress { ForWhom = given ? (InquiryFor)step.Options! : InquiryFor.Self, ForWhomGiven = given };
        if (given)
        {
            (await _inquiry.GetAsync(step.Context, () => new InquiryContext(), cancellationToken)).ForWhom = progress.ForWhom;
        }

        LogStarted(_logger, progress.ForWhom);
        return await step.BeginDialogAsync(QuestionsId, progress, cancellationToken);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, string id, CancellationToken cancellationToken)
    {
        var progress = Progress(step);
        var question = Triage.Question(id);
        if (question is null || (id == TriageQuestionIds.ForWhom && progress.ForWhomGiven)
            || (progress.Answers.ContainsKey(id) && step.Reason != DialogReason.BackCalled))
        {
            // Not asked: already known, or answered before (after going back, or a reorder in content).
            return await step.NextAsync(null, cancellationToken);
        }

        if (step.Reason == DialogReason.BackCalled)
        {
            progress.PendingEcho = null;
        }

        var extra = new List<string>();
        if (progress.PendingEcho is { } echo)
        {
            await step.Context.SendActivityAsync(_replies.Noted(echo), cancellationToken);
            progress.PendingEcho = null;
            extra.Add(_replies.ChangeButton);
        }

        var ask = _replies.Ask(question, $"triage.question.{id}", progress.ForWhom, [.. extra]);
        return await step.PromptAsync(PromptId, _prompt.For(question, ask, progress.ForWhom, allowBack: true), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, string id, CancellationToken cancellationToken)
    {
        var progress = Progress(step);
        var question = Triage.Question(id);
        switch (step.Result)
        {
            case PromptNavigation { Kind: PromptNavigationKind.Back }:
                progress.PendingEcho = null;
                if (!step.CanGoBack)
                {
                    await step.Context.SendActivityAsync(_replies.Message(AnswersContent.BackFirst), cancellationToken);
                }

                return await step.GoBackAsync(cancellationToken);

            case PromptNavigation { Kind: PromptNavigationKind.Skip }:
            case PromptAttemptsExhausted when question?.Skippable != false:
                progress.Answers[id] = QuestionAnswer.Skip(id);
                await step.Context.SendActivityAsync(_replies.Message(AnswersContent.Skipped), cancellationToken);
                break;

            case PromptAttemptsExhausted:
                // A question that cannot be skipped and could not be answered: stop kindly, a person can take it from here.
                await SendAsync(step.Context, TriageContent.Stopped, cancellationToken);
                progress.Stopped = true;
                return await step.EndDialogAsync(progress, cancellationToken);

            case QuestionAnswer answer when question is not null:
                progress.Answers[id] = answer;
                progress.PendingEcho = answer.Interpreted ? _reader.Describe(question, answer) : null;
                if (id == TriageQuestionIds.ForWhom)
                {
                    progress.ForWhom = answer.Is("family") ? InquiryFor.FamilyMember : InquiryFor.Self;
                    (await _inquiry.GetAsync(step.Context, () => new InquiryContext(), cancellationToken)).ForWhom = progress.ForWhom;
                }

                if (id == TriageQuestionIds.Adult && answer.Is("no"))
                {
                    await step.Context.SendActivityAsync(
                        Replies.Create(_content, Triage[progress.ForWhom == InquiryFor.FamilyMember ? TriageContent.Under18Family : TriageContent.Under18]),
                        cancellationToken);
                    progress.Stopped = true;
                    return await step.EndDialogAsync(progress, cancellationToken);
                }

                break;
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> EndQuestionsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = Progress(step);

        // Questions added or moved earlier in content while this conversation was under way are asked now.
        if (progress.Sweeps == 0 && Triage.Questions.Any(q => !progress.Answers.ContainsKey(q.Id) && !(q.Id == TriageQuestionIds.ForWhom && progress.ForWhomGiven)))
        {
            progress.Sweeps++;
            return await step.ReplaceDialogAsync(QuestionsId, progress, cancellationToken);
        }

        if (progress.PendingEcho is { } echo)
        {
            await step.Context.SendActivityAsync(_replies.Noted(echo), cancellationToken);
            progress.PendingEcho = null;
        }

        return await step.EndDialogAsync(progress, cancellationToken);
    }

    private async Task<DialogTurnResult> OutcomeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not TriageProgress { Stopped: false } progress)
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.Values[ProgressKey] = progress;
        var assessment = await ScoreAsync(step.Context, progress, cancellationToken);
        await SendAsync(step.Context, assessment.Outcome switch
        {
            TriageOutcome.HigherLevelOfCare => TriageContent.OutcomeHigherLevel,
            TriageOutcome.IopGoodFit => TriageContent.OutcomeIopFit,
            _ => TriageContent.OutcomeStandard,
        }, cancellationToken);
        if (assessment.Reasons.Contains(TriageScorer.RuleWithdrawalHistory))
        {
            await SendAsync(step.Context, TriageContent.WithdrawalCaution, cancellationToken);
        }

        await SendAsync(step.Context, assessment.Urgency switch
        {
            HandoffUrgency.Urgent => TriageContent.WhenUrgent,
            HandoffUrgency.Soon => TriageContent.WhenSoon,
            _ => TriageContent.WhenRoutine,
        }, cancellationToken);

        var offer = Triage.ContactOffer;
        var ask = _replies.Ask(offer, $"triage.question.{offer.Id}", progress.ForWhom);
        return await step.PromptAsync(PromptId, _prompt.For(offer, ask, progress.ForWhom, allowBack: false), cancellationToken);
    }

    private async Task<DialogTurnResult> ContactAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = step.Values[ProgressKey] as TriageProgress ?? new TriageProgress();
        var consent = step.Result is QuestionAnswer answer && answer.Is("yes");
        step.Values["consent"] = consent;
        if (!consent || step.FindDialog(DialogIds.Handoff) is null)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        var assessment = await ScoreAsync(step.Context, progress, cancellationToken);
        return await step.BeginDialogAsync(DialogIds.Handoff, new CallbackOptions { ForWhom = progress.ForWhom, Urgency = assessment.Urgency }, cancellationToken);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = step.Values[ProgressKey] as TriageProgress ?? new TriageProgress();
        var contact = step.Result as HandoffContact;
        var consent = step.Values.TryGetValue("consent", out var c) && c is true;
        var assessment = await ScoreAsync(step.Context, progress, cancellationToken);
        var result = new TriageResult
        {
            ConversationId = step.Context.Activity.Conversation?.Id ?? string.Empty,
            CompletedAt = _time.GetUtcNow(),
            ForWhom = progress.ForWhom,
            NoticeAccepted = true,
            ContactConsent = consent && contact is not null,
            Answers = new Dictionary<string, QuestionAnswer>(progress.Answers, StringComparer.Ordinal),
            Outcome = assessment.Outcome,
            Urgency = assessment.Urgency,
            Reasons = [.. assessment.Reasons],
            CrisisFlagged = assessment.Reasons.Contains(TriageScorer.RuleCrisisFlag),
            Contact = consent ? contact : null,
        };

        await _resultState.SetAsync(step.Context, result, cancellationToken);
        await _sink.SubmitAsync(result, cancellationToken);

        // With a callback request, its own closing message says who will call and when.
        if (!consent)
        {
            await SendAsync(step.Context, TriageContent.DoneNoContact, cancellationToken);
        }

        return await step.EndDialogAsync(result, cancellationToken);
    }

    private async Task<TriageAssessment> ScoreAsync(ITurnContext turnContext, TriageProgress progress, CancellationToken cancellationToken)
    {
        var flagged = (await _safetyState.GetAsync(turnContext, () => new SafetyState(), cancellationToken)).IsFlagged;
        return TriageScorer.Score(progress.Answers, flagged, Triage.Scoring, Triage.FrequencyScale);
    }

    private static TriageProgress Progress(WaterfallStepContext step) =>
        step.Options as TriageProgress ?? throw new InvalidOperationException("The questions waterfall was begun without its progress.");

    private Task SendAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken)
    {
        var message = Triage[key];
        return turnContext.SendActivityAsync(Replies.Create(_content, message.Key, Triage.Fill(message.Text.Value), message.Actions), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Questionnaire started ({ForWhom})")]
    private static partial void LogStarted(ILogger logger, InquiryFor forWhom);
}

using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Questions;

/// <summary>
/// The prompt of every guided question (the questionnaire, the callback request, offers): the engine's prompt with the
/// skip / back / "not sure" phrases from <c>answers.yaml</c>, reading answers with <see cref="AnswerReader"/>. Its
/// options name the question (<see cref="PromptOptions.Validations"/> is the question id); build them with
/// <see cref="For"/>. The result is a <see cref="QuestionAnswer"/>, or the engine's <see cref="PromptNavigation"/> /
/// <see cref="PromptAttemptsExhausted"/>.
/// </summary>
public sealed class QuestionPrompt : Prompt<QuestionAnswer>
{
    /// <summary>Four answers the bot could not use and a question ends (skipped, or handed to a person when it cannot be skipped).</summary>
    public const int MaxAttempts = 4;

    private readonly AnswerReader _reader;
    private readonly QuestionReplies _replies;
    private readonly Func<string, GuidedQuestion?> _questions;

    /// <param name="dialogId">The prompt's id in its owner's dialog set.</param>
    /// <param name="reader">Reads answers.</param>
    /// <param name="replies">Builds the retry, skip offer and asking back.</param>
    /// <param name="questions">Finds a question by id (the owner's questions).</param>
    public QuestionPrompt(string dialogId, AnswerReader reader, QuestionReplies replies, Func<string, GuidedQuestion?> questions)
        : base(dialogId)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _questions = questions ?? throw new ArgumentNullException(nameof(questions));
        Navigation = reader.Answers.Navigation;
        DefaultMaxAttempts = MaxAttempts;
    }

    /// <summary>The options that ask <paramref name="question"/> with <paramref name="ask"/>, retrying and offering to skip in its own terms.</summary>
    public PromptOptions For(GuidedQuestion question, Activity ask, InquiryFor forWhom, bool allowBack, Activity? resume = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new PromptOptions
        {
            Prompt = ask,
            RetryPrompt = _replies.Retry(question, forWhom),
            SkipOffer = question.Skippable ? _replies.SkipOffer(question) : null,
            UnsurePrompt = question.Skippable ? null : _replies.Unsure(question, forWhom),
            // An offer is not skipped but declined: "I'd rather not" is read as a no.
            CannotSkipPrompt = question.Skippable || question.Kind == QuestionKind.Offer ? null : _replies.CannotSkip(question),
            ResumePrompt = resume,
            AllowSkip = question.Skippable,
            AllowBack = allowBack,
            Validations = question.Id,
            MaxAttempts = MaxAttempts,
        };
    }

    /// <inheritdoc/>
    protected override async Task<PromptRecognizerResult<QuestionAnswer>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var question = options.Validations is string id ? _questions(id) : null;
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        if (question is null)
        {
            // The question left content while this conversation was on it: nothing to read it with.
            return PromptRecognizerResult<QuestionAnswer>.Failure();
        }

        var reading = _reader.Read(question, text, ClarifyingCandidates(state));
        switch (reading.Kind)
        {
            case ReadingKind.Answer:
                return PromptRecognizerResult<QuestionAnswer>.Success(reading.Answer!);
            case ReadingKind.Ambiguous:
                return PromptRecognizerResult<QuestionAnswer>.Ambiguous(reading.Candidates!);
            case ReadingKind.Unsure:
                return PromptRecognizerResult<QuestionAnswer>.Unsure();
            case ReadingKind.TooLong:
                // Saying why is the answer to this turn; the prompt then waits without its usual retry.
                var (key, limit) = question.Kind == QuestionKind.Text
                    ? (AnswersContent.TooLong, _reader.Answers.NameMaxCharacters)
                    : (AnswersContent.TooLongText, _reader.Answers.TextMaxCharacters);
                await turnContext.SendActivityAsync(_replies.Message(key, ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))), cancellationToken).ConfigureAwait(false);
                return PromptRecognizerResult<QuestionAnswer>.Failure();
            default:
                return PromptRecognizerResult<QuestionAnswer>.Failure();
        }
    }

    /// <inheritdoc/>
    protected override Task OnClarifyAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, IReadOnlyList<QuestionAnswer> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var question = options.Validations is string id ? _questions(id) : null;
        if (question is null)
        {
            return base.OnClarifyAsync(turnContext, state, options, candidates, cancellationToken);
        }

        return turnContext.SendActivityAsync(_replies.AskBack([.. candidates.Select(c => _reader.Describe(question, c))]), cancellationToken);
    }
}

using IopGuideBot.Dialogs.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// Base class of prompts: ask, then on each answer recognise → validate → end with the value, or re-prompt. After
/// <see cref="PromptOptions.MaxAttempts"/> (else <see cref="DefaultMaxAttempts"/>) unaccepted answers the prompt ends
/// with <see cref="PromptAttemptsExhausted.Instance"/>, so it can never loop for ever.
/// </summary>
/// <typeparam name="T">The recognised value's type, which becomes the next waterfall step's <c>Result</c>.</typeparam>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    /// <summary>Initializes a new instance of the <see cref="Prompt{T}"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator; without one, any recognised value is accepted.</param>
    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>Gets or sets how many answers are allowed when <see cref="PromptOptions.MaxAttempts"/> is not set. Default 3.</summary>
    public int DefaultMaxAttempts { get; set; } = 3;

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' needs {nameof(PromptOptions)}; begin it with DialogContext.PromptAsync.", nameof(options));

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        state[AttemptCountKey] = 0;

        await OnPromptAsync(dc.Context, state, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = PersistedOptions(state);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);

        var attemptCount = state.GetValue<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attemptCount;

        var isValid = recognized.Succeeded;
        if (_validator is not null)
        {
            var validatorContext = new PromptValidatorContext<T>(dc.Context, recognized, state, options, attemptCount);
            isValid = await _validator(validatorContext, cancellationToken).ConfigureAwait(false);
        }

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (attemptCount >= (options.MaxAttempts ?? DefaultMaxAttempts))
        {
            return await dc.EndDialogAsync(PromptAttemptsExhausted.Instance, cancellationToken).ConfigureAwait(false);
        }

        // A validator that explained the problem itself has already answered this turn.
        if (!TurnResponses.HasResponded(dc.Context))
        {
            await OnPromptAsync(dc.Context, state, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog the prompt started ended: ask again and keep waiting.</summary>
    /// <inheritdoc/>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, instance.State, PersistedOptions(instance.State), isRetry: false, cancellationToken);
    }

    /// <summary>Sends the question, or the retry prompt when <paramref name="isRetry"/> (falling back to the question).</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The prompt's persisted state.</param>
    /// <param name="options">The prompt's options.</param>
    /// <param name="isRetry">Whether the previous answer was not accepted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is not null)
        {
            await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Recognises a value in the user's message.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The prompt's persisted state.</param>
    /// <param name="options">The prompt's options.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was recognised.</returns>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken);

    private static PromptOptions PersistedOptions(DialogStateBag state) =>
        state.GetValue<PromptOptions>(OptionsKey) ?? new PromptOptions();
}

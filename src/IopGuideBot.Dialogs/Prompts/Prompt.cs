using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// Base class of prompts: ask, then on each answer recognise → validate → end with the value, or re-prompt. After
/// <see cref="PromptOptions.MaxAttempts"/> (else <see cref="DefaultMaxAttempts"/>) unaccepted answers the prompt ends
/// with <see cref="PromptAttemptsExhausted.Instance"/>, so it can never loop for ever.
/// </summary>
/// <remarks>
/// What a prompt does with each message, in order:
/// <list type="number">
/// <item>"skip" / "go back" (<see cref="Navigation"/>), when the options allow them: ends with <see cref="PromptNavigation"/>; "skip" where it is not allowed gets <see cref="PromptOptions.CannotSkipPrompt"/>.</item>
/// <item>Recognition and validation: the value ends the prompt. An answer that could mean two things asks which one (<see cref="OnClarifyAsync"/>).</item>
/// <item>After a skip offer, "yes" / "ok" that is not an answer skips.</item>
/// <item>"Not sure" (an unsure phrase, or the recognizer says so): offers to skip (<see cref="PromptOptions.SkipOffer"/>) or, when the question cannot be skipped, asks again (<see cref="PromptOptions.UnsurePrompt"/>).</item>
/// <item>Otherwise the message is offered to the dialogs above (<see cref="DialogEvents.Unrecognized"/>); one that handles it (a side question answered) makes the prompt ask again (<see cref="PromptOptions.ResumePrompt"/>) without counting a miss.</item>
/// <item>A miss: the retry prompt, and after <see cref="PromptOptions.SkipOfferAfter"/> misses the skip offer.</item>
/// </list>
/// </remarks>
/// <typeparam name="T">The recognised value's type, which becomes the next waterfall step's <c>Result</c>.</typeparam>
public abstract class Prompt<T> : Dialog
{
    // Read by PromptOptions.Of too.
    private const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";
    private const string SkipOfferedKey = "skipOffered";
    private const string CandidatesKey = "candidates";

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

    /// <summary>Gets or sets the phrases that skip, go back or say "not sure"; null to read every message as an answer.</summary>
    public NavigationPhrases? Navigation { get; set; }

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
        var text = dc.Context.Activity.Text;

        switch (Navigation?.MatchCommand(text))
        {
            case PromptNavigationKind.Skip when options.AllowSkip:
                return await dc.EndDialogAsync(PromptNavigation.Skip, cancellationToken).ConfigureAwait(false);
            case PromptNavigationKind.Back when options.AllowBack:
                return await dc.EndDialogAsync(PromptNavigation.Back, cancellationToken).ConfigureAwait(false);
            case PromptNavigationKind.Skip when options.CannotSkipPrompt is { } cannotSkip:
                // Heard, but this one is needed: say so rather than "not understood". It counts, so it cannot loop.
                if (CountAttempt(state, options))
                {
                    return await dc.EndDialogAsync(PromptAttemptsExhausted.Instance, cancellationToken).ConfigureAwait(false);
                }

                await OnPromptAsync(dc.Context, state, WithQuestion(options, cannotSkip), isRetry: false, cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
        }

        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var isValid = recognized.Succeeded;
        if (_validator is not null && !recognized.IsAmbiguous)
        {
            var validatorContext = new PromptValidatorContext<T>(dc.Context, recognized, state, options, state.GetValue<int>(AttemptCountKey) + 1);
            isValid = await _validator(validatorContext, cancellationToken).ConfigureAwait(false);
        }

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (recognized.IsAmbiguous)
        {
            if (CountAttempt(state, options))
            {
                return await dc.EndDialogAsync(PromptAttemptsExhausted.Instance, cancellationToken).ConfigureAwait(false);
            }

            state[CandidatesKey] = recognized.Candidates!.ToList();
            await OnClarifyAsync(dc.Context, state, options, recognized.Candidates!, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (!recognized.Succeeded && options.AllowSkip && state.GetValue<bool>(SkipOfferedKey) && YesNoLexicon.Recognize(text) == true)
        {
            return await dc.EndDialogAsync(PromptNavigation.Skip, cancellationToken).ConfigureAwait(false);
        }

        if (!recognized.Succeeded && (recognized.IsUnsure || Navigation?.MentionsUnsure(text) == true))
        {
            return await UnsureAsync(dc, state, options, cancellationToken).ConfigureAwait(false);
        }

        // A validator that explained the problem itself has already answered this turn.
        if (!recognized.Succeeded && !TurnResponses.HasResponded(dc.Context)
            && await dc.EmitEventAsync(DialogEvents.Unrecognized, text, bubble: true, cancellationToken).ConfigureAwait(false))
        {
            await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (CountAttempt(state, options))
        {
            return await dc.EndDialogAsync(PromptAttemptsExhausted.Instance, cancellationToken).ConfigureAwait(false);
        }

        // A validator that explained the problem itself has already answered this turn.
        if (!TurnResponses.HasResponded(dc.Context))
        {
            if (options.AllowSkip && state.GetValue<int>(AttemptCountKey) >= options.SkipOfferAfter)
            {
                await OfferSkipAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await OnPromptAsync(dc.Context, state, options, isRetry: true, cancellationToken).ConfigureAwait(false);
            }
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

    /// <summary>Asks again after an interruption: <see cref="PromptOptions.ResumePrompt"/>, else the question. Counts no miss.</summary>
    /// <inheritdoc/>
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var options = PersistedOptions(instance.State);
        if (options.ResumePrompt is { } resume)
        {
            // An empty resume prompt means: keep waiting without saying anything.
            return string.IsNullOrEmpty(resume.Text) && resume.Attachments is not { Count: > 0 }
                ? Task.CompletedTask
                : OnPromptAsync(turnContext, instance.State, WithQuestion(options, resume), isRetry: false, cancellationToken);
        }

        return OnPromptAsync(turnContext, instance.State, options, isRetry: false, cancellationToken);
    }

    /// <summary>The readings a clarification offered, while the prompt waits for the user to pick one; else null.</summary>
    /// <param name="state">The prompt's persisted state.</param>
    /// <returns>The candidates, or null.</returns>
    protected static IReadOnlyList<T>? ClarifyingCandidates(IDictionary<string, object> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(CandidatesKey, out var value) && value is List<T> list ? list : null;
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
            await turnContext.SendActivityAsync(OutgoingActivity.CopyOf(activity), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks which reading an ambiguous answer meant. By default sends the retry prompt.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The prompt's persisted state (<see cref="ClarifyingCandidates"/> reads the candidates back).</param>
    /// <param name="options">The prompt's options.</param>
    /// <param name="candidates">The possible readings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    protected virtual Task OnClarifyAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, IReadOnlyList<T> candidates, CancellationToken cancellationToken) =>
        OnPromptAsync(turnContext, state, options, isRetry: true, cancellationToken);

    /// <summary>Recognises a value in the user's message.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The prompt's persisted state.</param>
    /// <param name="options">The prompt's options.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was recognised.</returns>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken);

    private static PromptOptions PersistedOptions(DialogStateBag state) =>
        state.GetValue<PromptOptions>(OptionsKey) ?? new PromptOptions();

    private static PromptOptions WithQuestion(PromptOptions options, Activity question) => new()
    {
        Prompt = question,
        RetryPrompt = options.RetryPrompt,
        Choices = options.Choices,
        Validations = options.Validations,
        MaxAttempts = options.MaxAttempts,
        Style = options.Style,
        ResumePrompt = options.ResumePrompt,
        AllowSkip = options.AllowSkip,
        AllowBack = options.AllowBack,
        SkipOffer = options.SkipOffer,
        SkipOfferAfter = options.SkipOfferAfter,
        UnsurePrompt = options.UnsurePrompt,
        CannotSkipPrompt = options.CannotSkipPrompt,
    };

    /// <summary>Counts an answer that was not accepted; true when that was the last one allowed.</summary>
    private bool CountAttempt(DialogStateBag state, PromptOptions options)
    {
        var attempts = state.GetValue<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attempts;
        return attempts >= (options.MaxAttempts ?? DefaultMaxAttempts);
    }

    private async Task<DialogTurnResult> UnsureAsync(DialogContext dc, DialogStateBag state, PromptOptions options, CancellationToken cancellationToken)
    {
        // Unsure again after the offer to skip: take it as a skip rather than asking a third time.
        if (options.AllowSkip && state.GetValue<bool>(SkipOfferedKey))
        {
            return await dc.EndDialogAsync(PromptNavigation.Skip, cancellationToken).ConfigureAwait(false);
        }

        if (CountAttempt(state, options))
        {
            return await dc.EndDialogAsync(PromptAttemptsExhausted.Instance, cancellationToken).ConfigureAwait(false);
        }

        if (options.AllowSkip)
        {
            await OfferSkipAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        }
        else if (options.UnsurePrompt is { } unsure)
        {
            await OnPromptAsync(dc.Context, state, WithQuestion(options, unsure), isRetry: false, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OnPromptAsync(dc.Context, state, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    private Task OfferSkipAsync(ITurnContext turnContext, DialogStateBag state, PromptOptions options, CancellationToken cancellationToken)
    {
        state[SkipOfferedKey] = true;
        return options.SkipOffer is { } offer
            ? OnPromptAsync(turnContext, state, WithQuestion(options, offer), isRetry: false, cancellationToken)
            : OnPromptAsync(turnContext, state, options, isRetry: true, cancellationToken);
    }
}

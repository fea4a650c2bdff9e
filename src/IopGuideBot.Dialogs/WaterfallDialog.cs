using IopGuideBot.Dialogs.State;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs;

/// <summary>A dialog that runs its steps in order; each step usually prompts and the next one reads the answer.</summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    /// <summary>Initializes a new instance of the <see cref="WaterfallDialog"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="steps">The steps, in order.</param>
    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps?.ToList() ?? [];
    }

    /// <summary>Gets the number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Appends a step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>This dialog, for chaining.</returns>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <inheritdoc/>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = ActiveState(dc);
        if (options is not null)
        {
            state[OptionsKey] = options;
        }

        state[ValuesKey] = new DialogStateBag();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Typing indicators, conversation updates and the like are not answers.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = ActiveState(dc).GetValue<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to log or wrap steps.</summary>
    /// <param name="stepContext">The step's context.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The step's turn result.</returns>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    private static DialogStateBag ActiveState(DialogContext dc) =>
        (dc.ActiveDialog ?? throw new InvalidOperationException("The waterfall is not on the stack.")).State;

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            // Past the last step: the last step's result is the waterfall's.
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = ActiveState(dc);
        state[StepIndexKey] = index;
        state.TryGetValue(OptionsKey, out var options);
        if (state.GetValue<DialogStateBag>(ValuesKey) is not { } values)
        {
            values = new DialogStateBag();
            state[ValuesKey] = values;
        }

        var stepContext = new WaterfallStepContext(this, dc, options, values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);
    }
}

using IopGuideBot.Dialogs.State;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs;

/// <summary>A dialog that runs its steps in order; each step usually prompts and the next one reads the answer.</summary>
/// <remarks>
/// Two things go beyond Bot Builder's waterfall. Steps may have <b>names</b>: the waterfall then keeps its place by
/// name, so a waterfall whose steps are generated from content (and reordered there while a conversation is in
/// progress) resumes at the same step, not at the same index. And it remembers which steps <b>asked</b> (ended the turn
/// waiting for the user), so a step can <see cref="WaterfallStepContext.GoBackAsync">go back</see> to the question
/// before the current one.
/// </remarks>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string StepNameKey = "stepName";
    private const string AskedKey = "asked";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<(string? Name, WaterfallStep Step)> _steps;

    /// <summary>Initializes a new instance of the <see cref="WaterfallDialog"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="steps">The steps, in order.</param>
    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps?.Select(s => ((string?)null, s)).ToList() ?? [];
    }

    /// <summary>Gets the number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Appends a step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>This dialog, for chaining.</returns>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add((null, step));
        return this;
    }

    /// <summary>Appends a named step. A conversation in progress keeps its place by this name when the steps change order.</summary>
    /// <param name="name">The step's name, unique in this waterfall.</param>
    /// <param name="step">The step.</param>
    /// <returns>This dialog, for chaining.</returns>
    public WaterfallDialog AddStep(string name, WaterfallStep step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(step);
        if (_steps.Any(s => s.Name == name))
        {
            throw new InvalidOperationException($"Waterfall '{Id}' already has a step named '{name}'.");
        }

        _steps.Add((name, step));
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
        return RunStepAsync(dc, CurrentIndex(ActiveState(dc)) + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to log or wrap steps.</summary>
    /// <param name="stepContext">The step's context.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The step's turn result.</returns>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index].Step(stepContext, cancellationToken);
    }

    /// <summary>Whether a step that asked comes before the one that asked last (see <see cref="WaterfallStepContext.GoBackAsync"/>).</summary>
    internal bool CanGoBack(DialogContext dc) => EarlierAskingStep(ActiveState(dc)) is not null;

    /// <summary>Forgets the latest asking step and runs the one that asked before it again (or, with none before, the latest one).</summary>
    internal Task<DialogTurnResult> GoBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = ActiveState(dc);
        var target = EarlierAskingStep(state) ?? LatestAskingStep(state)
            ?? throw new InvalidOperationException($"Waterfall '{Id}' has not asked anything yet, so there is nothing to go back to.");
        var asked = Asked(state);
        asked.RemoveRange(target.Position, asked.Count - target.Position);
        return RunStepAsync(dc, target.Index, DialogReason.BackCalled, null, cancellationToken);
    }

    private static DialogStateBag ActiveState(DialogContext dc) =>
        (dc.ActiveDialog ?? throw new InvalidOperationException("The waterfall is not on the stack.")).State;

    private static List<string> Asked(DialogStateBag state)
    {
        if (state.GetValue<List<string>>(AskedKey) is not { } asked)
        {
            asked = [];
            state[AskedKey] = asked;
        }

        return asked;
    }

    private string KeyOf(int index) => _steps[index].Name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The index of a step key in the current steps: by name when named, else by number; -1 when it is gone.</summary>
    private int IndexOf(string key)
    {
        var named = _steps.FindIndex(s => s.Name == key);
        if (named >= 0)
        {
            return named;
        }

        return int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < _steps.Count && _steps[index].Name is null ? index : -1;
    }

    /// <summary>Where the conversation is: the stored step's current index (found by name when it has one).</summary>
    private int CurrentIndex(DialogStateBag state)
    {
        if (state.GetValue<string>(StepNameKey) is { } name && _steps.FindIndex(s => s.Name == name) is var byName and >= 0)
        {
            return byName;
        }

        // An unnamed step, or a named one that no longer exists: fall back to the stored position.
        return Math.Min(state.GetValue<int>(StepIndexKey), _steps.Count - 1);
    }

    /// <summary>The asking step before the latest one that still exists, with its position in the asked list.</summary>
    private (int Index, int Position)? EarlierAskingStep(DialogStateBag state)
    {
        var asked = Asked(state);
        for (var position = asked.Count - 2; position >= 0; position--)
        {
            if (IndexOf(asked[position]) is var index and >= 0)
            {
                return (index, position);
            }
        }

        return null;
    }

    private (int Index, int Position)? LatestAskingStep(DialogStateBag state)
    {
        var asked = Asked(state);
        return asked.Count > 0 && IndexOf(asked[^1]) is var index and >= 0 ? (index, asked.Count - 1) : null;
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            // Past the last step: the last step's result is the waterfall's.
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var instance = dc.ActiveDialog!;
        var state = instance.State;
        state[StepIndexKey] = index;
        if (_steps[index].Name is { } name)
        {
            state[StepNameKey] = name;
        }
        else
        {
            state.Remove(StepNameKey);
        }

        state.TryGetValue(OptionsKey, out var options);
        if (state.GetValue<DialogStateBag>(ValuesKey) is not { } values)
        {
            values = new DialogStateBag();
            state[ValuesKey] = values;
        }

        var stepContext = new WaterfallStepContext(this, dc, options, values, index, _steps[index].Name, reason, result);
        var turnResult = await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);

        // The step asked the user (and no later step ran in its place): remember it for going back.
        if (turnResult.Status == DialogTurnStatus.Waiting && state.GetValue<int>(StepIndexKey) == index && dc.Stack.Contains(instance))
        {
            var asked = Asked(state);
            var key = KeyOf(index);
            if (asked.Count == 0 || asked[^1] != key)
            {
                asked.Add(key);
            }
        }

        return turnResult;
    }
}

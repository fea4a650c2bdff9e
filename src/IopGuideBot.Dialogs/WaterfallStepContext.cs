namespace IopGuideBot.Dialogs;

/// <summary>The context a <see cref="WaterfallStep"/> runs in. It shares the waterfall's dialog stack.</summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parentWaterfall, DialogContext dc, object? options, IDictionary<string, object> values, int index, DialogReason reason, object? result)
        : base(dc)
    {
        _parentWaterfall = parentWaterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>Gets the zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>Gets the options the waterfall was begun with.</summary>
    public object? Options { get; }

    /// <summary>Gets why the step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>
    /// Gets the previous step's result: the user's text, a prompt's recognised value, a child dialog's result, or
    /// <see cref="Prompts.PromptAttemptsExhausted"/> when a prompt gave up.
    /// </summary>
    public object? Result { get; }

    /// <summary>Gets values kept across the waterfall's steps; persisted with the dialog state, their types preserved.</summary>
    public IDictionary<string, object> Values { get; }

    /// <summary>Skips to the next step without waiting for the user.</summary>
    /// <param name="result">Becomes the next step's <see cref="Result"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    /// <exception cref="InvalidOperationException">NextAsync was already called in this step.</exception>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of waterfall '{_parentWaterfall.Id}'.");
        }

        _nextCalled = true;
        return _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}

namespace IopGuideBot.Dialogs;

/// <summary>The context a <see cref="WaterfallStep"/> runs in. It shares the waterfall's dialog stack.</summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parentWaterfall, DialogContext dc, object? options, IDictionary<string, object> values, int index, string? name, DialogReason reason, object? result)
        : base(dc)
    {
        _parentWaterfall = parentWaterfall;
        Options = options;
        Values = values;
        Index = index;
        Name = name;
        Reason = reason;
        Result = result;
    }

    /// <summary>Gets the zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>Gets the running step's name, or null when it was added without one.</summary>
    public string? Name { get; }

    /// <summary>Gets the options the waterfall was begun with.</summary>
    public object? Options { get; }

    /// <summary>Gets why the step runs (<see cref="DialogReason.BackCalled"/> when the user went back to it).</summary>
    public DialogReason Reason { get; }

    /// <summary>
    /// Gets the previous step's result: the user's text, a prompt's recognised value, a child dialog's result,
    /// <see cref="Prompts.PromptAttemptsExhausted"/> when a prompt gave up, or a <see cref="Prompts.PromptNavigation"/>
    /// when the user asked to skip or go back.
    /// </summary>
    public object? Result { get; }

    /// <summary>Gets values kept across the waterfall's steps; persisted with the dialog state, their types preserved.</summary>
    public IDictionary<string, object> Values { get; }

    /// <summary>Gets a value indicating whether an earlier step asked the user something, so <see cref="GoBackAsync"/> can go there.</summary>
    public bool CanGoBack => _parentWaterfall.CanGoBack(this);

    /// <summary>Skips to the next step without waiting for the user.</summary>
    /// <param name="result">Becomes the next step's <see cref="Result"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    /// <exception cref="InvalidOperationException">NextAsync or GoBackAsync was already called in this step.</exception>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        MarkMoved(nameof(NextAsync));
        return _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }

    /// <summary>
    /// Goes back one question: runs again the step that asked the user something before the latest asking step (steps
    /// that moved on without asking are passed over), with <see cref="Reason"/> <see cref="DialogReason.BackCalled"/>.
    /// On the first question (<see cref="CanGoBack"/> is false) it asks that question again. Typically called by the
    /// step after a prompt that ended with <see cref="Prompts.PromptNavigation.Back"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    /// <exception cref="InvalidOperationException">No step has asked anything yet, or the step already moved on.</exception>
    public Task<DialogTurnResult> GoBackAsync(CancellationToken cancellationToken = default)
    {
        MarkMoved(nameof(GoBackAsync));
        return _parentWaterfall.GoBackAsync(this, cancellationToken);
    }

    private void MarkMoved(string method)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"{method}: NextAsync or GoBackAsync was already called in step {Index} of waterfall '{_parentWaterfall.Id}'.");
        }

        _nextCalled = true;
    }
}

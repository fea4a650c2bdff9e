namespace IopGuideBot.Dialogs;

/// <summary>The outcome of beginning, continuing or resuming a dialog.</summary>
/// <remarks>Immutable, because <see cref="Dialog.EndOfTurn"/> is a shared instance.</remarks>
/// <param name="status">What happened to the stack.</param>
/// <param name="result">The ended dialog's result, when <paramref name="status"/> is <see cref="DialogTurnStatus.Complete"/>.</param>
public sealed class DialogTurnResult(DialogTurnStatus status, object? result = null)
{
    /// <summary>Gets what happened to the stack.</summary>
    public DialogTurnStatus Status { get; } = status;

    /// <summary>Gets the result of the dialog that completed, if any.</summary>
    public object? Result { get; } = result;

    /// <inheritdoc/>
    public override string ToString() => $"{Status}: {Result ?? "null"}";
}

namespace IopGuideBot.Dialogs;

/// <summary>
/// Something a dialog tells the dialogs above it, through <see cref="DialogContext.EmitEventAsync(DialogEvent, CancellationToken)"/>: each active dialog up
/// the chain of parent contexts may handle it (see <see cref="Dialog.OnDialogEventAsync"/>).
/// </summary>
public sealed class DialogEvent
{
    /// <summary>Gets the event's name, one of <see cref="DialogEvents"/> or your own.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the event's payload.</summary>
    public object? Value { get; init; }

    /// <summary>Gets a value indicating whether the event goes on to the parent context when a dialog does not handle it.</summary>
    public bool Bubble { get; init; } = true;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Names of the events the engine emits.</summary>
public static class DialogEvents
{
    /// <summary>
    /// A prompt could not read the user's message as an answer. Its value is the message text. A parent that handles it
    /// (for example by answering a side question) makes the prompt ask its question again without counting a miss.
    /// </summary>
    public const string Unrecognized = "unrecognized";
}

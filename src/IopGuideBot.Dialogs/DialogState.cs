namespace IopGuideBot.Dialogs;

/// <summary>
/// The persisted dialog stack of one conversation, kept in Bot Builder's <c>ConversationState</c> through an
/// <c>IStatePropertyAccessor&lt;DialogState&gt;</c>.
/// </summary>
public sealed class DialogState
{
    /// <summary>Initializes a new instance of the <see cref="DialogState"/> class with an empty stack.</summary>
    public DialogState()
        : this(null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DialogState"/> class.</summary>
    /// <param name="stack">The stack, top at index 0.</param>
    public DialogState(List<DialogInstance>? stack)
    {
        DialogStack = stack ?? [];
    }

    /// <summary>Gets or sets the stack of dialogs, the active one at index 0.</summary>
    public List<DialogInstance> DialogStack { get; set; }
}

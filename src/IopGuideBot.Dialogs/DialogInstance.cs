using IopGuideBot.Dialogs.State;

namespace IopGuideBot.Dialogs;

/// <summary>One dialog on the stack: which dialog it is and the state it keeps for this conversation.</summary>
public sealed class DialogInstance
{
    /// <summary>Gets or sets the id of the dialog this instance belongs to.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the dialog's persisted state. Values keep their .NET type through storage (an <see cref="int"/> comes
    /// back as an <see cref="int"/>), see <see cref="DialogStateBag"/>.
    /// </summary>
    public DialogStateBag State { get; set; } = new();

    /// <inheritdoc/>
    public override string ToString() => Id;
}

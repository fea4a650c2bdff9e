using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs;

/// <summary>A set of dialogs that can call each other by id, and the factory of the <see cref="DialogContext"/> that runs them.</summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="DialogSet"/> class.</summary>
    /// <param name="dialogState">Where the dialog stack is kept, usually <c>conversationState.CreateProperty&lt;DialogState&gt;("DialogState")</c>.</param>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        ArgumentNullException.ThrowIfNull(dialogState);
        _dialogState = dialogState;
    }

    /// <summary>Initializes a new instance of the <see cref="DialogSet"/> class whose stack is held by its owner (a <see cref="ComponentDialog"/>).</summary>
    internal DialogSet()
    {
    }

    /// <summary>Adds a dialog. Adding the same instance twice is a no-op; another dialog with a used id is an error.</summary>
    /// <param name="dialog">The dialog.</param>
    /// <returns>This set, for chaining.</returns>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            // Bot Builder renames the newcomer silently; a clash here is a wiring mistake worth hearing about.
            return ReferenceEquals(existing, dialog)
                ? this
                : throw new InvalidOperationException($"A different dialog with id '{dialog.Id}' is already in the set.");
        }

        _dialogs.Add(dialog.Id, dialog);
        return this;
    }

    /// <summary>Finds a dialog of this set (not of its parents) by id.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? Find(string dialogId)
    {
        ArgumentNullException.ThrowIfNull(dialogId);
        return _dialogs.GetValueOrDefault(dialogId);
    }

    /// <summary>Gets the dialogs in the set.</summary>
    /// <returns>The dialogs.</returns>
    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;

    /// <summary>Loads the conversation's dialog stack and wraps it in a context for this turn.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dialog context.</returns>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet belongs to a component dialog and has no state accessor of its own.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }
}

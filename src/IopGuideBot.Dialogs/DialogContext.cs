using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs;

/// <summary>The dialog stack of one conversation during one turn, and the operations that push and pop it.</summary>
public class DialogContext
{
    /// <summary>Initializes a new instance of the <see cref="DialogContext"/> class.</summary>
    /// <param name="dialogs">The dialogs that can be started from this context.</param>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The persisted stack.</param>
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        State = state;
    }

    /// <summary>Initializes a new instance of the <see cref="DialogContext"/> class that shares another context's stack.</summary>
    /// <param name="dc">The context whose stack, dialogs and parent are shared.</param>
    protected DialogContext(DialogContext dc)
        : this(dc?.Dialogs!, dc?.Context!, dc?.State!)
    {
        Parent = dc!.Parent;
    }

    /// <summary>Gets the dialogs that can be started from this context (the parent's are found too).</summary>
    public DialogSet Dialogs { get; }

    /// <summary>Gets the turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>Gets the stack, the active dialog at index 0.</summary>
    public List<DialogInstance> Stack => State.DialogStack;

    /// <summary>Gets the active dialog's instance, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Gets or sets the context of the component dialog that owns this one, if any.</summary>
    public DialogContext? Parent { get; set; }

    /// <summary>Gets the persisted stack.</summary>
    internal DialogState State { get; }

    /// <summary>Pushes a dialog onto the stack and begins it.</summary>
    /// <param name="dialogId">The dialog's id, in this set or a parent's.</param>
    /// <param name="options">Arguments for the dialog.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' was not found. Add it to the DialogSet or the ComponentDialog first.");

        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins a prompt.</summary>
    /// <param name="dialogId">The prompt's id.</param>
    /// <param name="options">What to ask, how to retry, the choices.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Passes the user's message to the active dialog.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result; <see cref="DialogTurnStatus.Empty"/> when no dialog is active.</returns>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindDialog(instance.Id)
            ?? throw new InvalidOperationException($"The active dialog '{instance.Id}' is no longer registered; its state cannot be continued.");
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent on the stack with <paramref name="result"/>.</summary>
    /// <param name="result">The ended dialog's result.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The parent's turn result, or <see cref="DialogTurnStatus.Complete"/> with the result when the stack is now empty.</returns>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);

        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var dialog = FindDialog(instance.Id)
            ?? throw new InvalidOperationException($"The dialog '{instance.Id}' to resume is not registered.");
        return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and begins another in its place (the way to loop a waterfall).</summary>
    /// <param name="dialogId">The new dialog's id.</param>
    /// <param name="options">Arguments for the new dialog.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on this context's stack.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="DialogTurnStatus.Cancelled"/>, or <see cref="DialogTurnStatus.Empty"/> when nothing was active.</returns>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is not null && FindDialog(instance.Id) is { } dialog)
        {
            await dialog.RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Emits an event to the active dialog of this context, which may pass it up to the parent contexts.</summary>
    /// <param name="name">The event's name (see <see cref="DialogEvents"/>).</param>
    /// <param name="value">The event's payload.</param>
    /// <param name="bubble">Whether the event goes up to parent contexts when not handled.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when some dialog handled it.</returns>
    public Task<bool> EmitEventAsync(string name, object? value = null, bool bubble = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return EmitEventAsync(new DialogEvent { Name = name, Value = value, Bubble = bubble }, cancellationToken);
    }

    /// <summary>Emits an event to the active dialog of this context (or, with nothing active, to the parent context).</summary>
    /// <param name="e">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when some dialog handled it.</returns>
    public async Task<bool> EmitEventAsync(DialogEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (ActiveDialog is { } instance && FindDialog(instance.Id) is { } dialog)
        {
            return await dialog.OnDialogEventAsync(this, e, cancellationToken).ConfigureAwait(false);
        }

        return e.Bubble && Parent is not null && await Parent.EmitEventAsync(e, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds a dialog in this context's set, then in its parents'.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        Stack.RemoveAt(0);
    }
}

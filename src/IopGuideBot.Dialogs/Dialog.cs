using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs;

/// <summary>
/// Base class of every dialog. Dialogs are stateless singletons: everything that belongs to one conversation lives in
/// the <see cref="DialogInstance"/> on the <see cref="DialogContext.Stack"/>, which is persisted in <see cref="DialogState"/>.
/// </summary>
public abstract class Dialog
{
    /// <summary>Return this from a step or dialog to wait for the user's next message.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    /// <summary>Initializes a new instance of the <see cref="Dialog"/> class.</summary>
    /// <param name="dialogId">The id under which the dialog is added to a <see cref="DialogSet"/>; unique within it.</param>
    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    /// <summary>Gets the dialog's id, unique within its <see cref="DialogSet"/>.</summary>
    public string Id { get; }

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    /// <param name="dc">The dialog context; <see cref="DialogContext.ActiveDialog"/> is this dialog's new instance.</param>
    /// <param name="options">Arguments from the caller.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="EndOfTurn"/> to wait for the user, or the result of <see cref="DialogContext.EndDialogAsync"/>.</returns>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Called when the user replies while this dialog is active. By default the dialog ends.</summary>
    /// <param name="dc">The dialog context.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Called when a child dialog this one started has ended. By default the dialog ends with the child's result.</summary>
    /// <param name="dc">The dialog context.</param>
    /// <param name="reason">Why the dialog resumes.</param>
    /// <param name="result">The child's result.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for whatever the dialog is waiting for (after an interruption, for example).</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="instance">This dialog's instance on the stack.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Called just before the dialog's instance is popped off the stack, whatever the reason.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="instance">This dialog's instance on the stack.</param>
    /// <param name="reason">Why the dialog ends.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Called when an event is emitted in <paramref name="dc"/> while this dialog is active. The dialog may handle it
    /// first (<see cref="OnPreBubbleEventAsync"/>); otherwise the event goes up to the parent context, and if nobody
    /// there handles it, this dialog gets a last chance (<see cref="OnPostBubbleEventAsync"/>).
    /// </summary>
    /// <param name="dc">The context in which this dialog is active.</param>
    /// <param name="e">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when some dialog handled the event.</returns>
    public virtual async Task<bool> OnDialogEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(e);
        var handled = await OnPreBubbleEventAsync(dc, e, cancellationToken).ConfigureAwait(false);
        if (!handled && e.Bubble && dc.Parent is { } parent)
        {
            handled = await parent.EmitEventAsync(e, cancellationToken).ConfigureAwait(false);
        }

        return handled || await OnPostBubbleEventAsync(dc, e, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles an event before the dialogs above this one see it. By default, does not.</summary>
    /// <param name="dc">The context in which this dialog is active.</param>
    /// <param name="e">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when handled.</returns>
    protected virtual Task<bool> OnPreBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Handles an event that no dialog above this one handled. By default, does not.</summary>
    /// <param name="dc">The context in which this dialog is active.</param>
    /// <param name="e">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when handled.</returns>
    protected virtual Task<bool> OnPostBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name}({Id})";
}

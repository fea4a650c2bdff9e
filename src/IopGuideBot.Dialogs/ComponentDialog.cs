using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs;

/// <summary>
/// A dialog made of dialogs: it keeps its own inner stack (inside its instance's state) and ends when its inner
/// dialogs end. Subclasses add global interruptions ("help", "cancel", "talk to a person") in <see cref="OnInterruptAsync"/>.
/// </summary>
public class ComponentDialog : Dialog
{
    private const string InnerStackKey = "dialogs";

    /// <summary>Initializes a new instance of the <see cref="ComponentDialog"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>Gets or sets the id of the inner dialog begun first; defaults to the first dialog added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Gets the inner dialogs.</summary>
    protected DialogSet Dialogs { get; } = new();

    /// <summary>Adds an inner dialog.</summary>
    /// <param name="dialog">The dialog.</param>
    /// <returns>This component, for chaining.</returns>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>Finds an inner dialog by id.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var innerState = new DialogState();
        Instance(dc).State[InnerStackKey] = innerState;
        var innerDc = CreateInnerDc(dc, innerState);

        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(dc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var innerDc = CreateInnerDc(dc, InnerState(Instance(dc)));

        var turnResult = await OnInterruptAsync(innerDc, cancellationToken).ConfigureAwait(false)
            ?? await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);

        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(dc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Called when a dialog the component pushed on the <em>outer</em> stack ended. Inner dialogs were waiting for the
    /// user all along, so ask them again.
    /// </summary>
    /// <inheritdoc/>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, Instance(dc), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var innerDc = new DialogContext(Dialogs, turnContext, InnerState(instance));
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            // Let inner dialogs run their own end logic.
            var innerDc = new DialogContext(Dialogs, turnContext, InnerState(instance));
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The context of the component's inner dialogs, for a component active in <paramref name="dc"/> (to see what it is
    /// doing, for example from an event handler). Null when the component is not the active dialog there.
    /// </summary>
    /// <param name="dc">The context in which the component is active.</param>
    /// <returns>The inner context, or null.</returns>
    public DialogContext? CreateChildContext(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.ActiveDialog is { } instance && instance.Id == Id ? CreateInnerDc(dc, InnerState(instance)) : null;
    }

    /// <summary>Begins the inner dialogs; by default the <see cref="InitialDialogId"/> one.</summary>
    /// <param name="innerDc">The inner dialog context.</param>
    /// <param name="options">The component's options.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The inner turn result.</returns>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner dialogs with the user's message.</summary>
    /// <param name="innerDc">The inner dialog context.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The inner turn result.</returns>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>
    /// Looks at the user's message before the inner dialog does. Return null to continue normally, or a turn result to
    /// short-circuit: for "help", send the help text, call <c>innerDc.RepromptDialogAsync()</c> and return
    /// <see cref="Dialog.EndOfTurn"/>; for "cancel", return <c>innerDc.CancelAllDialogsAsync()</c>'s result, which ends
    /// the component.
    /// </summary>
    /// <param name="innerDc">The inner dialog context.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Null, or the result that replaces the inner dialog's turn.</returns>
    protected virtual Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        Task.FromResult<DialogTurnResult?>(null);

    /// <summary>Ends the component on the outer stack, once its inner dialogs are done.</summary>
    /// <param name="outerDc">The outer dialog context.</param>
    /// <param name="result">The inner dialogs' result.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outer turn result.</returns>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private static DialogInstance Instance(DialogContext dc) =>
        dc.ActiveDialog ?? throw new InvalidOperationException("The component dialog is not on the stack.");

    private DialogState InnerState(DialogInstance instance)
    {
        if (instance.State.GetValue<DialogState>(InnerStackKey) is not { } state)
        {
            state = new DialogState();
            instance.State[InnerStackKey] = state;
        }

        return state;
    }

    private DialogContext CreateInnerDc(DialogContext outerDc, DialogState innerState) =>
        new(Dialogs, outerDc.Context, innerState) { Parent = outerDc };
}

using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs;

/// <summary>Runs a root dialog for one turn.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Continues the conversation's active dialog, or begins <paramref name="dialog"/> when none is active.
    /// Does not save state: call <c>ConversationState.SaveChangesAsync</c> at the end of the turn.
    /// </summary>
    /// <param name="dialog">The root dialog (usually a <see cref="ComponentDialog"/>).</param>
    /// <param name="turnContext">The turn.</param>
    /// <param name="accessor">The dialog-state property of the conversation state.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The turn result.</returns>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}

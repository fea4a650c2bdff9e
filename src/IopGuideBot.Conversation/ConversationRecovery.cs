using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Conversation;

/// <summary>
/// After a turn failed unexpectedly, the dialog stack may be what broke it; keeping it would fail every later turn the
/// same way. This clears the dialog stack only: the safety flag (and whatever else conversation state holds) and the
/// handoff record stay, so a person in crisis stays flagged and staff keep their queue entry.
/// </summary>
public sealed class ConversationRecovery(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState =
        conversationState.CreateProperty<DialogState>(ClinicBot.DialogStateProperty);

    public async Task ResetDialogsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Re-read: the turn's cached state may hold the half-finished change that failed.
        await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
        await _dialogState.DeleteAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }
}

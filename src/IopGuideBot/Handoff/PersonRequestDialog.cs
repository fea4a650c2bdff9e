using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Dialogs;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Handoff;

/// <summary>
/// "Talk to a person": puts the conversation in the staff queue (its handoff record, created or kept) and tells the person,
/// honestly, how to reach someone now. Live chat with staff replaces this when the staff console exists.
/// </summary>
internal sealed class PersonRequestDialog(IHandoffStore handoffs, Replies replies, ILogger<PersonRequestDialog> logger)
    : Dialog(DialogIds.Handoff)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var conversationId = dc.Context.Activity.Conversation.Id;
        var open = await HandoffRequests.OpenAsync(handoffs, conversationId, cancellationToken);
        if (open is null)
        {
            await handoffs.CreateOrUpdateAsync(HandoffRequests.From(null, conversationId), CancellationToken.None);
        }

        logger.LogInformation(
            "Person requested in conversation {ConversationHash} ({State})",
            LogIds.Hash(conversationId), open is null ? "queued" : "already queued");
        await dc.Context.SendActivityAsync(replies.Message(MessageKeys.HandoffRequested), cancellationToken);
        return await dc.EndDialogAsync(cancellationToken: cancellationToken);
    }
}

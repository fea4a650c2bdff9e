using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Handoff;

/// <summary>
/// While a specialist is live in the conversation the assistant stays quiet: the person's messages are already in the
/// transcript (the activity log), which is where the specialist reads them. The crisis check has run before this (it
/// runs on every message and raises the handoff to urgent). "End chat" typed by the person hands the conversation back
/// to the assistant.
/// </summary>
public sealed partial class LiveChatTurns(IHandoffStore handoffs, CommandMatcher commands, ClinicContent content, ILogger<LiveChatTurns> logger)
{
    /// <summary>True when the turn belongs to the live chat and the assistant must not answer it.</summary>
    public async Task<bool> TakesTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type != ActivityTypes.Message || turnContext.Activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return false;
        }

        var handoff = await handoffs.GetByConversationAsync(conversationId, cancellationToken);
        if (handoff is not { Status: HandoffStatus.Live })
        {
            return false;
        }

        if (commands.MatchCommand(turnContext.Activity.Text ?? string.Empty, globalOnly: true)?.Id != CommandIds.EndChat)
        {
            LogQuiet(logger, LogIds.Hash(conversationId));
            return true;
        }

        // The specialist may be writing to the record at this moment: read again on a conflict, a few times.
        for (var attempt = 0; attempt < 3 && handoff is { Status: HandoffStatus.Live }; attempt++)
        {
            if (await handoffs.TryUpdateAsync(handoff with { Status = HandoffStatus.Claimed }, cancellationToken) is not null)
            {
                break;
            }

            handoff = await handoffs.GetByConversationAsync(conversationId, cancellationToken);
        }

        LogEnded(logger, LogIds.Hash(conversationId));
        await turnContext.SendActivityAsync(LiveChatMessages.Create(content, LiveChatMessages.Ended), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live chat: message for the specialist in conversation {ConversationHash}; the assistant stays quiet")]
    private static partial void LogQuiet(ILogger logger, string conversationHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live chat ended by the person in conversation {ConversationHash}")]
    private static partial void LogEnded(ILogger logger, string conversationHash);
}

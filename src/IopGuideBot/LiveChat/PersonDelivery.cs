using IopGuideBot.Channels;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.DirectLine;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace IopGuideBot.LiveChat;

/// <summary>
/// Reaches the person of a conversation unasked (a specialist's message, a new place in line) on the conversation's
/// own channel: a proactive turn through the <see cref="ClinicCloudAdapter"/> with the stored reference for
/// <c>/api/messages</c> channels, and through the <see cref="DirectLineAdapter"/> (which appends to the activity log every
/// open stream reads, on any instance) for the website. Every message passes the turn pipeline, so it lands in the
/// transcript in order.
/// </summary>
public sealed partial class PersonDelivery(
    ConversationReferences references,
    ClinicCloudAdapter channelAdapter,
    DirectLineAdapter directLineAdapter,
    IActivityLog activityLog,
    IConfiguration configuration,
    ILogger<PersonDelivery> logger)
{
    /// <summary>
    /// Sends one activity to the person on the conversation's channel, through the turn pipeline (one turn at a time per
    /// conversation, the transcript). With no way to reach them (a channel that only answers within its own request),
    /// it is still written to the transcript, where the console shows it.
    /// </summary>
    public async Task DeliverAsync(string conversationId, Activity activity, CancellationToken cancellationToken, Specialist? asSpecialist = null)
    {
        var reference = await references.FindAsync(conversationId, cancellationToken);
        if (reference is null)
        {
            LogUnreachable(logger, LogIds.Hash(conversationId));
            activity.Id ??= DirectLineAdapter.NewActivityId();
            activity.Conversation = new ConversationAccount(id: conversationId);
            activity.From = new ChannelAccount(DirectLineAdapter.BotAccount.Id, asSpecialist is null ? DirectLineAdapter.BotAccount.Name : LiveChatMessages.SpecialistName(asSpecialist.FirstName), RoleTypes.Bot);
            activity.Timestamp = DateTimeOffset.UtcNow;
            await activityLog.AppendAsync(conversationId, activity, cancellationToken);
            return;
        }

        async Task SendAsync(ITurnContext turn, CancellationToken token)
        {
            if (asSpecialist is not null)
            {
                // The turn stamps every outgoing activity as from the bot's account; the name is set after that, on the
                // way to the channel (and so to the transcript), keeping the bot's id.
                var name = LiveChatMessages.SpecialistName(asSpecialist.FirstName);
                turn.OnSendActivities(async (_, outgoing, next) =>
                {
                    foreach (var item in outgoing.Where(a => ReferenceEquals(a, activity) || a.Id == activity.Id))
                    {
                        item.From = new ChannelAccount(item.From?.Id ?? reference.Bot?.Id, name, RoleTypes.Bot);
                    }

                    return await next();
                });
            }

            await turn.SendActivityAsync(activity, token);
        }

        await ContinueAsync(reference, SendAsync, cancellationToken);
    }


    /// <summary>
    /// Runs <paramref name="callback"/> in a proactive turn of the conversation (it can read the conversation's state and
    /// decide what, if anything, to send). Returns false, without running it, when the person cannot be reached unasked.
    /// </summary>
    public async Task<bool> ContinueAsync(string conversationId, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        if (await references.FindAsync(conversationId, cancellationToken) is not { } reference)
        {
            return false;
        }

        await ContinueAsync(reference, callback, cancellationToken);
        return true;
    }

    private Task ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        if (reference.ChannelId == DirectLineAdapter.ChannelId)
        {
            return directLineAdapter.ContinueConversationAsync(string.Empty, reference, callback, cancellationToken);
        }

        var appId = configuration[MicrosoftAppCredentials.MicrosoftAppIdKey] ?? string.Empty;
        return channelAdapter.ContinueConversationAsync(appId, reference, callback, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live chat: no channel reference for conversation {ConversationHash}; the message is in the transcript only")]
    private static partial void LogUnreachable(ILogger logger, string conversationHash);
}

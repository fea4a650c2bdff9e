using System.Collections.Concurrent;
using IopGuideBot.DirectLine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace IopGuideBot.LiveChat;

/// <summary>
/// How to reach the person of a conversation later, when a specialist writes: for <c>/api/messages</c> channels the
/// reference of the person's latest activity (service URL, ids), kept in the bot's <see cref="IStorage"/> so every
/// instance can use it and the retention sweep deletes it with the conversation; for the website, the Direct Line
/// conversation record.
/// </summary>
public sealed class ConversationReferences(IStorage storage, DirectLineConversations directLine)
{
    // Which reference this instance last stored per conversation, so a turn writes only when it changed (normally once).
    private readonly ConcurrentDictionary<string, string> _stored = new(StringComparer.Ordinal);
    private const int MaxRemembered = 10_000;

    /// <summary>The reference to deliver to, or null when the conversation is unknown (or could not receive proactively).</summary>
    public async Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = Key(conversationId);
        var items = await storage.ReadAsync([key], cancellationToken);
        if (items.TryGetValue(key, out var item) && item is ConversationReference reference)
        {
            return reference;
        }

        return await directLine.GetReferenceAsync(conversationId, cancellationToken);
    }

    /// <summary>Keeps the reference of an inbound activity of a Bot Framework channel (the website has its own record).</summary>
    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelId == DirectLineAdapter.ChannelId
            || activity.DeliveryMode == DeliveryModes.ExpectReplies // replies travel in the HTTP response: nothing to call later
            || string.IsNullOrEmpty(activity.ServiceUrl)
            || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.Recipient is null
            || activity.From is null)
        {
            return;
        }

        var fingerprint = $"{activity.ChannelId}\n{activity.ServiceUrl}\n{activity.From.Id}\n{activity.Recipient.Id}";
        if (_stored.TryGetValue(conversationId, out var known) && known == fingerprint)
        {
            return;
        }

        var reference = activity.GetConversationReference();
        reference.ActivityId = null; // a specialist's message starts a new line in the conversation, not a reply
        await storage.WriteAsync(new Dictionary<string, object> { [Key(conversationId)] = reference }, cancellationToken);
        if (_stored.Count >= MaxRemembered)
        {
            _stored.Clear();
        }

        _stored[conversationId] = fingerprint;
    }

    // "/conversations/{id}" files the reference under the conversation, as the Direct Line record is, for retention.
    private static string Key(string conversationId) => $"livechat/conversations/{conversationId}";
}

/// <summary>
/// Keeps each Bot Framework channel conversation's reference (see <see cref="ConversationReferences"/>) before the turn
/// runs, so a handoff that starts in any way (a request, a crisis, a finished questionnaire) can be answered live.
/// </summary>
public sealed class ConversationReferenceMiddleware(ConversationReferences references) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate)
        {
            await references.RememberAsync(turnContext.Activity, cancellationToken);
        }

        await next(cancellationToken);
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.DirectLine;

/// <summary>A started Direct Line conversation: whose it is and when it began.</summary>
public sealed class DirectLineConversation
{
    public string UserId { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public string? Locale { get; set; }
}

/// <summary>
/// Which Direct Line conversations exist, in the bot's <see cref="IStorage"/> (so every instance sees them, and the
/// retention sweep deletes them with the conversation's other state). The record is what tells an unknown conversation
/// (404) from someone else's (403), and what a proactive message needs to address the user.
/// </summary>
public sealed class DirectLineConversations(IStorage storage, TimeProvider time)
{
    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = Key(conversationId);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) ? item as DirectLineConversation : null;
    }

    /// <summary>Starts the conversation unless it exists; <c>Created</c> says which (201 or 200 for the client).</summary>
    public async Task<(DirectLineConversation Conversation, bool Created)> StartAsync(
        string conversationId, string userId, string? locale, CancellationToken cancellationToken)
    {
        if (await FindAsync(conversationId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        // Two starts of one conversation can only come from holders of its token and write the same user id, so the
        // last write winning is harmless.
        var created = new DirectLineConversation { UserId = userId, StartedAt = time.GetUtcNow(), Locale = locale };
        await storage.WriteAsync(new Dictionary<string, object> { [Key(conversationId)] = created }, cancellationToken);
        return (created, true);
    }

    /// <summary>How to reach the user of a conversation later, e.g. with a specialist's reply (see <see cref="DirectLineAdapter"/>).</summary>
    public async Task<ConversationReference?> GetReferenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(conversationId, cancellationToken);
        return conversation is null ? null : new ConversationReference
        {
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            Conversation = new ConversationAccount(id: conversationId),
            User = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            Bot = DirectLineAdapter.BotAccount,
            Locale = conversation.Locale,
        };
    }

    // "/conversations/{id}" files the record under the conversation in storage (retention deletes them together); the
    // prefix keeps it apart from the bot's own conversation state, whose key is "directline/conversations/{id}".
    private static string Key(string conversationId) => $"directline-endpoint/conversations/{conversationId}";
}

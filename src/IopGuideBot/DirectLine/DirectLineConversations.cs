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
/// <remarks>
/// Every request of a conversation checks its record (a POST and a GET per turn), so a found record is remembered for
/// <see cref="RememberFor"/>: it never changes once written, and reading it cost a database read, a decryption and a
/// JSON parse each time. Only found records are remembered (a conversation another instance starts is seen at once);
/// one the retention sweep deletes (idle for months, with no valid token left) may still be found here for a minute.
/// </remarks>
public sealed class DirectLineConversations(IStorage storage, TimeProvider time)
{
    internal static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 50_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DirectLineConversation Conversation, DateTimeOffset Until)> _remembered =
        new(StringComparer.Ordinal);

    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_remembered.TryGetValue(conversationId, out var known) && known.Until > now)
        {
            return known.Conversation;
        }

        var key = Key(conversationId);
        var items = await storage.ReadAsync([key], cancellationToken);
        var found = items.TryGetValue(key, out var item) ? item as DirectLineConversation : null;
        if (found is not null)
        {
            Remember(conversationId, found, now);
        }

        return found;
    }

    private void Remember(string conversationId, DirectLineConversation conversation, DateTimeOffset now)
    {
        if (_remembered.Count >= MaxRemembered)
        {
            _remembered.Clear();
        }

        _remembered[conversationId] = (conversation, now + RememberFor);
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
        Remember(conversationId, created, time.GetUtcNow());
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

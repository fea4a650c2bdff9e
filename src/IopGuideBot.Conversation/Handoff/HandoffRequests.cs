namespace IopGuideBot.Conversation.Handoff;

/// <summary>Reading and updating a conversation's open handoff without losing what other parts of the bot put there.</summary>
public static class HandoffRequests
{
    /// <summary>The conversation's open handoff, or null.</summary>
    public static async Task<HandoffRecord?> OpenAsync(IHandoffStore handoffs, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoffs);
        var record = await handoffs.GetByConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return record is { IsOpen: true } ? record : null;
    }

    /// <summary>A request that keeps everything the open record holds (CreateOrUpdate replaces these fields).</summary>
    public static HandoffRequest From(HandoffRecord? open, string conversationId) => new()
    {
        ConversationId = conversationId,
        Urgency = open?.Urgency ?? HandoffUrgency.Routine,
        ForWhom = open?.ForWhom ?? InquiryFor.Unknown,
        RiskFlags = open?.RiskFlags ?? [],
        Summary = open?.Summary,
        TriageAnswersJson = open?.TriageAnswersJson,
        Contact = open?.Contact,
    };

    /// <summary>The more urgent of two (a crisis flag, or staff, is never downgraded).</summary>
    public static HandoffUrgency MoreUrgent(HandoffUrgency a, HandoffUrgency b) => a < b ? a : b;
}

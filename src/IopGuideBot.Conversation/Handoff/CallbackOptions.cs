namespace IopGuideBot.Conversation.Handoff;

/// <summary>
/// How the callback request begins: who it is about, how urgent the questionnaire found it, and what the person already
/// said ("call me tomorrow at 555 201 3344" gives a number and a time, which are then not asked again).
/// </summary>
public sealed class CallbackOptions
{
    public InquiryFor ForWhom { get; set; } = InquiryFor.Unknown;

    public HandoffUrgency? Urgency { get; set; }

    /// <summary>A contact method choice id ("call", "text", "email") the person already named.</summary>
    public string? Method { get; set; }

    /// <summary>E.164.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>As read (see <c>BestTime</c>), e.g. "tomorrow after 17:00".</summary>
    public string? BestTime { get; set; }
}

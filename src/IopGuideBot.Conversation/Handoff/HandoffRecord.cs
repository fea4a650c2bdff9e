using System.Text.Json.Serialization;

namespace IopGuideBot.Conversation.Handoff;

/// <summary>Where a handoff is: waiting for staff → claimed → live chat, or a callback to make → closed.</summary>
public enum HandoffStatus
{
    Waiting,
    Claimed,
    Live,
    Callback,
    Closed,
}

/// <summary>
/// How soon staff should act on a conversation: what a crisis, the questionnaire's suggestion and staff set. Queue order:
/// lower values are served first.
/// </summary>
public enum HandoffUrgency
{
    /// <summary>Same day: a crisis flag or a risk of dangerous withdrawal.</summary>
    Urgent = 0,

    /// <summary>Within a business day: daily use or a higher level of care to discuss.</summary>
    Soon = 1,

    Routine = 2,
}

/// <summary>Who an inquiry is about: the person typing, or someone they care about (the questions are then worded about them).</summary>
public enum InquiryFor
{
    Self,
    FamilyMember,
    Unknown,
}

/// <summary>How the person would like to be reached.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactMethod>))]
public enum ContactMethod
{
    PhoneCall,
    Text,
    Email,

    /// <summary>They will call the clinic themselves; nothing to reach them by is kept.</summary>
    TheyWillCall,
}

/// <summary>How the person wants to be reached, and what they agreed to (PHI: stored encrypted).</summary>
public sealed record HandoffContact
{
    /// <summary>The way they chose; null when they did not say (older records, or the questionnaire's contact steps).</summary>
    public ContactMethod? Method { get; init; }

    /// <summary>First name or nickname, as they gave it; optional.</summary>
    public string? Name { get; init; }

    /// <summary>E.164, e.g. +15552013344.</summary>
    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>When to reach them, as the bot read it ("weekday evenings", "tomorrow after 17:00").</summary>
    public string? BestTime { get; init; }

    /// <summary>A voicemail may name the clinic.</summary>
    public bool? VoicemailOk { get; init; }

    /// <summary>Text messages may be sent (and may name the clinic).</summary>
    public bool? TextsOk { get; init; }
}

/// <summary>What the bot knows when it asks for (or updates) a handoff for a conversation.</summary>
public sealed record HandoffRequest
{
    public required string ConversationId { get; init; }
    public HandoffUrgency Urgency { get; init; } = HandoffUrgency.Routine;
    public InquiryFor ForWhom { get; init; } = InquiryFor.Unknown;

    /// <summary>E.g. <c>crisis:suicide</c>. Sensitive, so stored encrypted with the other PHI.</summary>
    public IReadOnlyList<string> RiskFlags { get; init; } = [];
    public string? Summary { get; init; }
    public string? TriageAnswersJson { get; init; }
    public HandoffContact? Contact { get; init; }
}

/// <summary>
/// A warm handoff to clinic staff. Status, urgency, who it is for, the claiming staff id and timestamps are stored in
/// clear for the queue; risk flags, summary, triage answers, contact and notes are encrypted. <see cref="Version"/>
/// increases on every change and is the optimistic-concurrency token for updates.
/// </summary>
public sealed record HandoffRecord
{
    public required string Id { get; init; }
    public required string ConversationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public HandoffStatus Status { get; init; }
    public HandoffUrgency Urgency { get; init; }
    public InquiryFor ForWhom { get; init; }
    public IReadOnlyList<string> RiskFlags { get; init; } = [];
    public string? Summary { get; init; }
    public string? TriageAnswersJson { get; init; }
    public HandoffContact? Contact { get; init; }

    /// <summary>Staff notes (PHI, encrypted).</summary>
    public string? Notes { get; init; }

    /// <summary>Staff account id that claimed it.</summary>
    public string? ClaimedBy { get; init; }
    public long Version { get; init; }

    /// <summary>True once retention removed the PHI of this closed handoff; the PHI fields are then empty.</summary>
    public bool PhiPurged { get; init; }

    public bool IsOpen => Status != HandoffStatus.Closed;
}

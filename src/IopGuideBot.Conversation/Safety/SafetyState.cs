using Microsoft.Bot.Builder;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// The conversation's crisis flag, kept in <c>ConversationState</c>. Sticky: nothing the user says clears it
/// (a retraction is recorded next to it); only staff close it, through the handoff record.
/// </summary>
public sealed class SafetyState
{
    public const string PropertyName = "SafetyState";

    /// <summary>Every category flagged in this conversation, in the order first seen.</summary>
    public List<CrisisCategory> FlaggedCategories { get; set; } = [];

    public DateTimeOffset? FirstFlaggedAt { get; set; }

    public DateTimeOffset? LastFlaggedAt { get; set; }

    /// <summary>The bot asked "Are you safe right now?" and the next message answers it.</summary>
    public bool AwaitingSafetyCheck { get; set; }

    /// <summary>Times the person took it back ("I didn't mean it"); shown to staff, never clears the flag.</summary>
    public int Retractions { get; set; }

    public DateTimeOffset? LastRetractedAt { get; set; }

    /// <summary>The person answered the safety check with "no".</summary>
    public bool SaidNotSafe { get; set; }

    public bool IsFlagged => FlaggedCategories.Count > 0;

    public static IStatePropertyAccessor<SafetyState> CreateAccessor(ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        return conversationState.CreateProperty<SafetyState>(PropertyName);
    }

    /// <summary>Records a category; true when it is new for this conversation.</summary>
    public bool Flag(CrisisCategory category, DateTimeOffset at)
    {
        FirstFlaggedAt ??= at;
        LastFlaggedAt = at;
        if (FlaggedCategories.Contains(category))
        {
            return false;
        }

        FlaggedCategories.Add(category);
        return true;
    }
}

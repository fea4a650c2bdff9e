using Microsoft.Bot.Builder;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// The conversation's crisis flag and safety mode, kept in <c>ConversationState</c>. The flag is sticky: nothing the user
/// says clears it (a retraction is recorded next to it); only staff close it, through the handoff record.
/// </summary>
public sealed class SafetyState
{
    public const string PropertyName = "SafetyState";

    /// <summary>Every category flagged in this conversation, in the order first seen.</summary>
    public List<CrisisCategory> FlaggedCategories { get; set; } = [];

    public DateTimeOffset? FirstFlaggedAt { get; set; }

    public DateTimeOffset? LastFlaggedAt { get; set; }

    /// <summary>
    /// Safety mode: the bot asked "Are you safe right now?" and has no answer yet, so the next message belongs to safety
    /// (it is never a questionnaire answer or a topic question) unless it asks for something else explicitly.
    /// </summary>
    public bool AwaitingSafetyCheck { get; set; }

    /// <summary>
    /// A crisis message interrupted the conversation, so whatever was in progress (a questionnaire) waits: nothing the
    /// person says is fed to it until they ask to go on. Cleared by that request, or when the conversation starts over.
    /// </summary>
    public bool HoldingDialog { get; set; }

    /// <summary>
    /// The message the crisis reply answered, kept while it is on hold: when the person has said they are safe and asks to
    /// go on outside a questionnaire, the question it asked ("…how long is the program?") is answered then, rather than
    /// lost. Dropped when they go on, ask something else or start over. Stored with the rest of the (encrypted) state.
    /// </summary>
    public string? HeldQuestion { get; set; }

    /// <summary>The last safety reply offered "keep going", so a plain "yes" means go on.</summary>
    public bool OfferedToGoOn { get; set; }

    /// <summary>Safety replies in this conversation are in Spanish (the person wrote a crisis message in Spanish).</summary>
    public bool Spanish { get; set; }

    /// <summary>Times the person took it back ("I didn't mean it"); shown to staff, never clears the flag.</summary>
    public int Retractions { get; set; }

    public DateTimeOffset? LastRetractedAt { get; set; }

    /// <summary>The person answered the safety check with "no".</summary>
    public bool SaidNotSafe { get; set; }

    /// <summary>Answers to the safety check that were neither yes nor no ("idk… probably").</summary>
    public int UnclearAnswers { get; set; }

    public bool IsFlagged => FlaggedCategories.Count > 0;

    /// <summary>The person took a crisis message back and has not disclosed again since.</summary>
    public bool RetractedSinceLastFlag => LastRetractedAt is { } retracted && (LastFlaggedAt is null || retracted > LastFlaggedAt);

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

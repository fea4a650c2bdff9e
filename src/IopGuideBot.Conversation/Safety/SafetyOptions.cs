namespace IopGuideBot.Conversation.Safety;

/// <summary>Options bound to the <c>Safety</c> configuration section.</summary>
public sealed class SafetyOptions
{
    public const string SectionName = "Safety";

    /// <summary>
    /// Longest message the crisis check reads whole. A longer one is answered with "that's a lot of text", and its first
    /// and last halves of this many characters are still checked, so no message costs the check more than this.
    /// </summary>
    public int MaxCheckedChars { get; set; } = 4000;
}

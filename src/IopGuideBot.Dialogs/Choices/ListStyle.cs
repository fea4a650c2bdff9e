namespace IopGuideBot.Dialogs.Choices;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Not at all (the prompt text already lists them).</summary>
    None,

    /// <summary>Suggested actions where the channel supports them, a numbered list otherwise.</summary>
    Auto,

    /// <summary>Suggested actions (buttons).</summary>
    SuggestedAction,

    /// <summary>A numbered list, one choice a line.</summary>
    List,

    /// <summary>Inline: "1. yes, 2. no, or 3. maybe".</summary>
    InLine,
}

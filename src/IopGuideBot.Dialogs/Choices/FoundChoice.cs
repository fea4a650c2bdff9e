namespace IopGuideBot.Dialogs.Choices;

/// <summary>The choice a user picked, the result of a <c>ChoicePrompt</c>.</summary>
public sealed class FoundChoice
{
    /// <summary>Gets or sets the picked choice's <see cref="Choice.Value"/>.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Gets or sets the picked choice's index in the list.</summary>
    public int Index { get; set; }

    /// <summary>Gets or sets the confidence, 0 to 1 (1 for an exact, synonym, number or ordinal match).</summary>
    public double Score { get; set; }

    /// <summary>Gets or sets what matched: the value, a synonym, the action title, or the number or ordinal the user typed.</summary>
    public string? Synonym { get; set; }

    /// <summary>Gets or sets how it matched.</summary>
    public ChoiceMatchKind MatchKind { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Value} (#{Index}, {MatchKind}, {Score:0.00})";
}

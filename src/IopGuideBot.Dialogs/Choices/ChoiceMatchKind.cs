namespace IopGuideBot.Dialogs.Choices;

/// <summary>Which strategy of <see cref="ChoiceRecognizer"/> matched.</summary>
public enum ChoiceMatchKind
{
    /// <summary>The whole answer equals the value or the action title.</summary>
    Exact,

    /// <summary>The whole answer equals a synonym.</summary>
    Synonym,

    /// <summary>The answer is the choice's number ("2").</summary>
    Index,

    /// <summary>The answer is an ordinal ("the second one", "2nd", "last").</summary>
    Ordinal,

    /// <summary>The answer shares enough words with one choice.</summary>
    Partial,
}

namespace IopGuideBot.Conversation.Safety;

/// <summary>The semantic signal's verdict on one message.</summary>
/// <param name="Risk">Highest probability of risk over the message and its sentences, in [0, 1].</param>
/// <param name="Category">The most likely crisis category of the riskiest part.</param>
/// <param name="IsRisky">Risk reached the model's threshold.</param>
public readonly record struct SemanticJudgement(float Risk, CrisisCategory Category, bool IsRisky)
{
    public static SemanticJudgement NotRun => new(0, CrisisCategory.None, false);
}

/// <summary>A learned signal that judges what a message means rather than which words it uses.</summary>
public interface ICrisisSemanticSignal
{
    /// <summary>Judges the checked parts of one message (see <see cref="CrisisDetector.CheckedParts"/>).</summary>
    SemanticJudgement Judge(IReadOnlyList<string> parts);
}

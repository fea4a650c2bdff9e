namespace IopGuideBot.Conversation.Semantics;

/// <summary>Options bound to the <c>Semantics</c> configuration section.</summary>
public sealed class SemanticsOptions
{
    public const string SectionName = "Semantics";

    /// <summary>How many distinct texts keep their embedding in memory (about 1.6 KB each). Repeated messages ("yes", a button label) cost nothing after the first.</summary>
    public int CacheEntries { get; set; } = 8192;

    /// <summary>
    /// Longer input is cut to this many characters before encoding: the model reads at most a few hundred word pieces
    /// anyway, and encoding time grows with length. Callers that must judge every part of a long text (the crisis check)
    /// split it themselves.
    /// </summary>
    public int MaxInputChars { get; set; } = 1000;

    /// <summary>ONNX Runtime threads per encoding; 0 lets the runtime choose (measured fastest on two cores).</summary>
    public int IntraOpThreads { get; set; }
}

using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The crisis detector as users meet it — the lexicon and the semantic signal (the committed model and the tuned encoder) — shared by every
/// test in the assembly (loading the embedding model and the encoder takes a second or two).
/// </summary>
internal static class SharedCrisisDetector
{
    private static readonly Lazy<CrisisSemanticSignal> LazySignal = new(() => CrisisSemanticSignal.LoadCommitted(Embeddings));

    private static readonly Lazy<CrisisDetector> LazyDetector = new(() => new CrisisDetector(Signal));

    /// <summary>The same model instance understanding uses, as in the service.</summary>
    public static SentenceEmbeddings Embeddings => IopGuideBot.Conversation.Tests.Understanding.SharedUnderstanding.Embeddings;

    public static CrisisDetector Detector => LazyDetector.Value;

    /// <summary>The semantic signal inside <see cref="Detector"/>.</summary>
    public static CrisisSemanticSignal Signal => LazySignal.Value;
}

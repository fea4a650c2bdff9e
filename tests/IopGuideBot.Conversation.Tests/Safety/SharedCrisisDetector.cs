using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The crisis detector as users meet it — the lexicon and the semantic signal over the committed model — shared by every
/// test in the assembly (loading the embedding model takes about half a second).
/// </summary>
internal static class SharedCrisisDetector
{
    private static readonly Lazy<CrisisDetector> LazyDetector = new(() =>
        new CrisisDetector(new CrisisSemanticSignal(Embeddings, CrisisSemanticModel.LoadEmbedded())));

    /// <summary>The same model instance understanding uses, as in the service.</summary>
    public static SentenceEmbeddings Embeddings => IopGuideBot.Conversation.Tests.Understanding.SharedUnderstanding.Embeddings;

    public static CrisisDetector Detector => LazyDetector.Value;
}

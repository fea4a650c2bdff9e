using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// Fills the example-embedding cache that every service started by these tests shares (<see cref="BotService.SharedEmbeddingCache"/>)
/// once, before the first service starts, with the meaning classifier trained on them: otherwise each new service would
/// encode all the content's examples and train on them, on a machine with two cores.
/// </summary>
internal static class ExampleEmbeddingCache
{
    private static readonly Lazy<bool> Built = new(() =>
    {
        var content = ContentLoader.Load(new ContentOptions().ResolveDirectory());
        using var embeddings = new SentenceEmbeddings();
        var cache = new UnderstandingOptions { CacheDirectory = BotService.SharedEmbeddingCache };
        using var matcher = new SemanticMatcher(IntentExamples.From(content), embeddings, cache.EmbeddingCacheFile) { ClassifierCacheFile = cache.MeaningClassifierCacheFile };
        matcher.StartBuilding().GetAwaiter().GetResult();
        return true;
    });

    public static void EnsureBuilt() => _ = Built.Value;
}

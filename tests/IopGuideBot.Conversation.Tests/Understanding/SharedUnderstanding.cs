using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// One content load, one trained classifier, one embedding model and one ready semantic matcher for the whole test run
/// (training takes about a second, loading the model half a second, and encoding every example several seconds on a
/// cold cache). The example vectors are cached next to the test binaries, as the service caches them in its data folder.
/// </summary>
internal static class SharedUnderstanding
{
    private static readonly Lazy<(ClinicContent Content, IntentExamples Examples, IntentClassifier Classifier, SentenceEmbeddings Embeddings, SemanticMatcher Semantic)> Shared = new(() =>
    {
        var content = ContentLoader.Load(ContentPaths.Content);
        var examples = IntentExamples.From(content);
        var embeddings = new SentenceEmbeddings();
        var semantic = new SemanticMatcher(examples, embeddings, Path.Combine(AppContext.BaseDirectory, "example-embeddings.bin"));
        semantic.StartBuilding().GetAwaiter().GetResult();
        return (content, examples, IntentClassifier.Train(examples), embeddings, semantic);
    });

    public static ClinicContent Content => Shared.Value.Content;

    public static IntentExamples Examples => Shared.Value.Examples;

    public static IntentClassifier Classifier => Shared.Value.Classifier;

    public static SentenceEmbeddings Embeddings => Shared.Value.Embeddings;

    /// <summary>Ready: every example has its vector.</summary>
    public static SemanticMatcher Semantic => Shared.Value.Semantic;

    /// <summary>Replaces what <c>AddClinicConversation</c> would build per provider with the shared, ready instances.</summary>
    public static IServiceCollection AddSharedUnderstanding(this IServiceCollection services) => services
        .AddSingleton(Content)
        .AddSingleton(Examples)
        .AddSingleton(Classifier)
        .AddSingleton(Embeddings)
        .AddSingleton(Semantic);
}

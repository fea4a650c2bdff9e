namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// Options bound to the <c>Understanding</c> configuration section: the thresholds of the matching cascade. The
/// defaults were chosen by measurement (tests/IopGuideBot.Benchmarks, <c>--calibrate</c>; the figures are in its
/// results folder): change them only with new figures.
/// </summary>
public sealed class UnderstandingOptions
{
    public const string SectionName = "Understanding";

    public const int DefaultSeed = 20240611;

    /// <summary>The fast n-gram classifier answers on its own when its top probability is at least this.</summary>
    public double FastConfidence { get; set; } = 0.60;

    /// <summary>
    /// Until the semantic matcher is ready (the first seconds after a cold start), the fast classifier answers from this
    /// lower probability, as it did before there was a semantic matcher.
    /// </summary>
    public double FastOnlyConfidence { get; set; } = 0.30;

    /// <summary>The semantic matcher answers when the closest example's similarity is at least this.</summary>
    public double SemanticConfidence { get; set; } = 0.60;

    /// <summary>
    /// How much of the fast classifier's probability is added to each intent's similarity before the semantic
    /// thresholds apply (0: meaning alone).
    /// </summary>
    public double FastWeight { get; set; }

    /// <summary>…and the best intent leads the next one by at least this much similarity.</summary>
    public double SemanticMargin { get; set; } = 0.02;

    /// <summary>
    /// Below those, the two matchers still answer when they agree on the same intent and the fast classifier's
    /// probability is at least this…
    /// </summary>
    public double AgreementFastConfidence { get; set; } = 0.25;

    /// <summary>…and the semantic similarity at least this.</summary>
    public double AgreementSemanticConfidence { get; set; } = 0.50;

    /// <summary>When the bot is not sure, topics at least this similar are offered as "did you mean"; below it, none are.</summary>
    public double SuggestionSimilarity { get; set; } = 0.45;

    /// <summary>Suggestions must be within this much similarity of the closest topic.</summary>
    public double SuggestionSpread { get; set; } = 0.08;

    /// <summary>Once a conversation is about a loved one, family topics get this much extra similarity for unclear questions.</summary>
    public double FamilyContextBonus { get; set; } = 0.03;

    /// <summary>Where example embeddings are kept between runs (a file in this folder); empty keeps them in memory only.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Seed for training, so the same content always gives the same model.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>The file in <see cref="CacheDirectory"/>, or null.</summary>
    public string? EmbeddingCacheFile => string.IsNullOrWhiteSpace(CacheDirectory) ? null : Path.Combine(CacheDirectory, "example-embeddings.bin");

    internal bool IsValid() =>
        InRange(FastConfidence) && InRange(FastOnlyConfidence) && InRange(SemanticConfidence) && InRange(SemanticMargin) && InRange(FastWeight)
        && InRange(AgreementFastConfidence) && InRange(AgreementSemanticConfidence) && InRange(SuggestionSimilarity) && InRange(SuggestionSpread) && InRange(FamilyContextBonus);

    private static bool InRange(double value) => value is >= 0 and <= 1;
}

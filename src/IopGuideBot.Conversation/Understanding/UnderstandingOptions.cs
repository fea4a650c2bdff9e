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
    public double FastConfidence { get; set; } = 0.90;

    /// <summary>
    /// Only when the semantic matcher could not be built (an error is logged), the fast classifier answers from this lower
    /// probability, as it did before there was a semantic matcher. A message that arrives while it is being built waits.
    /// </summary>
    public double FastOnlyConfidence { get; set; } = 0.30;

    /// <summary>The semantic matcher answers when its classifier's top probability is at least this…</summary>
    public double SemanticConfidence { get; set; } = 0.35;

    /// <summary>
    /// …and that intent's closest example is at least this similar (cosine) to the message: whatever the classifier
    /// says, a message far from everything the bot was taught gets the honest fallback.
    /// </summary>
    public double MinimumSimilarity { get; set; } = 0.50;

    /// <summary>…and the best intent leads the next one by at least this much probability.</summary>
    public double SemanticMargin { get; set; } = 0.15;

    /// <summary>
    /// …and, below this probability, a second opinion agrees: the message's closest example belongs to the same intent,
    /// or the n-gram classifier also ranks it first. Round 6: most confident-but-wrong answers came from this rule with
    /// the closest example pointing elsewhere; at 0.6 (chosen on every development set with `--calibrate`, 1 turns
    /// every answer into a checked one, 0 turns the check off) 7 of 36 wrong answers became fallbacks whose suggestions
    /// mostly held the topic asked about, for 14 of 1,091 right ones. Round 32 (every seen set by name, `--calibrate` with
    /// CALIBRATE_SEARCH=1): 0.65 together with <see cref="AgreementConfidence"/> 0.4, whose agreeing classifiers answer
    /// most of what the stricter check turns away.
    /// </summary>
    public double SoleConfidence { get; set; } = 0.65;

    /// <summary>
    /// The semantic matcher also answers, without a margin, when one example is at least this similar and its intent is the
    /// classifier's first. Round 32: 0.775 (was 0.80) answered 5 more seen questions in the replay with no more wrong ones.
    /// </summary>
    public double NearParaphraseSimilarity { get; set; } = 0.775;

    /// <summary>
    /// The semantic matcher also answers when one intent's closest example is at least this similar…
    /// </summary>
    public double NearestConfidence { get; set; } = 0.60;

    /// <summary>
    /// …leads every other intent's closest example by at least this much, and the classifier ranks it first or second.
    /// Round 3 (long and two-part messages, with the question read on its own): 0.15 with 0.60 above kept
    /// confident-but-wrong at or under 3 % on every development set where 0.08 with 0.70 let close calls through.
    /// </summary>
    public double NearestMargin { get; set; } = 0.15;

    /// <summary>
    /// The two classifiers (n-grams alone, and meaning with n-grams) also answer together when both rank the same intent
    /// first and their mean probability is at least this: each is unsure alone, but they learned different things, and
    /// agreeing is strong evidence. 1 turns the rule off. Off until round 32 (it had added wrong answers on independent
    /// writing when chosen on the team's own sets); round 32, chosen over every seen set by name with
    /// <see cref="SoleConfidence"/> 0.65: 0.4, through the bot right 9,090 → 9,113 and confident-but-wrong 466 → 458 over
    /// 10,334 seen questions, no set losing more than 2 right (the replay alone: 0.4 with SoleConfidence 0.6 added 13 wrong).
    /// </summary>
    public double AgreementConfidence { get; set; } = 0.4;

    /// <summary>
    /// All three readings (the n-gram classifier, the meaning classifier and the closest example) also answer together when
    /// they put the same intent first, the two classifiers each give it at least this probability and the closest example
    /// is at least <see cref="UnanimousSimilarity"/> similar: three readings built on different things agreeing is strong
    /// evidence though none is sure alone. 1 turns the rule off. Round 18 (`--calibrate` dump, 5,381 seen questions):
    /// 0.2 with 0.6 answered 20 more right and 2 more wrong; 0.1–0.15 added wrong ones faster than right ones.
    /// </summary>
    public double UnanimousConfidence { get; set; } = 0.2;

    /// <summary>How similar the closest example must be for <see cref="UnanimousConfidence"/>.</summary>
    public double UnanimousSimilarity { get; set; } = 0.6;

    /// <summary>
    /// The meaning classifier also answers with no example close enough (<see cref="MinimumSimilarity"/>) when it is at
    /// least this sure, leads by <see cref="SemanticMargin"/>, and the n-gram classifier ranks the same intent first: a
    /// question that names what no example names ("bcbs ppo") is far from every example and still plainly about one
    /// topic. 1 turns the rule off. Round 12 (`--calibrate` with CALIBRATE_ALONE): 0.7 answered 0.3–0.5 % more of every
    /// development set with no more wrong answers on any; 0.5 and 0.6 added wrong ones.
    /// </summary>
    public double MeaningAloneConfidence { get; set; } = 0.7;

    /// <summary>
    /// When the bot is not sure, topics among the classifier's first three whose closest example is at least this similar
    /// are offered as "did you mean"; when there are none, only the menu and a person are.
    /// </summary>
    public double SuggestionSimilarity { get; set; } = 0.40;

    /// <summary>A further suggestion must be within this much similarity of the first.</summary>
    public double SuggestionSpread { get; set; } = 0.20;

    /// <summary>
    /// At most this many topics are offered. Round 6 (measured on every development set, `--calibrate`): three within
    /// 0.20 of the first from 0.40 offered the topic asked about in 62 of 71 topic fallbacks where two within 0.08 from
    /// 0.45 offered it in 45; questions no topic answers got a suggestion 12 times instead of 7.
    /// </summary>
    public int SuggestionCount { get; set; } = 3;

    /// <summary>Once a conversation is about a loved one, family topics get this much extra probability for unclear questions.</summary>
    public double FamilyContextBonus { get; set; } = 0.03;

    /// <summary>
    /// Where example embeddings and the two trained classifiers are kept between runs (files in this folder), so a restart
    /// loads them instead of encoding and training again; empty keeps them in memory only (every start trains).
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>
    /// How long a message that needs the semantic matcher waits for its first build before the fast classifier answers
    /// alone (a restart builds from the cache in about a second; a first install can take a minute).
    /// </summary>
    public TimeSpan MatcherWaitLimit { get; set; } = DefaultMatcherWaitLimit;

    public static readonly TimeSpan DefaultMatcherWaitLimit = TimeSpan.FromSeconds(10);

    /// <summary>Seed for training, so the same content always gives the same model.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>The file in <see cref="CacheDirectory"/>, or null.</summary>
    public string? EmbeddingCacheFile => CacheFile("example-embeddings.bin");

    /// <summary>The trained fast classifier (<see cref="IntentClassifier"/>) in <see cref="CacheDirectory"/>, or null.</summary>
    public string? IntentClassifierCacheFile => CacheFile("intent-classifier.bin");

    /// <summary>The trained meaning classifier (<see cref="MeaningClassifier"/>) in <see cref="CacheDirectory"/>, or null.</summary>
    public string? MeaningClassifierCacheFile => CacheFile("meaning-classifier.bin");

    private string? CacheFile(string name) => string.IsNullOrWhiteSpace(CacheDirectory) ? null : Path.Combine(CacheDirectory, name);

    internal bool IsValid() =>
        InRange(FastConfidence) && InRange(SoleConfidence) && InRange(FastOnlyConfidence) && InRange(SemanticConfidence) && InRange(SemanticMargin) && InRange(MinimumSimilarity) && InRange(NearParaphraseSimilarity) && InRange(NearestConfidence) && InRange(NearestMargin)
        && InRange(AgreementConfidence) && InRange(UnanimousConfidence) && InRange(UnanimousSimilarity) && InRange(MeaningAloneConfidence) && SuggestionCount is >= 0 and <= 5 && InRange(SuggestionSimilarity) && InRange(SuggestionSpread) && InRange(FamilyContextBonus);

    private static bool InRange(double value) => value is >= 0 and <= 1;
}

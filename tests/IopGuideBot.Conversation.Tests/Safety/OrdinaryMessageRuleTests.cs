using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Tests.Understanding;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// A sentence taken out of a message that reads as ordinary as a whole needs a higher risk to count
/// (<see cref="CrisisEncoderBlend.OrdinaryMessageBelow"/>); a message that does not read as ordinary, and a plainly risky
/// sentence inside an ordinary question, are judged as before.
/// </summary>
public sealed class OrdinaryMessageRuleTests
{
    private const float Threshold = 0.425f;
    private const float Framed = 0.9f;
    private static readonly CrisisSemanticSignal.OrdinaryMessageRule Rule = new(WholeBelow: 0.2f, SentenceThreshold: 0.7f);

    // Two sentences of five words or more, neither framed as a question, history or denial.
    private const string Message = "we go camping every single summer. my brother brings his old guitar along";
    private static readonly string[] Parts = [Message];

    private static SemanticJudgement Decide(float whole, float sentence, CrisisSemanticSignal.OrdinaryMessageRule? rule)
    {
        var segments = CrisisSemanticSignal.Segments(Parts);
        Assert.Equal(3, segments.Count);
        return CrisisSemanticSignal.Decide(Parts, segments, [(whole, CrisisCategory.None), (0.01f, CrisisCategory.None), (sentence, CrisisCategory.SuicideOrSelfHarm)], Threshold, Framed, rule);
    }

    [Fact]
    public void A_middling_sentence_of_an_ordinary_message_does_not_count()
    {
        Assert.True(Decide(whole: 0.05f, sentence: 0.6f, rule: null).IsRisky);
        Assert.False(Decide(whole: 0.05f, sentence: 0.6f, Rule).IsRisky);
    }

    [Fact]
    public void A_plainly_risky_sentence_still_counts_inside_an_ordinary_message()
    {
        Assert.True(Decide(whole: 0.05f, sentence: 0.75f, Rule).IsRisky);
    }

    [Fact]
    public void A_message_that_does_not_read_as_ordinary_keeps_the_usual_threshold_for_its_sentences()
    {
        Assert.True(Decide(whole: 0.3f, sentence: 0.6f, Rule).IsRisky);
    }

    // A cost question with a sentence about whom it is for: the whole scores under 0.1, the sentence alone about 0.66.
    private const string CostForACousin = "how much does the program cost per week. es para mi primo que vive conmigo";

    // A short sentence (five words) before a longer one; the whole reads as ordinary.
    private const string ShortFirst = "bring the big blue tent. my brother brings his old guitar along";

    private static SemanticJudgement DecideShort(float shortSentence, CrisisSemanticSignal.OrdinaryMessageRule rule)
    {
        string[] parts = [ShortFirst];
        var segments = CrisisSemanticSignal.Segments(parts);
        Assert.Equal(3, segments.Count);
        return CrisisSemanticSignal.Decide(parts, segments, [(0.05f, CrisisCategory.None), (shortSentence, CrisisCategory.SuicideOrSelfHarm), (0.01f, CrisisCategory.None)], Threshold, Framed, rule);
    }

    [Fact]
    public void A_short_sentence_of_an_ordinary_message_needs_the_framed_threshold()
    {
        Assert.True(DecideShort(0.8f, Rule).IsRisky);
        Assert.False(DecideShort(0.8f, Rule with { ShortSentenceWords = 6 }).IsRisky);
        Assert.True(DecideShort(0.95f, Rule with { ShortSentenceWords = 6 }).IsRisky);
    }

    // Someone ready to start: the whole scores under 0.1; "i know im ready." alone about 0.72, over the sentence threshold.
    private const string ReadyToStart = "i know im ready. can i start monday";

    [Theory]
    [InlineData(CostForACousin, false)]
    [InlineData(ReadyToStart, true)]
    public void Without_the_rule_the_sentence_alone_would_raise_a_crisis(string message, bool shortSentenceRule)
    {
        var committed = CrisisEncoderBlend.LoadEmbedded();
        var blend = shortSentenceRule
            ? committed with { ShortSentenceInOrdinaryMessageWords = null }
            : committed with { OrdinaryMessageBelow = null, SentenceInOrdinaryMessageThreshold = null, ShortSentenceInOrdinaryMessageWords = null };
        var signal = new CrisisSemanticSignal(SharedCrisisDetector.Embeddings, CrisisSemanticModel.LoadEmbedded(), CrisisEncoder.LoadEmbedded(), blend);

        Assert.True(new CrisisDetector(signal).Assess(message).IsCrisis);
    }

    [Theory]
    [InlineData(CostForACousin)]
    [InlineData(ReadyToStart)]
    public async Task The_person_asking_gets_an_answer_not_the_crisis_reply(string message)
    {
        await using var bot = new ComposedBot();

        var replies = await bot.NewConversation().SayAsync(message);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => (Replies.ContentIdOf(r) ?? "").StartsWith("crisis.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_committed_settings_use_the_rule()
    {
        var blend = CrisisEncoderBlend.LoadEmbedded();

        Assert.NotNull(blend.OrdinaryMessageBelow);
        Assert.NotNull(blend.SentenceInOrdinaryMessageThreshold);
        Assert.NotNull(blend.ShortSentenceInOrdinaryMessageWords);
        Assert.NotNull(SharedCrisisDetector.Signal.OrdinaryMessage);
        Assert.True(SharedCrisisDetector.Signal.OrdinaryMessage!.ShortSentenceWords > 0);
    }
}

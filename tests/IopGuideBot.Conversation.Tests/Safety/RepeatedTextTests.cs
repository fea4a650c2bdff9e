using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// A message that says one run of words over and over is judged as that run said once by the semantic signal: repetition
/// made an ordinary sentence look risky to the encoder, and it adds no meaning. The lexicon still reads the whole text.
/// </summary>
public sealed class RepeatedTextTests
{
    private const string Ordinary = "so i keep wondering whether the tuesday and thursday evening groups would fit around my shifts at the warehouse";

    [Theory]
    [InlineData("help me help me help me help me", "help me")]
    [InlineData("a b c a b c a b", "a b c")] // the last repetition cut short
    [InlineData("how long is the program and how long is each group", "how long is the program and how long is each group")]
    [InlineData("no no", "no no")] // too short to call a repetition
    public void A_repeated_run_of_words_is_read_once(string text, string expected)
    {
        Assert.Equal(expected, CrisisSemanticSignal.OneRepetition(text));
    }

    [Fact]
    public void An_ordinary_sentence_repeated_is_judged_like_the_sentence()
    {
        var detector = SharedCrisisDetector.Detector;
        var once = detector.Assess(Ordinary);
        var repeated = detector.Assess(string.Join(' ', Enumerable.Repeat(Ordinary, 6)));

        Assert.False(once.IsCrisis);
        Assert.False(repeated.IsCrisis);
        Assert.Equal(once.SemanticRisk, repeated.SemanticRisk, 3);
    }

    [Fact]
    public void A_risky_sentence_repeated_is_still_a_crisis()
    {
        var assessment = SharedCrisisDetector.Detector.Assess(string.Join(' ', Enumerable.Repeat("i took every pill in the bottle and i cant keep my eyes open", 5)));

        Assert.True(assessment.IsCrisis);
    }
}

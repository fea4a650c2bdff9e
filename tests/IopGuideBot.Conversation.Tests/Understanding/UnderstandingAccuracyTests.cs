using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// How well the bot reads questions it was not taught, on the team's own development set (<c>topics-dev.tsv</c>: every
/// topic in both voices, small talk, commands, and questions no topic answers), written apart from the examples and
/// used to choose the cascade's thresholds. The blind set (<see cref="BlindTopicsTests"/>) is the independent check.
/// </summary>
public sealed class UnderstandingAccuracyTests(ITestOutputHelper output)
{
    private const string DevSet = "topics-dev.tsv";

    /// <summary>Round 2: written after the first blind round, half in a family member's voice (figures in its header).</summary>
    private const string DevSetR2 = "topics-dev-r2.tsv";

    /// <summary>Round 3: long story-like and two-part messages, short follow-ups, slang; two thirds family (figures in its header).</summary>
    private const string DevSetR3 = "topics-dev-r3.tsv";

    /// <summary>Round 15: questions from professionals who refer or support someone (an independent writer).</summary>
    private const string DevSetProfessional = "topics-dev-professional.tsv";

    [Fact]
    public void Development_questions_are_not_examples_and_cover_every_topic()
    {
        var content = SharedUnderstanding.Content;
        var taught = SharedUnderstanding.Examples.All.Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        var lines = HeldOutSet.Load(DevSet);
        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        Assert.All(lines, l => Assert.DoesNotContain(TextNormalizer.Normalize(l.Text), taught));
        Assert.All(lines.Where(l => !l.Expected.Contains(':', StringComparison.Ordinal) && l.Expected != HeldOutSet.Fallback),
            l => Assert.True(content.Topics.TryGet(l.Expected, out _), $"line {l.Line}: no topic '{l.Expected}'"));
        Assert.All(content.Topics.All, t => Assert.Contains(lines, l => l.Expected == t.Id));
        Assert.True(lines.Count(l => l.Voice == "family") >= 60, "fewer than 60 family questions");
    }

    [Theory]
    // topics-dev.tsv, recorded when the thresholds were chosen: 88.9 %, family 85.7 %, confident-but-wrong 3.1 %. With the
    // guided flows (walk-throughs, terms, the callback request) and the learned crisis signal in front: 87.4 %, 85.7 %,
    // 4.6 %. After the round-2 examples and thresholds: 90.1 %, family 89.5 %, 3.1 %. After round 3 (question sentences of
    // long messages read too, examples grown, nearest-example margin 0.15): 91.6 %, family 90.5 %, 3.1 %.
    // Round 6 (fewer confident-but-wrong answers: the meaning classifier below 0.6 needs its closest example or the n-gram
    // classifier to agree; a command phrase inside a longer question gives way to a confident topic; three suggestions):
    // 90.5 %, family 87.6 %, 2.7 %. Right and family are lowered on purpose: 3 answers that were right by a close call now
    // fall back with the topic among the suggestions, the price of fewer wrong answers on every set (see understanding.md).
    // Round 9 (examples for the most confused topics, word repair, off-topic small talk): 92.0 %, family 90.5 %, 3.1 %.
    // Round 10 (Spanish questions through a gloss, 215 examples for the most missed topics): 93.1 %, family 90.5 %, 2.7 %.
    // Round 11 ("what happens now?" before anything was sent gets the what-next answer worded for that; 137 examples for
    // the topics that fall back most, written by a helper who read no evaluation line; pooled over the seen sets +28 right,
    // -11 wrong): 92.4 %, family 90.5 %, 3.1 % (lowered on purpose: two questions that fell back are now
    // answered, wrongly, and "is there a dress code" gets the programme's rules).
    // Round 12 (examples for the kinds seen sets miss most, the meaning classifier answering alone when sure): 92.0 %, family
    // 91.4 %, 2.7 %.
    // Round 15 (judged on r16, kept sealed; r15's misses read at its start): examples in own words for the kinds the seen
    // sets miss or confuse most, "will my employer find out" taught as privacy, "is IOP as good as inpatient" as the
    // comparison (whose answer now gives the research finding), "start over" / "keep going" inside an unsure question
    // answered with the fallback instead of the menu; pooled over the seen sets +37 right, -17 wrong (without r15 +25, -10):
    // 91.2 %, family 90.5 %, 3.1 % (lowered on purpose for the pooled gain: five fewer right, three more wrong).
    // Round 26 (30 examples for the kinds r26 missed; over the seen sets +31 right, -6 wrong): 89.2 %, family 87.0 %, 4.0 %
    // (one family question fewer right; lowered on purpose for the pooled gain).
    // Round 32 (thresholds recalibrated over every seen set: SoleConfidence 0.65, AgreementConfidence 0.4,
    // NearParaphraseSimilarity 0.775; over the seen sets right 9,090 → 9,113, confident-but-wrong 466 → 458): 89.6 %,
    // family 88.9 %, 4.3 % (249/278; one fewer right and one more wrong than before it, within the old floors).
    [InlineData(DevSet, 0.895, 0.888, 0.044)]
    // topics-dev-r2.tsv, first contact 78.9 %, family 70.8 %, confident-but-wrong 8.3 %. Recorded after the examples grew and
    // the thresholds were chosen (tests/IopGuideBot.Benchmarks, --calibrate): 86.9 %, family 84.7 %, 4.5 %. After round 3:
    // 88.2 %, family 86.6 %, 4.8 % (one more wrong answer among 398).
    // Round 6: 86.9 %, family 84.7 %, 3.8 % (lowered on purpose as for round 1: 19 wrong answers became 15, and close
    // calls that were right now fall back offering the topic).
    // Round 9: 87.9 %, family 85.6 %, 3.3 %.
    // Round 10: 88.7 %, family 87.0 %, 3.0 %.
    // Round 11 ("what happens now?" before anything was sent gets the what-next answer worded for that; 137 examples for
    // the topics that fall back most, written by a helper who read no evaluation line; pooled over the seen sets +28 right,
    // -11 wrong): 89.4 %, family 88.0 %, 2.8 %.
    // Round 12 (examples for the kinds seen sets miss most, the meaning classifier answering alone when sure): 89.2 %, family
    // 87.0 %, 3.0 % (lowered on purpose for the pooled gain).
    // Round 13 (222 examples for the kinds seen sets miss most; pooled over the seen sets +24 right, -17 wrong): 87.6 %,
    // family 85.6 %, 3.3 % (lowered on purpose for the pooled gain: six fewer right, mostly now falling back).
    // Round 15 (judged on r16, kept sealed; r15's misses read at its start): examples in own words for the kinds the seen
    // sets miss or confuse most, "will my employer find out" taught as privacy, "is IOP as good as inpatient" as the
    // comparison (whose answer now gives the research finding), "start over" / "keep going" inside an unsure question
    // answered with the fallback instead of the menu; pooled over the seen sets +37 right, -17 wrong (without r15 +25, -10):
    // 88.4 %, family 86.6 %, 3.0 %.
    // Round 26 (30 examples for the kinds r26 missed; over the seen sets +31 right, -6 wrong): 87.9 %, family 85.5 %, 2.9 %
    // (one family question fewer right; lowered on purpose for the pooled gain).
    // Round 32 (thresholds recalibrated over every seen set: SoleConfidence 0.65, AgreementConfidence 0.4,
    // NearParaphraseSimilarity 0.775; over the seen sets right 9,090 → 9,113, confident-but-wrong 466 → 458): 89.9 %,
    // family 89.1 %, 3.1 % (372/414, five more right).
    [InlineData(DevSetR2, 0.898, 0.890, 0.032)]
    // topics-dev-r3.tsv, first contact 84.1 %, family 83.3 %, confident-but-wrong 5.7 %; after reading the question
    // sentences of long messages, growing the examples and the nearest-example margin: 90.3 %, family 89.1 %, 5.3 % (6 of
    // the 12 wrong are the safety layer's crisis reply to a worried story, left to the safety work).
    // Round 6: 91.2 %, family 90.4 %, 3.1 % (6 of the 7 wrong are still the safety layer's crisis reply).
    // With the round-7 crisis signal in front: 90.3 %, 89.1 %, 4.0 % (two more crisis replies to worried family stories).
    // Round 9: 91.2 %, family 90.4 %, 4.4 % (7 of the 10 wrong are the safety layer's crisis reply).
    // Round 10: 91.2 %, family 90.4 %, 4.8 % (one short question answered by its distinctive word, wrongly).
    // Round 11 ("what happens now?" before anything was sent gets the what-next answer worded for that; 137 examples for
    // the topics that fall back most, written by a helper who read no evaluation line; pooled over the seen sets +28 right,
    // -11 wrong): 90.7 %, family 89.7 %, 4.8 % (one family question fewer
    // right; lowered on purpose for the pooled gain).
    // Round 12 (examples for the kinds seen sets miss most, the meaning classifier answering alone when sure): 91.2 %, family
    // 91.0 %, 4.8 %.
    // Round 13: 91.2 %, family 90.3 %, 4.8 % (one family question fewer right).
    // Round 15 (judged on r16, kept sealed; r15's misses read at its start): examples in own words for the kinds the seen
    // sets miss or confuse most, "will my employer find out" taught as privacy, "is IOP as good as inpatient" as the
    // comparison (whose answer now gives the research finding), "start over" / "keep going" inside an unsure question
    // answered with the fallback instead of the menu; pooled over the seen sets +37 right, -17 wrong (without r15 +25, -10):
    // 91.6 %, family 91.0 %, 4.4 %.
    // Round 32 (thresholds recalibrated over every seen set: SoleConfidence 0.65, AgreementConfidence 0.4,
    // NearParaphraseSimilarity 0.775; over the seen sets right 9,090 → 9,113, confident-but-wrong 466 → 458): 91.3 %,
    // family 91.1 %, 4.5 % (221/242: one family question fewer right, now a fallback; lowered on purpose for the pooled gain).
    [InlineData(DevSetR3, 0.913, 0.911, 0.046)]
    // topics-dev-professional.tsv (round 15, an independent writer, professionals only: no family lines), first contact
    // 82.7 %, confident-but-wrong 4.0 %.
    // Round 32 (thresholds recalibrated over every seen set: SoleConfidence 0.65, AgreementConfidence 0.4,
    // NearParaphraseSimilarity 0.775; over the seen sets right 9,090 → 9,113, confident-but-wrong 466 → 458): 78.7 %,
    // 8.7 % (118/150: two fewer right, now fallbacks, within the old floor; wrong tightened to the figure).
    [InlineData(DevSetProfessional, 0.786, 0, 0.087)]
    public async Task Development_set_holds_its_recorded_figures(string file, double minimumRight, double minimumFamilyRight, double maximumConfidentWrong)
    {
        var results = await HeldOutSet.RunAsync(file);
        HeldOutSet.Report(results, output, showText: true);

        var right = (double)results.Count(r => r.Right) / results.Count;
        var family = results.Where(r => r.Voice == "family").ToList();
        var familyRight = family.Count == 0 ? 1 : (double)family.Count(r => r.Right) / family.Count;
        var confidentWrong = (double)results.Count(r => r.ConfidentWrong) / results.Count;
        Assert.True(right >= minimumRight, $"{file}: right {right:P1}");
        Assert.True(familyRight >= minimumFamilyRight, $"{file}: family right {familyRight:P1}");
        Assert.True(confidentWrong <= maximumConfidentWrong, $"{file}: confident-but-wrong {confidentWrong:P1}");
    }

    [Theory]
    [InlineData(DevSetR2, 250, 0.4)]
    [InlineData(DevSetR3, 200, 0.5)]
    public void Later_development_sets_are_not_examples_cover_every_topic_and_speak_for_families(string file, int minimumLines, double minimumFamilyShare)
    {
        var taught = SharedUnderstanding.Examples.All.Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        var lines = HeldOutSet.Load(file);
        Assert.True(lines.Count >= minimumLines, $"{file}: only {lines.Count} lines");
        Assert.True(lines.Count(l => l.Voice == "family") >= lines.Count * minimumFamilyShare, $"{file}: fewer than {minimumFamilyShare:P0} family questions");
        Assert.All(lines, l => Assert.DoesNotContain(TextNormalizer.Normalize(l.Text), taught));
        Assert.All(SharedUnderstanding.Content.Topics.All, t => Assert.Contains(lines, l => l.Expected == t.Id));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var a = IntentClassifier.Train(SharedUnderstanding.Examples).Classify("can my boss find out");
        var b = IntentClassifier.Train(SharedUnderstanding.Examples).Classify("can my boss find out");
        Assert.Equal(a.Ranked, b.Ranked);
    }

    [Theory]
    [InlineData("do u guys take medicaid", "insurance")]
    [InlineData("wat hrs r the evening groups", "evening-groups")]
    [InlineData("can my famly come to sesions", "family-involvement")]
    [InlineData("how long is the progrm", "duration")]
    [InlineData("is it confidentail", "confidentiality")]
    [InlineData("wher r u located", "location-hours")]
    public async Task Questions_typed_with_shorthand_and_typos_get_their_topic(string text, string topic)
    {
        await using var bot = new ComposedBot();
        Assert.Equal(topic, HeldOutSet.WhatTheUserGot(await bot.NewConversation().SayAsync(text)));
    }

    [Theory]
    [InlineData("will it snow on saturday")]
    [InlineData("whats a good recipe for banana bread")]
    public async Task A_question_about_something_else_gets_what_the_bot_can_help_with(string text)
    {
        await using var bot = new ComposedBot();

        var replies = await bot.NewConversation().SayAsync(text);

        Assert.Equal(SmallTalkCatalog.ContentIdPrefix + SmallTalkIds.OffTopic, Replies.ContentIdOf(replies[0]));
        var person = bot.Content.Commands[CommandIds.Person].Label.Value;
        Assert.Contains(replies[0].SuggestedActions.Actions, a => (string)a.Value == person);
    }

    [Theory]
    [InlineData("purple monkey dishwasher")]
    [InlineData("asdfgh qwerty")]
    [InlineData("what's the capital of mongolia")]
    public async Task Gibberish_and_unrelated_questions_get_the_honest_fallback(string text)
    {
        await using var bot = new ComposedBot();
        Assert.Equal(HeldOutSet.Fallback, HeldOutSet.WhatTheUserGot(await bot.NewConversation().SayAsync(text)));
    }
}

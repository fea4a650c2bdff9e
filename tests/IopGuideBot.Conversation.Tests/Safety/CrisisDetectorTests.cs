using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

public sealed class CrisisDetectorTests
{
    private readonly CrisisDetector _detector = new();

    [Theory]
    [InlineData("I didn't mean it")]
    [InlineData("nvm")]
    [InlineData("never mind")]
    [InlineData("just kidding")]
    [InlineData("jk lol")]
    [InlineData("j/k")]
    [InlineData("ignore what I said")]
    public void Retractions_are_recognised_and_are_not_a_crisis(string text)
    {
        var a = _detector.Assess(text);
        Assert.False(a.IsCrisis);
        Assert.True(a.IsRetraction);
        Assert.True(a.IsRetractionOrDenial);
    }

    [Theory]
    [InlineData("I'm not suicidal")]
    [InlineData("I would never kill myself")]
    [InlineData("i dont want to die")]
    public void Denials_are_not_a_crisis_but_are_reported_as_denials(string text)
    {
        var a = _detector.Assess(text);
        Assert.False(a.IsCrisis);
        Assert.True(a.IsDenial);
    }

    [Fact]
    public void A_crisis_with_a_retraction_word_is_still_a_crisis()
    {
        var a = _detector.Assess("nvm I really do want to kill myself");
        Assert.Equal(CrisisCategory.SuicideOrSelfHarm, a.Category);
    }

    [Theory]
    [InlineData("I’m going to kill myself", CrisisCategory.SuicideOrSelfHarm)] // curly apostrophe
    [InlineData("I WANT TO DIE!!!", CrisisCategory.SuicideOrSelfHarm)]
    [InlineData("killlll myselfff", CrisisCategory.SuicideOrSelfHarm)] // elongation
    [InlineData("i wanna diiiiie", CrisisCategory.SuicideOrSelfHarm)]
    [InlineData("k i l l myself", CrisisCategory.SuicideOrSelfHarm)] // spelled out
    [InlineData("I O.D.'d", CrisisCategory.OverdoseInProgress)]
    [InlineData("he OD-ed", CrisisCategory.OverdoseInProgress)]
    public void Normalisation_handles_case_quotes_punctuation_and_elongation(string text, CrisisCategory expected) =>
        Assert.Equal(expected, _detector.Assess(text).Category);

    [Theory]
    [InlineData("the nurse is very skilled")]
    [InlineData("skillful")]
    [InlineData("I'm reading a book called Kill Switch")]
    public void Matching_is_on_whole_words(string text) => Assert.False(_detector.Assess(text).IsCrisis);

    [Fact]
    public void Several_categories_are_ordered_most_urgent_first()
    {
        var a = _detector.Assess("I took too many pills because I want to die");
        Assert.Equal(CrisisCategory.OverdoseInProgress, a.Category);
        Assert.Contains(CrisisCategory.SuicideOrSelfHarm, a.Categories);
    }

    [Theory]
    [InlineData("my brother overdosed last year and is doing better", false)]
    [InlineData("I overdosed an hour ago", true)]
    [InlineData("I had a seizure when I quit", false)]
    [InlineData("I had a seizure an hour ago", true)]
    public void Past_events_are_history_unless_recent(string text, bool crisis) =>
        Assert.Equal(crisis, _detector.Assess(text).IsCrisis);

    [Theory]
    [InlineData("yes", SafetyAnswer.Safe)]
    [InlineData("I'm safe", SafetyAnswer.Safe)]
    [InlineData("yeah I'm ok now", SafetyAnswer.Safe)]
    [InlineData("no im fine", SafetyAnswer.Safe)]
    [InlineData("sí, estoy bien", SafetyAnswer.Safe)]
    [InlineData("no", SafetyAnswer.NotSafe)]
    [InlineData("not really", SafetyAnswer.NotSafe)]
    [InlineData("i'm not ok", SafetyAnswer.NotSafe)]
    [InlineData("no estoy bien", SafetyAnswer.NotSafe)]
    [InlineData("idk… probably", SafetyAnswer.Unclear)]
    [InlineData("i guess", SafetyAnswer.Unclear)]
    [InlineData("whatever", SafetyAnswer.Unclear)]
    [InlineData("how much does it cost", SafetyAnswer.Unclear)]
    public void Answers_to_the_safety_check_are_read_with_doubt_never_counting_as_safe(string text, SafetyAnswer expected) =>
        Assert.Equal(expected, SafetyCheckAnswers.Read(text));

    [Fact]
    public void Empty_text_is_none() => Assert.Same(CrisisAssessment.None, _detector.Assess("  "));
}

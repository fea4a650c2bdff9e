using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Triage;

namespace IopGuideBot.Conversation.Tests.Triage;

public sealed class TriageScorerTests
{
    private static Dictionary<string, TriageAnswer> Answers(params (string Id, string Value)[] answers) =>
        answers.ToDictionary(a => a.Id, a => new TriageAnswer { QuestionId = a.Id, Values = [a.Value] });

    private static Dictionary<string, TriageAnswer> Stable(string frequency, params (string Id, string Value)[] more) =>
        Answers([(TriageQuestionIds.Frequency, frequency), (TriageQuestionIds.Substances, "stimulants"), (TriageQuestionIds.WithdrawalHistory, "no"),
            (TriageQuestionIds.HealthConcerns, "none"), (TriageQuestionIds.SafeHome, "yes"), (TriageQuestionIds.PriorTreatment, "no"), .. more]);

    private static Dictionary<string, TriageAnswer> With(Dictionary<string, TriageAnswer> answers, string id, string value)
    {
        answers[id] = new TriageAnswer { QuestionId = id, Values = [value] };
        return answers;
    }

    [Fact]
    public void Withdrawal_history_means_higher_level_and_urgent()
    {
        var a = TriageScorer.Score(With(Stable("weekly"), TriageQuestionIds.WithdrawalHistory, "yes"), crisisFlagged: false);
        Assert.Equal((TriageOutcome.HigherLevelOfCare, HandoffUrgency.Urgent), (a.Outcome, a.Urgency));
        Assert.Contains(TriageScorer.RuleWithdrawalHistory, a.Reasons);
    }

    [Theory]
    [InlineData("alcohol")]
    [InlineData("sedatives")]
    public void Daily_alcohol_or_sedatives_means_higher_level_soon(string substance)
    {
        var a = TriageScorer.Score(With(Stable("daily"), TriageQuestionIds.Substances, substance), false);
        Assert.Equal((TriageOutcome.HigherLevelOfCare, HandoffUrgency.Soon), (a.Outcome, a.Urgency));
        Assert.Contains(TriageScorer.RuleDailySedativeOrAlcohol, a.Reasons);
    }

    [Fact]
    public void Unstable_health_means_higher_level_soon()
    {
        var a = TriageScorer.Score(With(Stable("monthly"), TriageQuestionIds.HealthConcerns, "unstable"), false);
        Assert.Equal((TriageOutcome.HigherLevelOfCare, HandoffUrgency.Soon), (a.Outcome, a.Urgency));
        Assert.Contains(TriageScorer.RuleUnstableHealth, a.Reasons);
    }

    [Fact]
    public void No_safe_home_means_higher_level()
    {
        var a = TriageScorer.Score(With(Stable("weekly"), TriageQuestionIds.SafeHome, "no"), false);
        Assert.Equal(TriageOutcome.HigherLevelOfCare, a.Outcome);
        Assert.Contains(TriageScorer.RuleUnsafeHome, a.Reasons);
    }

    [Fact]
    public void Weekly_use_without_risks_is_an_iop_fit_routine()
    {
        var a = TriageScorer.Score(Stable("weekly"), false);
        Assert.Equal((TriageOutcome.IopGoodFit, HandoffUrgency.Routine), (a.Outcome, a.Urgency));
    }

    [Fact]
    public void Daily_use_of_other_substances_is_an_iop_fit_soon()
    {
        var a = TriageScorer.Score(Stable("daily"), false);
        Assert.Equal((TriageOutcome.IopGoodFit, HandoffUrgency.Soon), (a.Outcome, a.Urgency));
        Assert.Contains(TriageScorer.RuleDailyUse, a.Reasons);
    }

    [Fact]
    public void Monthly_use_after_treatment_is_an_iop_fit()
    {
        var a = TriageScorer.Score(With(Stable("monthly"), TriageQuestionIds.PriorTreatment, "yes"), false);
        Assert.Equal(TriageOutcome.IopGoodFit, a.Outcome);
        Assert.Contains(TriageScorer.RuleRelapseAfterTreatment, a.Reasons);
    }

    [Theory]
    [InlineData("never")]
    [InlineData("once_or_twice")]
    [InlineData("monthly")]
    public void Monthly_or_less_without_risks_means_standard_outpatient_routine(string frequency)
    {
        var a = TriageScorer.Score(Stable(frequency), false);
        Assert.Equal((TriageOutcome.StandardOutpatientMayBeEnough, HandoffUrgency.Routine), (a.Outcome, a.Urgency));
    }

    [Fact]
    public void Skipped_frequency_is_not_under_triaged()
    {
        var answers = Stable("weekly");
        answers[TriageQuestionIds.Frequency] = TriageAnswer.Skip(TriageQuestionIds.Frequency);
        Assert.Equal(TriageOutcome.IopGoodFit, TriageScorer.Score(answers, false).Outcome);
    }

    [Fact]
    public void Crisis_flag_makes_any_outcome_urgent()
    {
        var a = TriageScorer.Score(Stable("monthly"), crisisFlagged: true);
        Assert.Equal((TriageOutcome.StandardOutpatientMayBeEnough, HandoffUrgency.Urgent), (a.Outcome, a.Urgency));
        Assert.Contains(TriageScorer.RuleCrisisFlag, a.Reasons);
    }

    [Theory]
    [InlineData("like 3 or 4 times a week", "weekly")]
    [InlineData("every day", "daily")]
    [InlineData("5 times a week", "daily")]
    [InlineData("twice a month", "monthly")]
    [InlineData("a few times a year", "monthly")]
    [InlineData("once last year", "once_or_twice")]
    [InlineData("never", "never")]
    [InlineData("weekly", "weekly")]
    public void Frequency_counts_map_to_the_quick_screen_scale(string text, string? expected)
    {
        var got = TriageFrequencyRecognizer.Recognize(text);
        if (expected is null)
        {
            Assert.True(got is null or "weekly");
        }
        else
        {
            Assert.Equal(expected, got);
        }
    }
}

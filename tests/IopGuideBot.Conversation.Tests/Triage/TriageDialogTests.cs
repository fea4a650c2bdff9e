using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Triage;

namespace IopGuideBot.Conversation.Tests.Triage;

/// <summary>Scripted dialogues through the safety middleware and the triage dialog; asserts contentIds, never English.</summary>
public sealed class TriageDialogTests
{
    private const string Q = "triage.question.";

    private static async Task<SafetyTriageHarness> StartAsync(bool family = false)
    {
        var bot = new SafetyTriageHarness();
        Assert.Equal(["triage.notice"], await bot.SayAsync(family ? "start family" : "start"));
        return bot;
    }

    /// <summary>Answers up to the outcome; returns the replies to the last answer (readiness).</summary>
    private static async Task<List<string?>> AnswerAllAsync(SafetyTriageHarness bot, string frequency, string withdrawal = "no", string health = "no", string home = "yes", string substances = "meth")
    {
        Assert.Equal([Q + "for_whom"], await bot.SayAsync("yes"));
        Assert.Equal([Q + "adult"], await bot.SayAsync("me"));
        Assert.Equal([Q + "substances"], await bot.SayAsync("yes"));
        Assert.Equal([Q + "frequency"], await bot.SayAsync(substances));
        var r = await bot.SayAsync(frequency);
        Assert.Equal(Q + "withdrawal_history", r[^1]);
        Assert.Equal([Q + "health_concerns"], await bot.SayAsync(withdrawal));
        Assert.Equal([Q + "safe_home"], await bot.SayAsync(health));
        Assert.Equal([Q + "schedule"], await bot.SayAsync(home));
        Assert.Equal([Q + "prior_treatment"], await bot.SayAsync("evenings"));
        Assert.Equal([Q + "readiness"], await bot.SayAsync("no"));
        return await bot.SayAsync("like a 7");
    }

    [Fact]
    public async Task Iop_fit_with_contact_details_reaches_staff()
    {
        var bot = await StartAsync();
        var replies = await AnswerAllAsync(bot, "like 3 or 4 times a week");
        Assert.Equal(["triage.outcome.iop-fit", "triage.when.routine", Q + "contact_consent"], replies);
        Assert.Equal([Q + "first_name"], await bot.SayAsync("yes please"));
        Assert.Equal([Q + "phone"], await bot.SayAsync("Sam"));
        Assert.Equal(["triage.retry.phone", Q + "phone"], await bot.SayAsync("call me maybe"));
        Assert.Equal([Q + "email"], await bot.SayAsync("call me at 555 201 3344"));
        Assert.Equal(["triage.retry.email", Q + "email"], await bot.SayAsync("sam at example"));
        Assert.Equal([Q + "best_time"], await bot.SayAsync("sam@example.com"));
        Assert.Equal([Q + "voicemail_ok"], await bot.SayAsync("tomorrow after 5pm"));
        Assert.Equal([Q + "texts_ok"], await bot.SayAsync("no"));
        Assert.Equal(["triage.done"], await bot.SayAsync("yes"));

        var result = Assert.Single(bot.Results.Results);
        Assert.Equal(TriageOutcome.IopGoodFit, result.Outcome);
        Assert.Equal(HandoffUrgency.Routine, result.Urgency);
        Assert.Equal(InquiryFor.Self, result.ForWhom);
        Assert.True(result.ContactConsent);
        Assert.Equal("weekly", Assert.Single(result.Answers[TriageQuestionIds.Frequency].Values));
        Assert.Equal(7, result.Answers[TriageQuestionIds.Readiness].Number);
        Assert.Contains("stimulants", result.Answers[TriageQuestionIds.Substances].Values);
        Assert.Equal("Sam", result.Contact!.Name);
        Assert.Equal("+15552013344", result.Contact.Phone);
        Assert.Equal("sam@example.com", result.Contact.Email);
        Assert.Equal("tomorrow after 5pm", result.Contact.BestTime);
        Assert.False(result.Contact.VoicemailOk);
        Assert.True(result.Contact.TextsOk);
        Assert.DoesNotContain(result.Answers.Keys, TriageQuestionIds.ContactIds.Contains);
    }

    [Fact]
    public async Task Frequency_from_a_count_is_confirmed()
    {
        var bot = await StartAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("me");
        await bot.SayAsync("yes");
        await bot.SayAsync("meth");
        Assert.Equal(["triage.frequency.noted", Q + "withdrawal_history"], await bot.SayAsync("like 3 or 4 times a week"));
    }

    [Fact]
    public async Task Withdrawal_history_leads_to_higher_level_urgent_with_caution()
    {
        var bot = await StartAsync();
        var replies = await AnswerAllAsync(bot, "Daily or almost daily", withdrawal: "yes, I had a seizure once");
        Assert.Equal(["triage.outcome.higher-level", "triage.withdrawal_caution", "triage.when.urgent", Q + "contact_consent"], replies);
        Assert.Equal(["triage.done.no_contact"], await bot.SayAsync("no thanks"));
        var result = Assert.Single(bot.Results.Results);
        Assert.Equal((TriageOutcome.HigherLevelOfCare, HandoffUrgency.Urgent), (result.Outcome, result.Urgency));
    }

    [Fact]
    public async Task Monthly_use_without_risks_suggests_standard_outpatient()
    {
        var bot = await StartAsync();
        var replies = await AnswerAllAsync(bot, "monthly");
        Assert.Equal(["triage.outcome.standard-outpatient", "triage.when.routine", Q + "contact_consent"], replies);
    }

    [Fact]
    public async Task Refusing_contact_keeps_no_personal_details()
    {
        var bot = await StartAsync();
        await AnswerAllAsync(bot, "weekly");
        Assert.Equal(["triage.done.no_contact"], await bot.SayAsync("no"));
        var result = Assert.Single(bot.Results.Results);
        Assert.False(result.ContactConsent);
        Assert.Null(result.Contact);
        Assert.DoesNotContain(result.Answers.Keys, TriageQuestionIds.ContactIds.Contains);
    }

    [Fact]
    public async Task Declining_the_notice_asks_nothing_and_keeps_nothing()
    {
        var bot = await StartAsync();
        Assert.Equal(["triage.notice.declined"], await bot.SayAsync("no"));
        Assert.Empty(bot.Results.Results);
        Assert.Equal([null], await bot.SayAsync("hello")); // the main dialog again
    }

    [Fact]
    public async Task Under_18_stops_the_questionnaire()
    {
        var bot = await StartAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("me");
        Assert.Equal(["triage.under18"], await bot.SayAsync("no, I'm 16"));
        Assert.Empty(bot.Results.Results);
    }

    [Fact]
    public async Task Family_path_words_every_question_about_the_loved_one()
    {
        var bot = await StartAsync(family: true);
        Assert.Equal("family", Replies.VariantOf(bot.LastReplies[0])); // the notice
        Assert.Equal([Q + "adult"], await bot.SayAsync("yes")); // for_whom already known: not asked
        Assert.Equal("family", Replies.VariantOf(bot.LastReplies[0]));
        Assert.Equal([Q + "substances"], await bot.SayAsync("yes"));
        Assert.Equal("family", Replies.VariantOf(bot.LastReplies[0]));
        var content = bot.Content.Section<TriageContent>();
        Assert.Equal(content.Questions.Single(q => q.Id == "substances").TextFamily.Value, bot.LastReplies[0].AsMessageActivity().Text);
        await bot.SayAsync("heroin and xanax");
        await bot.SayAsync("daily");
        await bot.SayAsync("no");
        await bot.SayAsync("no");
        await bot.SayAsync("yes");
        await bot.SayAsync("either");
        await bot.SayAsync("yes");
        var replies = await bot.SayAsync("4");
        Assert.Equal("triage.outcome.higher-level", replies[0]); // daily sedatives
        Assert.Equal("family", Replies.VariantOf(bot.LastReplies[^1]));
        await bot.SayAsync("no");
        var result = Assert.Single(bot.Results.Results);
        Assert.Equal(InquiryFor.FamilyMember, result.ForWhom);
        Assert.Equal(["opioids", "sedatives"], result.Answers[TriageQuestionIds.Substances].Values.Order().ToList());
    }

    [Fact]
    public async Task Skip_back_and_side_question_resume_the_same_place()
    {
        var bot = await StartAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("me");
        await bot.SayAsync("yes");
        Assert.Equal(["triage.skipped", Q + "frequency"], await bot.SayAsync("prefer not to say"));
        Assert.Equal([Q + "substances"], await bot.SayAsync("go back"));
        Assert.Equal([Q + "frequency"], await bot.SayAsync("alcohol"));
        Assert.Equal(["triage.privacy", Q + "frequency"], await bot.SayAsync("wait, is this confidential?"));
        Assert.Equal(["triage.side_question", Q + "frequency"], await bot.SayAsync("how much does it cost?"));
        Assert.Equal(["triage.retry", Q + "frequency"], await bot.SayAsync("purple"));
        Assert.Equal([Q + "withdrawal_history"], await bot.SayAsync("weekly"));
        Assert.Equal([Q + "frequency"], await bot.SayAsync("change my answer"));
        Assert.Equal([Q + "withdrawal_history"], await bot.SayAsync("monthly"));
    }

    [Fact]
    public async Task Back_on_the_first_question_says_so()
    {
        var bot = await StartAsync();
        await bot.SayAsync("yes");
        Assert.Equal(["triage.back.first", Q + "for_whom"], await bot.SayAsync("go back"));
    }

    [Fact]
    public async Task Crisis_mid_questionnaire_answers_first_and_the_questionnaire_waits()
    {
        var bot = await StartAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("me");
        await bot.SayAsync("yes");
        var turnsBefore = bot.BotTurnsRun;
        Assert.Equal(["crisis.suicide", "crisis.check"], await bot.SayAsync("honestly I don't want to be alive anymore"));
        Assert.Equal(turnsBefore, bot.BotTurnsRun); // the dialog never saw that message
        Assert.Equal(["crisis.retraction"], await bot.SayAsync("nvm I didn't mean it"));
        Assert.Equal(["triage.resume", Q + "substances"], await bot.SayAsync("keep going"));
        Assert.Equal([Q + "frequency"], await bot.SayAsync("alcohol"));

        var alert = Assert.Single(bot.Alerts.Alerts);
        Assert.Equal(CrisisCategory.SuicideOrSelfHarm, alert.Category);
        var state = await bot.SafetyStateAsync();
        Assert.True(state.IsFlagged); // sticky
        Assert.Equal(1, state.Retractions);
    }

    [Fact]
    public async Task Crisis_flag_makes_the_triage_urgent()
    {
        var bot = await StartAsync();
        Assert.Equal(["crisis.overdose", "crisis.check"], await bot.SayAsync("I think I took too many pills"));
        Assert.Equal(["crisis.check.safe"], await bot.SayAsync("yes I'm ok"));
        Assert.Equal(["triage.resume", "triage.notice"], await bot.SayAsync("continue"));
        var replies = await AnswerAllAsync(bot, "monthly");
        Assert.Equal(["triage.outcome.standard-outpatient", "triage.when.urgent", Q + "contact_consent"], replies);
    }
}

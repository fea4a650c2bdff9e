using System.Text.Json;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Safety;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Conversation.Tests.Triage;

/// <summary>
/// The questionnaire through the real bot behind the safety middleware (<see cref="BotHarness"/>), asserting content ids
/// and what staff receive: declining, stopping under 18, nothing looping for ever, the safety rule, and a reordered
/// <c>triage.yaml</c> with a conversation in progress.
/// </summary>
public sealed class TriageConversationTests
{
    private const string Q = "triage.question.";

    private static async Task<List<string?>> SayAsync(BotHarness bot, string text) =>
        [.. (await bot.SayAsync(text)).Select(BotHarness.ContentId)];

    private static async Task StartAsync(BotHarness bot)
    {
        Assert.Equal(["topic:iop-right-for-me"], await SayAsync(bot, "is an IOP right for me?"));
        Assert.Equal(["triage.notice"], await SayAsync(bot, "let's do it"));
        Assert.Equal([Q + "adult"], await SayAsync(bot, "k"));
    }

    private static async Task<Dictionary<string, JsonElement>> RecordedAsync(BotHarness bot)
    {
        var json = (await bot.HandoffAsync())?.TriageAnswersJson ?? throw new InvalidOperationException("nothing recorded");
        return JsonDocument.Parse(json).RootElement.GetProperty("Answers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static string Values(JsonElement answer) => string.Join('+', answer.GetProperty("Values").EnumerateArray().Select(v => v.GetString()));

    [Fact]
    public async Task Declining_the_notice_asks_nothing_and_keeps_nothing()
    {
        await using var bot = new BotHarness();
        Assert.Equal(["topic:iop-right-for-me"], await SayAsync(bot, "is an IOP right for me?"));
        Assert.Equal(["triage.notice"], await SayAsync(bot, "Start the questions"));
        Assert.Equal(["triage.notice.declined"], await SayAsync(bot, "not now"));
        Assert.Null(await bot.HandoffAsync());
    }

    [Fact]
    public async Task Under_18_stops_the_questionnaire_and_keeps_nothing()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        Assert.Equal(["triage.under18"], await SayAsync(bot, "no, I'm 16"));
        Assert.Null(await bot.HandoffAsync());
    }

    [Fact]
    public async Task A_question_that_cannot_be_skipped_never_loops_for_ever()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        Assert.Equal(["answers.retry.cannot_skip"], await SayAsync(bot, "purple"));
        Assert.Equal(["answers.retry.cannot_skip"], await SayAsync(bot, "banana"));
        Assert.Equal(["answers.cannot_skip"], await SayAsync(bot, "skip"));
        Assert.Equal(["triage.stopped"], await SayAsync(bot, "green"));
        Assert.Equal(["topic:what-is-iop"], await SayAsync(bot, "what is an IOP?"));
    }

    [Fact]
    public async Task After_two_misses_a_question_offers_to_skip_and_a_plain_yes_skips_it()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        Assert.Equal(["answers.noted", Q + "substances"], await SayAsync(bot, "im 40"));
        Assert.Equal(["answers.retry"], await SayAsync(bot, "what?"));
        Assert.Equal(["answers.skip_offer"], await SayAsync(bot, "hmm"));
        Assert.Equal(["answers.skipped", Q + "frequency"], await SayAsync(bot, "ok"));
    }

    [Fact]
    public async Task Not_sure_is_offered_a_skip_and_an_answer_after_it_still_counts()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        await SayAsync(bot, "40");
        await SayAsync(bot, "alcohol");
        Assert.Equal(["answers.skip_offer"], await SayAsync(bot, "idk"));
        Assert.Equal(["answers.noted", Q + "withdrawal_history"], await SayAsync(bot, "probably every day now"));
    }

    [Fact]
    public async Task An_answer_that_could_mean_two_things_is_asked_back_and_a_tap_settles_it()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        await SayAsync(bot, "40");
        await SayAsync(bot, "alcohol");
        Assert.Equal(["answers.ask_back"], await SayAsync(bot, "4 or 5 times a week"));
        Assert.Equal([Q + "withdrawal_history"], await SayAsync(bot, "Weekly"));
    }

    [Fact]
    public async Task Go_back_and_the_change_button_reask_the_previous_question_and_the_first_question_says_so()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        Assert.Equal(["answers.back.first", Q + "adult"], await SayAsync(bot, "go back"));
        Assert.Equal(["answers.noted", Q + "substances"], await SayAsync(bot, "34"));
        var replies = await bot.SayAsync("beer");
        Assert.Equal(["answers.noted", Q + "frequency"], replies.Select(BotHarness.ContentId));
        var change = replies[^1].SuggestedActions.Actions.Last().Title;
        Assert.Equal([Q + "substances"], await SayAsync(bot, change));
        Assert.Equal(["answers.noted", Q + "frequency"], await SayAsync(bot, "weed actually"));
        Assert.Equal(["answers.noted", Q + "withdrawal_history"], await SayAsync(bot, "twice a month"));
        await FinishAsync(bot);
        var recorded = await RecordedAsync(bot);
        Assert.Equal("cannabis", Values(recorded["substances"]));
        Assert.Equal("monthly", Values(recorded["frequency"]));
    }

    [Fact]
    public async Task Monthly_use_without_risks_suggests_standard_outpatient_and_refusing_contact_keeps_no_details()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        await SayAsync(bot, "40");
        await SayAsync(bot, "weed");
        await SayAsync(bot, "once a month or so");
        var outcome = await FinishAsync(bot, contact: "no thanks");
        Assert.Equal(["triage.outcome.standard-outpatient", "triage.when.routine", Q + "contact_consent"], outcome);
        var handoff = await bot.HandoffAsync();
        Assert.Null(handoff?.Contact);
        Assert.Equal(HandoffUrgency.Routine, handoff?.Urgency);
    }

    [Fact]
    public async Task A_message_the_safety_layer_handled_is_never_recorded_as_an_answer_and_the_questions_wait_until_asked()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot);
        await SayAsync(bot, "40");
        await SayAsync(bot, "alcohol");
        var turnsBefore = bot.BotTurns;
        var crisis = await SayAsync(bot, "honestly I don't want to be alive anymore");
        Assert.Equal("crisis.suicide", crisis[0]);
        Assert.Equal("crisis.check", crisis[^1]);
        Assert.Equal(turnsBefore, bot.BotTurns); // the questionnaire never saw that message
        Assert.Equal(["crisis.retraction"], await SayAsync(bot, "nvm I didn't mean it"));
        Assert.Equal(turnsBefore, bot.BotTurns);
        Assert.Equal(["answers.resume", Q + "frequency"], await SayAsync(bot, "keep going"));
        Assert.Equal(["answers.noted", Q + "withdrawal_history"], await SayAsync(bot, "every day"));
        var outcome = await FinishAsync(bot, contact: "no");
        Assert.Contains("triage.when.urgent", outcome); // the crisis flag makes the follow-up urgent

        var recorded = await RecordedAsync(bot);
        Assert.Equal("daily", Values(recorded["frequency"]));
        Assert.Single(bot.Alerts.Alerts);
        Assert.True((await bot.StateAsync<SafetyState>(SafetyState.PropertyName)).IsFlagged);
        Assert.Equal(HandoffUrgency.Urgent, (await bot.HandoffAsync())?.Urgency);
    }

    [Fact]
    public async Task A_reordered_triage_yaml_with_a_conversation_in_progress_records_answers_against_the_right_questions()
    {
        var storage = new MemoryStorage();
        var handoffs = new MemoryHandoffStore();
        await using (var before = new BotHarness(storage: storage, handoffs: handoffs))
        {
            await StartAsync(before);
            Assert.Equal(["answers.noted", Q + "substances"], await SayAsync(before, "I'm 34"));
            Assert.Equal([Q + "frequency"], await SayAsync(before, "alcohol"));
        }

        // Staff reverse the order of the questions and the service restarts while "how often" is open.
        var reordered = ReversedQuestions();
        try
        {
            await using var after = new BotHarness(content: ContentLoader.Load(reordered), storage: storage, handoffs: handoffs);

            // The answer still goes to "how often"; then the questions not yet answered come, in the new order.
            Assert.Equal(["answers.noted", Q + "readiness"], await SayAsync(after, "like every weekend"));
            Assert.Equal([Q + "prior_treatment"], await SayAsync(after, "7"));
            Assert.Equal([Q + "schedule"], await SayAsync(after, "no"));
            Assert.Equal([Q + "safe_home"], await SayAsync(after, "Either works"));
            Assert.Equal([Q + "health_concerns"], await SayAsync(after, "yes"));
            Assert.Equal([Q + "withdrawal_history"], await SayAsync(after, "no"));
            var outcome = await SayAsync(after, "no");
            Assert.Equal(Q + "contact_consent", outcome[^1]);
            await SayAsync(after, "no");

            var recorded = await RecordedAsync(after);
            Assert.Equal("weekly", Values(recorded["frequency"]));
            Assert.Equal("alcohol", Values(recorded["substances"]));
            Assert.Equal("yes", Values(recorded["adult"]));
            Assert.Equal(7, recorded["readiness"].GetProperty("Number").GetInt32());
            Assert.Equal("no", Values(recorded["prior_treatment"]));
            Assert.Equal("either", Values(recorded["schedule"]));
            Assert.Equal("yes", Values(recorded["safe_home"]));
            Assert.Equal("none", Values(recorded["health_concerns"]));
            Assert.Equal("no", Values(recorded["withdrawal_history"]));
        }
        finally
        {
            Directory.Delete(reordered, recursive: true);
        }
    }

    /// <summary>Answers the rest with plain answers and the contact offer; returns the replies to the last question.</summary>
    private static async Task<List<string?>> FinishAsync(BotHarness bot, string contact = "no")
    {
        List<string?> replies = [];
        foreach (var answer in new[] { "no", "no", "yes", "Either works", "no", "5" })
        {
            replies = await SayAsync(bot, answer);
            if (replies.Contains(Q + "contact_consent"))
            {
                break;
            }
        }

        await SayAsync(bot, contact);
        return replies;
    }

    /// <summary>A copy of the real content whose questionnaire asks its questions in reverse order.</summary>
    private static string ReversedQuestions()
    {
        var target = Path.Combine(Path.GetTempPath(), "iop-reordered-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(ContentPaths.Content, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(ContentPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        var path = Path.Combine(target, "triage.yaml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("questions:\n", StringComparison.Ordinal) + "questions:\n".Length;
        var end = text.IndexOf("\n# Asked after the suggestion", StringComparison.Ordinal);
        var blocks = text[start..end].Split("\n  - id: ", StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.StartsWith("  - id: ", StringComparison.Ordinal) ? b["  - id: ".Length..] : b)
            .Select(b => "  - id: " + b.TrimEnd() + "\n")
            .Reverse();
        File.WriteAllText(path, text[..start] + string.Join("\n", blocks) + text[end..]);
        return target;
    }
}

using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Tests.Triage;

namespace IopGuideBot.Conversation.Tests.Safety;

public sealed class SafetyMiddlewareTests
{
    [Theory]
    [InlineData("I want to kill myself", "crisis.suicide")]
    [InlineData("my friend is overdosing", "crisis.overdose")]
    [InlineData("I'm having a seizure", "crisis.withdrawal")]
    [InlineData("I'm going to hurt someone", "crisis.danger")]
    [InlineData("I have chest pain", "crisis.medical")]
    [InlineData("I'm pregnant and dope sick", "crisis.pregnancy")]
    public async Task Each_category_gets_its_scripted_reply_and_the_safety_check(string text, string contentId)
    {
        var bot = new SafetyTriageHarness();
        Assert.Equal([contentId, "crisis.check"], await bot.SayAsync(text));
        Assert.Equal(0, bot.BotTurnsRun);
        Assert.Single(bot.Alerts.Alerts);
    }

    [Fact]
    public async Task Ordinary_messages_pass_through_without_crisis_numbers()
    {
        var bot = new SafetyTriageHarness();
        Assert.Equal([null], await bot.SayAsync("what is an IOP?"));
        Assert.Equal(1, bot.BotTurnsRun);
        Assert.DoesNotContain("988", bot.LastReplies[0].AsMessageActivity().Text, StringComparison.Ordinal);
        Assert.Empty(bot.Alerts.Alerts);
    }

    [Fact]
    public async Task Not_safe_answer_escalates_again()
    {
        var bot = new SafetyTriageHarness();
        await bot.SayAsync("I want to die");
        Assert.Equal(["crisis.check.unsafe"], await bot.SayAsync("no"));
        Assert.Equal(2, bot.Alerts.Alerts.Count);
        Assert.Equal(SafetySignal.ConfirmedNotSafe, bot.Alerts.Alerts[1].Signal);
    }

    [Fact]
    public async Task Retraction_and_denial_keep_the_flag_and_alert_only_once()
    {
        var bot = new SafetyTriageHarness();
        await bot.SayAsync("kms");
        Assert.Equal(["crisis.retraction"], await bot.SayAsync("jk"));
        Assert.Equal([null], await bot.SayAsync("ok what are your hours"));
        Assert.Equal(["crisis.retraction"], await bot.SayAsync("I'm not suicidal"));
        var state = await bot.SafetyStateAsync();
        Assert.True(state.IsFlagged);
        Assert.Equal([CrisisCategory.SuicideOrSelfHarm], state.FlaggedCategories);
        Assert.Equal(2, state.Retractions);
        Assert.Single(bot.Alerts.Alerts);
    }

    [Fact]
    public async Task Alerts_hold_no_message_text()
    {
        var bot = new SafetyTriageHarness();
        await bot.SayAsync("I want to kill myself, my name is Canary McTest");
        var alert = Assert.Single(bot.Alerts.Alerts);
        Assert.DoesNotContain("Canary", alert.ToString(), StringComparison.Ordinal);
        Assert.Equal(12, IopGuideBot.Conversation.Diagnostics.LogIds.Hash(alert.ConversationId).Length);
    }
}

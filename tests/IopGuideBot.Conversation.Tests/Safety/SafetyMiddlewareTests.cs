using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>The safety check in front of the real bot: what it answers, what reaches the bot behind it, and what staff are told.</summary>
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
        await using var bot = new BotHarness();
        var replies = await bot.SayAsync(text);
        Assert.Equal(contentId, BotHarness.ContentId(replies[0]));
        Assert.Equal("crisis.check", BotHarness.ContentId(replies[^1]));
        Assert.Equal(0, bot.BotTurns);
        Assert.Single(bot.Alerts.Alerts);
        Assert.Equal(HandoffUrgency.Urgent, (await bot.HandoffAsync())?.Urgency);
    }

    [Fact]
    public async Task Ordinary_messages_pass_through_without_crisis_numbers()
    {
        await using var bot = new BotHarness();
        var replies = await bot.SayAsync("what is an IOP?");
        Assert.Equal("topic:what-is-iop", BotHarness.ContentId(replies[0]));
        Assert.Equal(1, bot.BotTurns);
        Assert.DoesNotContain("988", replies[0].Text, StringComparison.Ordinal);
        Assert.Empty(bot.Alerts.Alerts);
    }

    [Fact]
    public async Task Not_safe_answer_escalates_again()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("I want to die");
        Assert.Equal("crisis.check.unsafe", BotHarness.ContentId((await bot.SayAsync("no"))[0]));
        Assert.Equal(2, bot.Alerts.Alerts.Count);
        Assert.Equal(SafetySignal.ConfirmedNotSafe, bot.Alerts.Alerts[1].Signal);
        Assert.Contains(RiskFlags.NotSafe, (await bot.HandoffAsync())!.RiskFlags);
    }

    [Fact]
    public async Task Retraction_and_denial_keep_the_flag_and_alert_only_once()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("kms");
        Assert.Equal(["crisis.retraction"], (await bot.SayAsync("jk")).Select(BotHarness.ContentId));
        Assert.Equal(["crisis.retraction"], (await bot.SayAsync("I'm not suicidal")).Select(BotHarness.ContentId));
        var state = await bot.StateAsync<SafetyState>(SafetyState.PropertyName);
        Assert.True(state.IsFlagged);
        Assert.Equal([CrisisCategory.SuicideOrSelfHarm], state.FlaggedCategories);
        Assert.Equal(2, state.Retractions);
        Assert.Single(bot.Alerts.Alerts);
    }

    [Fact]
    public async Task Alerts_hold_no_message_text()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("I want to kill myself, my name is Canary McTest");
        var alert = Assert.Single(bot.Alerts.Alerts);
        Assert.DoesNotContain("Canary", alert.ToString(), StringComparison.Ordinal);
        Assert.Equal(12, IopGuideBot.Conversation.Diagnostics.LogIds.Hash(alert.ConversationId).Length);
    }
}

using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Conversation.Tests.Handoff;

/// <summary>
/// The person's side of a live chat through the real bot with the safety check in front: quiet while a specialist is
/// live, the crisis check on every message, "end chat" back to the assistant, and the place in line.
/// </summary>
public sealed class LiveChatConversationTests
{
    [Fact]
    public async Task While_a_specialist_is_live_the_bot_is_quiet_but_a_crisis_is_still_answered_and_end_chat_returns()
    {
        await using var bot = new BotHarness();
        Assert.Equal([LiveChatMessages.Waiting], (await bot.SayAsync("talk to a person")).Select(BotHarness.ContentId));
        var waiting = (await bot.HandoffAsync())!;
        await bot.Handoffs.TryUpdateAsync(waiting with { Status = HandoffStatus.Live, ClaimedBy = "staff-sam" });

        Assert.Empty(await bot.SayAsync("what is an IOP?"));
        Assert.Empty(await bot.SayAsync("menu"));
        var crisis = (await bot.SayAsync("i want to kill myself")).Select(BotHarness.ContentId).ToList();
        Assert.Equal("crisis.suicide", crisis[0]);
        Assert.Contains("crisis.team.reaching-out", crisis); // a specialist is with them
        var flagged = (await bot.HandoffAsync())!;
        Assert.Equal(HandoffUrgency.Urgent, flagged.Urgency);
        Assert.Equal(HandoffStatus.Live, flagged.Status);

        Assert.Equal(["crisis.check.safe"], (await bot.SayAsync("yes I'm safe")).Select(BotHarness.ContentId));
        Assert.Equal([LiveChatMessages.Ended], (await bot.SayAsync("end chat")).Select(BotHarness.ContentId));
        Assert.Equal(HandoffStatus.Claimed, (await bot.HandoffAsync())!.Status);
        Assert.Equal(["topic:what-is-iop"], (await bot.SayAsync("what is an IOP?")).Select(BotHarness.ContentId));
    }

    [Fact]
    public async Task The_place_in_line_counts_more_urgent_and_older_waiting_requests()
    {
        var handoffs = new MemoryHandoffStore();
        await handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "older", Urgency = HandoffUrgency.Routine });
        await handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "urgent", Urgency = HandoffUrgency.Urgent });
        var claimed = await handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "claimed" });
        await handoffs.TryUpdateAsync(claimed with { Status = HandoffStatus.Claimed, ClaimedBy = "staff" });
        await using var bot = new BotHarness(handoffs: handoffs);

        var reply = Assert.Single(await bot.SayAsync("talk to a person"));

        Assert.Equal(LiveChatMessages.Waiting, BotHarness.ContentId(reply));
        Assert.Contains("number 3 ", reply.Text, StringComparison.Ordinal);
    }
}

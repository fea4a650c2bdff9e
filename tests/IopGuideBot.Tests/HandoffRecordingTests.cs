using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests;

/// <summary>
/// What staff will work from: a crisis makes the conversation's handoff urgent at once, and a finished questionnaire
/// fills it with the answers and (with consent) the contact details — through the real service and its storage.
/// </summary>
public sealed class HandoffRecordingTests : ServiceTest
{
    private const string Q = "triage.question.";

    private IHandoffStore Handoffs => Service.Services.GetRequiredService<IHandoffStore>();

    [Fact]
    public async Task A_crisis_answers_with_resources_and_flags_the_handoff_urgent_and_a_retraction_does_not_clear_it()
    {
        var chat = new ExpectRepliesChat();
        Assert.Equal("topic:what-is-iop", (await chat.SayAsync(Client, "what is an IOP?"))[0]);

        var replies = await chat.SayAsync(Client, "honestly I don't want to be alive anymore");

        Assert.Equal(["crisis.suicide", "crisis.check"], replies);
        var flagged = await Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.NotNull(flagged);
        Assert.Equal(HandoffUrgency.Urgent, flagged.Urgency);
        Assert.Contains("crisis:suicide-or-self-harm", flagged.RiskFlags);

        Assert.Equal(["crisis.retraction"], await chat.SayAsync(Client, "nvm I didn't mean it"));
        var after = await Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.Equal(HandoffUrgency.Urgent, after!.Urgency);
        Assert.Contains("crisis:suicide-or-self-harm", after.RiskFlags);
    }

    [Fact]
    public async Task A_finished_questionnaire_fills_the_handoff_with_answers_and_consented_contact_details()
    {
        var chat = new ExpectRepliesChat();
        Assert.Contains("topic:iop-right-for-me", await chat.SayAsync(Client, "is an IOP right for me?"));
        Assert.Contains("triage.notice", await chat.SayAsync(Client, "Start the questions"));
        Assert.Equal([Q + "adult"], await chat.SayAsync(Client, "yes")); // "Start the questions" already said: for me
        Assert.Equal([Q + "substances"], await chat.SayAsync(Client, "yes"));
        Assert.Equal([Q + "frequency"], await chat.SayAsync(Client, "meth"));
        Assert.Equal(Q + "withdrawal_history", (await chat.SayAsync(Client, "like 3 or 4 times a week"))[^1]);
        Assert.Equal([Q + "health_concerns"], await chat.SayAsync(Client, "no"));
        Assert.Equal([Q + "safe_home"], await chat.SayAsync(Client, "no"));
        Assert.Equal([Q + "schedule"], await chat.SayAsync(Client, "yes"));
        Assert.Equal([Q + "prior_treatment"], await chat.SayAsync(Client, "evenings"));
        Assert.Equal([Q + "readiness"], await chat.SayAsync(Client, "no"));
        Assert.Equal(["triage.outcome.iop-fit", "triage.when.routine", Q + "contact_consent"], await chat.SayAsync(Client, "7"));
        Assert.Equal([Q + "first_name"], await chat.SayAsync(Client, "yes"));
        Assert.Equal([Q + "phone"], await chat.SayAsync(Client, "Sam"));
        Assert.Equal([Q + "email"], await chat.SayAsync(Client, "call me at 555 201 3344"));
        Assert.Equal(["triage.skipped", Q + "best_time"], await chat.SayAsync(Client, "skip"));
        Assert.Equal([Q + "voicemail_ok"], await chat.SayAsync(Client, "tomorrow after 5pm"));
        Assert.Equal([Q + "texts_ok"], await chat.SayAsync(Client, "yes"));
        Assert.Equal(["triage.done"], await chat.SayAsync(Client, "no"));

        var handoff = await Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.NotNull(handoff);
        Assert.Equal(HandoffStatus.Waiting, handoff.Status);
        Assert.Equal(InquiryFor.Self, handoff.ForWhom);
        Assert.Equal(HandoffUrgency.Routine, handoff.Urgency);
        Assert.Contains("IopGoodFit", handoff.Summary, StringComparison.Ordinal);
        Assert.Contains("weekly", handoff.TriageAnswersJson, StringComparison.Ordinal);
        Assert.Equal("Sam", handoff.Contact?.Name);
        Assert.Equal("+15552013344", handoff.Contact?.Phone);
        Assert.Null(handoff.Contact?.Email);
        Assert.True(handoff.Contact?.VoicemailOk);
        Assert.False(handoff.Contact?.TextsOk);
    }

    [Fact]
    public async Task Asking_for_a_person_puts_the_conversation_in_the_staff_queue_and_says_how_to_reach_someone()
    {
        var chat = new ExpectRepliesChat();

        Assert.Equal(["handoff.requested"], await chat.SayAsync(Client, "can I just talk to a real person"));

        var queued = await Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.Equal(HandoffStatus.Waiting, queued?.Status);
        Assert.Contains(await Handoffs.ListOpenAsync(), h => h.ConversationId == chat.ConversationId);
        Assert.Equal(["topic:what-is-iop"], await chat.SayAsync(Client, "what is an IOP?"));
    }
}

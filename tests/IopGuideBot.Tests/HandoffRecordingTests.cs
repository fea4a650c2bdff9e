using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests;

/// <summary>
/// What staff will work from: a crisis makes the conversation's handoff urgent at once, and a finished questionnaire
/// fills it with the answers and (with consent) the contact details — through the real service and its storage. Out of
/// office hours (a Sunday night), so asking for a person takes a callback request (LiveChatTests cover office hours).
/// </summary>
public sealed class HandoffRecordingTests() : ServiceTest(configureServices: services => services.AddSingleton<TimeProvider>(new ClinicClock(ClinicClock.Closed)))
{
    private const string Q = "triage.question.";
    private const string C = "callback.question.";

    private IHandoffStore Handoffs => Service.Services.GetRequiredService<IHandoffStore>();

    [Fact]
    public async Task A_crisis_answers_with_resources_and_flags_the_handoff_urgent_and_a_retraction_does_not_clear_it()
    {
        var chat = new ExpectRepliesChat();
        Assert.Equal("topic:what-is-iop", (await chat.SayAsync(Client, "what is an IOP?"))[0]);

        var replies = await chat.SayAsync(Client, "honestly I don't want to be alive anymore");

        Assert.Equal(["crisis.suicide", "crisis.team.alerted", "crisis.check"], replies);
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
    public async Task A_finished_questionnaire_fills_the_handoff_with_answers_and_the_callback_request()
    {
        var chat = new ExpectRepliesChat();
        Assert.Contains("topic:iop-right-for-me", await chat.SayAsync(Client, "is an IOP right for me?"));
        Assert.Contains("triage.notice", await chat.SayAsync(Client, "Start the questions"));
        Assert.Equal([Q + "adult"], await chat.SayAsync(Client, "yes")); // "Start the questions" already said: for me
        Assert.Equal([Q + "substances"], await chat.SayAsync(Client, "yes"));
        Assert.Equal(["answers.noted", Q + "frequency"], await chat.SayAsync(Client, "meth")); // "Noted: stimulants"
        Assert.Equal(Q + "withdrawal_history", (await chat.SayAsync(Client, "like 3 or 4 times a week"))[^1]);
        Assert.Equal([Q + "health_concerns"], await chat.SayAsync(Client, "no"));
        Assert.Equal([Q + "safe_home"], await chat.SayAsync(Client, "no"));
        Assert.Equal([Q + "schedule"], await chat.SayAsync(Client, "yes"));
        Assert.Equal([Q + "prior_treatment"], await chat.SayAsync(Client, "Yes, evenings"));
        Assert.Equal([Q + "readiness"], await chat.SayAsync(Client, "no"));
        Assert.Equal(["triage.outcome.iop-fit", "triage.when.routine", Q + "contact_consent"], await chat.SayAsync(Client, "7"));
        var callback = await chat.SayAsync(Client, "yes");
        Assert.StartsWith("callback.intro.", callback[0], StringComparison.Ordinal); // open or closed: the real clock decides
        Assert.Equal(C + "contact_method", callback[^1]);
        Assert.Equal([C + "phone"], await chat.SayAsync(Client, "Phone call"));
        Assert.Equal(["answers.noted", C + "first_name"], await chat.SayAsync(Client, "call me at 555 201 3344"));
        Assert.Equal([C + "best_time"], await chat.SayAsync(Client, "Sam"));
        Assert.Equal(["answers.noted", C + "voicemail_ok"], await chat.SayAsync(Client, "tomorrow after 5pm"));
        Assert.Equal(["callback.done.call", "callback.done.footer"], await chat.SayAsync(Client, "yes"));

        var handoff = await Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.NotNull(handoff);
        Assert.Equal(HandoffStatus.Waiting, handoff.Status);
        Assert.Equal(InquiryFor.Self, handoff.ForWhom);
        Assert.Equal(HandoffUrgency.Routine, handoff.Urgency);
        Assert.Contains("IopGoodFit", handoff.Summary, StringComparison.Ordinal);
        Assert.Contains("weekly", handoff.TriageAnswersJson, StringComparison.Ordinal);
        Assert.Equal(ContactMethod.PhoneCall, handoff.Contact?.Method);
        Assert.Equal("Sam", handoff.Contact?.Name);
        Assert.Equal("+15552013344", handoff.Contact?.Phone);
        Assert.Equal("tomorrow after 17:00", handoff.Contact?.BestTime);
        Assert.Null(handoff.Contact?.Email);
        Assert.True(handoff.Contact?.VoicemailOk);
        Assert.Null(handoff.Contact?.TextsOk);
    }

    [Fact]
    public async Task Asking_for_a_person_takes_a_callback_request_into_the_staff_queue_and_asking_again_does_not_repeat_it()
    {
        var chat = new ExpectRepliesChat();

        var started = await chat.SayAsync(Client, "can I just talk to a real person");
        Assert.StartsWith("callback.intro.", started[0], StringComparison.Ordinal);
        Assert.Equal(C + "about", started[^1]);
        Assert.Equal(["answers.noted", C + "contact_method"], await chat.SayAsync(Client, "it's about my son"));
        Assert.Equal(["answers.noted", C + "first_name"], await chat.SayAsync(Client, "text me at 555 201 3344"));
        Assert.Equal([C + "best_time"], await chat.SayAsync(Client, "skip"));
        Assert.Equal(["answers.noted", C + "texts_ok"], await chat.SayAsync(Client, "weekday evenings"));
        Assert.Equal(["callback.done.text", "callback.done.footer"], await chat.SayAsync(Client, "no, keep it private"));

        var queued = await Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.Equal(HandoffStatus.Waiting, queued?.Status);
        Assert.Equal(InquiryFor.FamilyMember, queued?.ForWhom);
        Assert.Equal(ContactMethod.Text, queued?.Contact?.Method);
        Assert.Equal("+15552013344", queued?.Contact?.Phone);
        Assert.False(queued?.Contact?.TextsOk);
        Assert.Contains(await Handoffs.ListOpenAsync(), h => h.ConversationId == chat.ConversationId);

        // With a number on record the crisis reply can promise a call, and does.
        Assert.Contains(SafetyContent.TeamReachingOut, await chat.SayAsync(Client, "honestly i want to die"));
        Assert.Equal(["crisis.check.safe"], await chat.SayAsync(Client, "yes im safe"));

        Assert.Equal(["callback.already", C + "change_details"], await chat.SayAsync(Client, "talk to a person"));
        Assert.Equal(["callback.kept"], await chat.SayAsync(Client, "no thanks"));
        Assert.Equal(["topic:what-is-iop"], await chat.SayAsync(Client, "what is an IOP?"));
    }
}

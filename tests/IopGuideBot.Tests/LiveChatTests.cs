using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.LiveChat;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests;

/// <summary>
/// A person asks for someone and a specialist chats with them live, through the real service over HTTP: the person's
/// side on the Bot Connector protocol (as Bot Framework Emulator speaks it) and on the website's Direct Line, the
/// specialist's side through <see cref="ILiveChat"/> as the staff console calls it.
/// </summary>
public sealed class LiveChatTests : IAsyncLifetime
{
    private static readonly Specialist Sam = new("staff-sam", "Sam");

    private readonly BotService _service = new(configureServices: services => services.AddSingleton<TimeProvider>(new ClinicClock(ClinicClock.OfficeHours)));
    private FakeBotConnector _connector = null!;
    private HttpClient _client = null!;

    private IHandoffStore Handoffs => _service.Services.GetRequiredService<IHandoffStore>();

    private ILiveChat LiveChat => _service.Services.GetRequiredService<ILiveChat>();

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _client = _service.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Every_message_of_a_Bot_Framework_channel_conversation_is_in_the_transcript_in_order()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var first = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "what is an IOP?");
        await _client.PostAsync(first);
        var answer = await _connector.WaitForAsync(a => a.ReplyToId == first.Id);
        var second = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "how long is the program");
        await _client.PostAsync(second);
        var secondAnswer = await _connector.WaitForAsync(a => a.ReplyToId == second.Id);

        var transcript = await TranscriptAsync(conversationId);

        Assert.Equal(
            [(first.Id, (string?)null), (null, first.Id), (second.Id, null), (null, second.Id)],
            transcript.Select(a => a.From.Role == RoleTypes.User ? (a.Id, (string?)null) : ((string?)null, a.ReplyToId)));
        Assert.Equal(Replies.ContentIdOf(answer.Activity), Replies.ContentIdOf(transcript[1]));
        Assert.Equal(Replies.ContentIdOf(secondAnswer.Activity), Replies.ContentIdOf(transcript[3]));
        Assert.Equal(["what is an IOP?", "how long is the program"], transcript.Where(a => a.From.Role == RoleTypes.User).Select(a => a.Text));
        Assert.Equal("topic:what-is-iop", Replies.ContentIdOf(transcript[1]));
    }

    [Fact]
    public async Task A_specialist_joins_writes_and_hands_back_while_the_bot_stays_quiet_over_the_emulator_protocol()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var ask = await SayAsync(conversationId, "can I talk to a real person");
        Assert.Equal(LiveChatMessages.Waiting, (await _connector.WaitForAsync(a => a.ReplyToId == ask)).ContentId);
        var handoff = await Handoffs.GetByConversationAsync(conversationId);
        Assert.Equal(HandoffStatus.Waiting, handoff?.Status);

        // Not claimed yet: the console must claim first.
        Assert.Equal(LiveChatOutcome.NotYours, await LiveChat.JoinAsync(handoff!.Id, Sam));
        Assert.NotNull(await Handoffs.TryClaimAsync(handoff.Id, Sam.StaffId, handoff.Version));
        Assert.Equal(LiveChatOutcome.NotLive, await LiveChat.SendAsync(handoff.Id, Sam, "hello?"));

        Assert.Equal(LiveChatOutcome.Done, await LiveChat.JoinAsync(handoff.Id, Sam));
        var joined = await _connector.WaitForAsync(a => a.ContentId == LiveChatMessages.Joined);
        Assert.Equal(conversationId, joined.ConversationId);
        Assert.Contains("Sam (specialist)", joined.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffStatus.Live, (await Handoffs.GetAsync(handoff.Id))?.Status);

        Assert.Equal(LiveChatOutcome.NotYours, await LiveChat.SendAsync(handoff.Id, new Specialist("staff-other", "Alex"), "hi"));
        Assert.Equal(LiveChatOutcome.Done, await LiveChat.SendAsync(handoff.Id, Sam, "Hi, I'm Sam from intake. How can I help?"));
        var fromSam = await _connector.WaitForAsync(a => a.Activity.Text == "Hi, I'm Sam from intake. How can I help?");
        Assert.Equal("Sam (specialist)", fromSam.Activity.From.Name);
        Assert.Equal(conversationId, fromSam.ConversationId);

        // The person answers, even with words the bot would otherwise act on: only the specialist hears them.
        var answer = await SayAsync(conversationId, "do you have evening groups?");
        var menu = await SayAsync(conversationId, "menu");
        Assert.DoesNotContain(_connector.All, a => a.ReplyToId == answer || a.ReplyToId == menu);

        Assert.Equal(LiveChatOutcome.Done, await LiveChat.ReturnToBotAsync(handoff.Id, Sam));
        Assert.Equal(LiveChatMessages.Returned, (await _connector.WaitForAsync(a => a.ContentId == LiveChatMessages.Returned)).ContentId);
        Assert.Equal(HandoffStatus.Claimed, (await Handoffs.GetAsync(handoff.Id))?.Status);
        Assert.Equal(LiveChatOutcome.NotLive, await LiveChat.SendAsync(handoff.Id, Sam, "still there?"));
        var after = await SayAsync(conversationId, "what is an IOP?");
        Assert.Equal("topic:what-is-iop", (await _connector.WaitForAsync(a => a.ReplyToId == after)).ContentId);

        var transcript = await TranscriptAsync(conversationId);
        Assert.Equal(
            ["user:can I talk to a real person", "bot:" + LiveChatMessages.Waiting, "bot:" + LiveChatMessages.Joined,
             "specialist:Hi, I'm Sam from intake. How can I help?", "user:do you have evening groups?", "user:menu",
             "bot:" + LiveChatMessages.Returned, "user:what is an IOP?", "bot:topic:what-is-iop"],
            transcript.Select(Line));
    }

    [Fact]
    public async Task End_chat_typed_by_the_person_returns_them_to_the_bot()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var handoff = await StartLiveChatAsync(conversationId);

        var end = await SayAsync(conversationId, "end chat");

        Assert.Equal(LiveChatMessages.Ended, (await _connector.WaitForAsync(a => a.ReplyToId == end)).ContentId);
        Assert.Equal(HandoffStatus.Claimed, (await Handoffs.GetAsync(handoff.Id))?.Status);
        var question = await SayAsync(conversationId, "what is an IOP?");
        Assert.Equal("topic:what-is-iop", (await _connector.WaitForAsync(a => a.ReplyToId == question)).ContentId);
    }

    [Fact]
    public async Task A_crisis_during_a_live_chat_still_gets_the_resources_and_raises_the_handoff_to_urgent()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var handoff = await StartLiveChatAsync(conversationId);
        Assert.Equal(HandoffUrgency.Routine, handoff.Urgency);

        var crisis = await SayAsync(conversationId, "honestly I don't want to be alive anymore");

        Assert.Equal("crisis.suicide", (await _connector.WaitForAsync(a => a.ReplyToId == crisis)).ContentId);
        var flagged = await Handoffs.GetAsync(handoff.Id);
        Assert.Equal(HandoffUrgency.Urgent, flagged?.Urgency);
        Assert.Contains("crisis:suicide-or-self-harm", flagged!.RiskFlags);
        Assert.Equal(HandoffStatus.Live, flagged.Status); // the specialist stays with them
        Assert.Contains(_connector.All, a => a.ReplyToId == crisis && a.ContentId == "crisis.team.reaching-out");
    }

    [Fact]
    public async Task Cancel_withdraws_the_request_from_the_queue()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var ask = await SayAsync(conversationId, "talk to a person");
        await _connector.WaitForAsync(a => a.ReplyToId == ask);

        var cancel = await SayAsync(conversationId, "cancel");

        Assert.Equal(LiveChatMessages.Cancelled, (await _connector.WaitForAsync(a => a.ReplyToId == cancel)).ContentId);
        Assert.Equal(HandoffStatus.Closed, (await Handoffs.GetByConversationAsync(conversationId))?.Status);
        Assert.DoesNotContain(await Handoffs.ListOpenAsync(), h => h.ConversationId == conversationId);
    }

    [Fact]
    public async Task The_place_in_line_counts_the_waiting_requests_ahead()
    {
        var earlier = EmulatorActivities.NewConversationId();
        var ask = await SayAsync(earlier, "talk to a person");
        Assert.Contains("number 1 ", (await _connector.WaitForAsync(a => a.ReplyToId == ask)).Activity.Text, StringComparison.Ordinal);

        var later = EmulatorActivities.NewConversationId();
        var second = await SayAsync(later, "talk to a person");
        var reply = await _connector.WaitForAsync(a => a.ReplyToId == second);

        Assert.Equal(LiveChatMessages.Waiting, reply.ContentId);
        Assert.Contains("number 2 ", reply.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiting_person_is_told_their_new_place_when_the_one_ahead_is_claimed()
    {
        var first = EmulatorActivities.NewConversationId();
        var firstAsk = await SayAsync(first, "talk to a person");
        await _connector.WaitForAsync(a => a.ReplyToId == firstAsk);
        var second = EmulatorActivities.NewConversationId();
        var ask = await SayAsync(second, "talk to a person");
        Assert.Contains("number 2 ", (await _connector.WaitForAsync(a => a.ReplyToId == ask)).Activity.Text, StringComparison.Ordinal);
        var handoff = (await Handoffs.GetByConversationAsync(first))!;

        Assert.NotNull(await Handoffs.TryClaimAsync(handoff.Id, Sam.StaffId, handoff.Version));

        var update = await _connector.WaitForAsync(a => a.ContentId == LiveChatMessages.PlaceUpdate);
        Assert.Equal(second, update.ConversationId);
        Assert.Contains("number 1 ", update.Activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.All, a => a.ContentId == LiveChatMessages.PlaceUpdate && a.ConversationId == first);
    }

    [Fact]
    public async Task A_website_visitor_is_told_their_new_place_when_someone_ahead_cancels_and_no_one_else_is_disturbed()
    {
        var ahead = EmulatorActivities.NewConversationId();
        var aheadAsk = await SayAsync(ahead, "talk to a person");
        await _connector.WaitForAsync(a => a.ReplyToId == aheadAsk);
        // A handoff from a finished questionnaire or a crisis waits in the same queue (its place moves too), but its
        // person did not ask to chat: they are not told about the line.
        var notChatting = EmulatorActivities.NewConversationId();
        var question = await SayAsync(notChatting, "what is an IOP?");
        await _connector.WaitForAsync(a => a.ReplyToId == question);
        await Handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = notChatting });
        var chat = await DirectLineChat.StartAsync(_client);
        var ask = await chat.SayAsync("talk to a person");
        Assert.Contains("number 3 ", (await chat.WaitForReplyToAsync(ask)).Text, StringComparison.Ordinal);
        await using var stream = await chat.OpenStreamAsync();

        var cancel = await SayAsync(ahead, "cancel");
        Assert.Equal(LiveChatMessages.Cancelled, (await _connector.WaitForAsync(a => a.ReplyToId == cancel)).ContentId);

        var pushed = await stream.WaitForAsync(r => r.Any(a => Replies.ContentIdOf(a) == LiveChatMessages.PlaceUpdate), "the place update on the stream");
        Assert.Contains("number 2 ", pushed.Single(a => Replies.ContentIdOf(a) == LiveChatMessages.PlaceUpdate).Text, StringComparison.Ordinal);
        // Updates go out one at a time in queue order, so the one ahead of the website's has been decided by now.
        Assert.DoesNotContain(_connector.All, a => a.ContentId == LiveChatMessages.PlaceUpdate);
    }

    [Fact]
    public async Task A_specialist_reaches_a_website_visitor_through_the_direct_line_log()
    {
        var chat = await DirectLineChat.StartAsync(_client);
        var ask = await chat.SayAsync("talk to a person");
        Assert.Equal(LiveChatMessages.Waiting, Replies.ContentIdOf(await chat.WaitForReplyToAsync(ask)));
        var handoff = await Handoffs.GetByConversationAsync(chat.ConversationId);
        Assert.NotNull(await Handoffs.TryClaimAsync(handoff!.Id, Sam.StaffId, handoff.Version));
        await using var stream = await chat.OpenStreamAsync();

        Assert.Equal(LiveChatOutcome.Done, await LiveChat.JoinAsync(handoff.Id, Sam));
        Assert.Equal(LiveChatOutcome.Done, await LiveChat.SendAsync(handoff.Id, Sam, "Hi, this is Sam."));
        var pushed = await stream.WaitForAsync(r => r.Any(a => a.Text == "Hi, this is Sam."), "the specialist's message on the stream");
        Assert.Equal("Sam (specialist)", pushed.Single(a => a.Text == "Hi, this is Sam.").From.Name);

        var answer = await chat.SayAsync("I'd like to know about the schedule");
        Assert.Equal(LiveChatOutcome.Done, await LiveChat.SendAsync(handoff.Id, Sam, "Sure: mornings or evenings."));
        var all = await chat.WaitForAsync(a => a.Any(x => x.Text == "Sure: mornings or evenings."), "the specialist's answer");
        Assert.DoesNotContain(all, a => DirectLineChat.IsBotMessage(a) && a.ReplyToId == answer);
        Assert.DoesNotContain(all, a => a.Type == ActivityTypes.Event && a.Name == ActivityEventNames.ContinueConversation);

        var transcript = (await TranscriptAsync(chat.ConversationId)).Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.Equal(
            ["user:talk to a person", "bot:" + LiveChatMessages.Waiting, "bot:" + LiveChatMessages.Joined, "specialist:Hi, this is Sam.",
             "user:I'd like to know about the schedule", "specialist:Sure: mornings or evenings."],
            transcript.Select(Line));
    }

    [Fact]
    public async Task A_handoff_that_starts_is_announced_with_handoff_initiate_carrying_context_and_transcript()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var question = await SayAsync(conversationId, "what is an IOP?");
        await _connector.WaitForAsync(a => a.ReplyToId == question);
        await SayAsync(conversationId, "talk to a person");

        var initiation = (await _connector.WaitForAsync(a => a.Activity.Type == ActivityTypes.Event)).Activity;

        Assert.Equal(HandoffEventNames.InitiateHandoff, initiation.Name);
        var handoff = await Handoffs.GetByConversationAsync(conversationId);
        var context = Assert.IsType<Newtonsoft.Json.Linq.JObject>(initiation.Value);
        Assert.Equal(handoff!.Id, context.Value<string>("HandoffId"));
        Assert.Equal("Routine", context.Value<string>("Urgency"));
        Assert.Equal(["HandoffId", "Urgency", "ForWhom", "Summary"], context.Properties().Select(p => p.Name));
        var attachment = Assert.Single(initiation.Attachments);
        Assert.Equal("Transcript", attachment.Name);
        Assert.Equal("application/json", attachment.ContentType);
        var transcript = Newtonsoft.Json.Linq.JObject.FromObject(attachment.Content)["activities"]!.ToObject<List<Activity>>()!;
        Assert.Equal(["what is an IOP?", "talk to a person"], transcript.Where(a => a.From.Role == RoleTypes.User).Select(a => a.Text));

        // Asking again changes nothing staff must hear about: no second initiation.
        var again = await SayAsync(conversationId, "talk to a person");
        Assert.Equal(LiveChatMessages.StillWaiting, (await _connector.WaitForAsync(a => a.ReplyToId == again)).ContentId);
        Assert.Single(_connector.All, a => a.Activity.Type == ActivityTypes.Event);

        // A crisis makes it urgent: announced again, urgent.
        await SayAsync(conversationId, "i want to end my life");
        var urgent = (await _connector.WaitForAsync(a => a.Activity.Type == ActivityTypes.Event)).Activity;
        Assert.Equal("Urgent", ((Newtonsoft.Json.Linq.JObject)urgent.Value).Value<string>("Urgency"));
    }

    [Fact]
    public async Task Handoff_status_events_from_an_agent_hub_are_acted_on_and_malformed_ones_are_accepted()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var ask = await SayAsync(conversationId, "talk to a person");
        await _connector.WaitForAsync(a => a.ReplyToId == ask);
        var handoff = (await Handoffs.GetByConversationAsync(conversationId))!;

        foreach (var malformed in new object?[] { null, "accepted", new { state = 5 }, new { state = "teleported" }, new[] { 1, 2 } })
        {
            var response = await _client.PostAsync(Status(conversationId, malformed));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(HandoffStatus.Waiting, (await Handoffs.GetAsync(handoff.Id))?.Status);

        Assert.True((await _client.PostAsync(Status(conversationId, new { state = "accepted" }))).IsSuccessStatusCode);
        Assert.Equal(HandoffStatus.Live, (await Handoffs.GetAsync(handoff.Id))?.Status);
        var toAgent = await SayAsync(conversationId, "hello, is someone there?");
        Assert.DoesNotContain(_connector.All, a => a.ReplyToId == toAgent);

        Assert.True((await _client.PostAsync(Status(conversationId, new { state = "completed" }))).IsSuccessStatusCode);
        Assert.Equal(LiveChatMessages.Ended, (await _connector.WaitForAsync(a => a.ContentId == LiveChatMessages.Ended)).ContentId);
        Assert.Equal(HandoffStatus.Claimed, (await Handoffs.GetAsync(handoff.Id))?.Status);

        Assert.True((await _client.PostAsync(Status(conversationId, new { state = "failed", message = "no agent with that skill" }))).IsSuccessStatusCode);
        Assert.Equal(LiveChatMessages.Unavailable, (await _connector.WaitForAsync(a => a.ContentId == LiveChatMessages.Unavailable)).ContentId);
        Assert.True((await _client.PostAsync(Status(EmulatorActivities.NewConversationId(), new { state = "accepted" }))).IsSuccessStatusCode);
    }

    private Activity Status(string conversationId, object? value)
    {
        var status = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "");
        status.Type = ActivityTypes.Event;
        status.Name = HandoffEventNames.HandoffStatus;
        status.Text = null;
        status.Value = value is null ? null : Newtonsoft.Json.Linq.JToken.FromObject(value);
        return status;
    }

    private async Task<HandoffRecord> StartLiveChatAsync(string conversationId)
    {
        var ask = await SayAsync(conversationId, "talk to a person");
        await _connector.WaitForAsync(a => a.ReplyToId == ask);
        var handoff = (await Handoffs.GetByConversationAsync(conversationId))!;
        Assert.NotNull(await Handoffs.TryClaimAsync(handoff.Id, Sam.StaffId, handoff.Version));
        Assert.Equal(LiveChatOutcome.Done, await LiveChat.JoinAsync(handoff.Id, Sam));
        await _connector.WaitForAsync(a => a.ContentId == LiveChatMessages.Joined && a.ConversationId == conversationId);
        return (await Handoffs.GetAsync(handoff.Id))!;
    }

    /// <summary>Posts a message on the Bot Connector protocol; the turn (and its replies) is done when this returns.</summary>
    private async Task<string> SayAsync(string conversationId, string text)
    {
        var message = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, text);
        var response = await _client.PostAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        return message.Id;
    }

    private async Task<List<Activity>> TranscriptAsync(string conversationId)
    {
        var logged = await _service.Services.GetRequiredService<IActivityLog>().ReadAfterAsync(conversationId, 0, 500);
        return [.. logged.Select(l => l.Activity).Where(a => a.Type == ActivityTypes.Message)];
    }

    private static string Line(Activity a) =>
        a.From?.Role == RoleTypes.User ? "user:" + a.Text
        : a.From?.Name?.EndsWith("(specialist)", StringComparison.Ordinal) == true ? "specialist:" + a.Text
        : "bot:" + Replies.ContentIdOf(a);
}

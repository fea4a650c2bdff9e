using System.Net;
using IopGuideBot.Tests.Support;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Tests;

/// <summary>
/// The service over real HTTP, talking to a Bot Connector endpoint the way Bot Framework Emulator does: the bot's
/// replies travel back over HTTP to the activity's <c>serviceUrl</c>.
/// </summary>
public sealed class EmulatorProtocolTests : ServiceTest
{
    private FakeBotConnector _connector = null!;

    public override async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Welcome_arrives_once_for_the_emulators_single_conversation_update()
    {
        var conversationId = EmulatorActivities.NewConversationId();

        var response = await Client.PostAsync(EmulatorActivities.ConversationUpdate(conversationId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = await _connector.WaitForAsync(a => a.ContentId == "welcome");
        Assert.Equal(conversationId, welcome.ConversationId);
        Assert.Equal(conversationId, welcome.Activity.Conversation.Id);
        Assert.True(welcome.Activity.SuggestedActions?.Actions?.Count >= 5, "the welcome offers the main paths");

        // A message afterwards is answered, and no second welcome was sent in between.
        await Client.PostAsync(EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "what is an IOP?"));
        await _connector.WaitForAsync(a => a.ConversationId == conversationId && a.ContentId != "welcome");
        Assert.Single(_connector.All, a => a.ContentId == "welcome");
    }

    [Fact]
    public async Task Welcome_arrives_once_when_an_older_emulator_sends_one_update_per_member()
    {
        var conversationId = EmulatorActivities.NewConversationId();

        await Client.PostAsync(EmulatorActivities.ConversationUpdate(conversationId, _connector.ServiceUrl, EmulatorActivities.Bot));
        await Client.PostAsync(EmulatorActivities.ConversationUpdate(conversationId, _connector.ServiceUrl, EmulatorActivities.User));
        await _connector.WaitForAsync(a => a.ContentId == "welcome");
        await Client.PostAsync(EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "hello"));
        await _connector.WaitForAsync(a => a.ConversationId == conversationId && a.ContentId != "welcome");

        Assert.Single(_connector.All, a => a.ContentId == "welcome");
    }

    [Fact]
    public async Task A_message_is_answered_in_reply_to_it_in_the_same_conversation_with_the_id_url_encoded()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var message = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "what is an IOP?");

        var response = await Client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForAsync(a => a.ReplyToId == message.Id);
        Assert.Equal(conversationId, reply.ConversationId);
        Assert.Equal(message.Id, reply.Activity.ReplyToId);
        Assert.Contains("%7C", reply.RawPath, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("topic:what-is-iop", reply.ContentId);
    }

    [Fact]
    public async Task Expect_replies_delivery_returns_the_replies_in_the_response_body()
    {
        var message = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), _connector.ServiceUrl, "what is an IOP?");
        message.DeliveryMode = DeliveryModes.ExpectReplies;

        var response = await Client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync(), HttpHelper.BotMessageSerializerSettings)!;
        Assert.Contains(replies.Activities, a => (a.ChannelData as JObject)?["contentId"]?.Value<string>() == "topic:what-is-iop");
    }

    [Fact]
    public async Task Empty_or_whitespace_text_gets_a_gentle_reprompt()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var message = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "   ");

        var response = await Client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForAsync(a => a.ReplyToId == message.Id);
        Assert.Equal("input.empty", reply.ContentId);
    }

    [Fact]
    public async Task Unknown_activity_types_are_accepted_and_ignored()
    {
        var activity = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), _connector.ServiceUrl, "");
        activity.Type = "somethingNew";

        var response = await Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.DoesNotContain(_connector.All, a => a.ConversationId == activity.Conversation.Id);
    }

    [Fact]
    public async Task Replies_reuse_one_connectorClient_perService_url()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        for (var i = 0; i < 3; i++)
        {
            var message = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, "what is an IOP?");
            await Client.PostAsync(message);
            await _connector.WaitForAsync(a => a.ReplyToId == message.Id);
        }

        var authentication = (Channels.SharedConnectorClientAuthentication)Service.Services
            .GetService(typeof(Microsoft.Bot.Connector.Authentication.BotFrameworkAuthentication))!;
        Assert.Equal(1, authentication.SharedClientCount);
    }
}

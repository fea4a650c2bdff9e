using IopGuideBot.Conversation;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// A conversation driven over HTTP with <c>deliveryMode: expectReplies</c>: each POST returns the bot's replies in its
/// body, so a test reads what the person would see turn by turn, by content id.
/// </summary>
public sealed class ExpectRepliesChat(string? conversationId = null)
{
    // Replies come back in the response body; the serviceUrl is never called.
    private const string UnusedServiceUrl = "http://127.0.0.1:9/";

    public string ConversationId { get; } = conversationId ?? EmulatorActivities.NewConversationId();

    public async Task<IReadOnlyList<string?>> SayAsync(HttpClient client, string text)
    {
        var message = EmulatorActivities.Message(ConversationId, UnusedServiceUrl, text);
        message.DeliveryMode = DeliveryModes.ExpectReplies;
        var response = await client.PostAsync(message);
        response.EnsureSuccessStatusCode();
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(
            await response.Content.ReadAsStringAsync(), HttpHelper.BotMessageSerializerSettings)!;
        return replies.Activities.Where(a => a.Type == ActivityTypes.Message).Select(a => Replies.ContentIdOf(a)).ToList();
    }
}

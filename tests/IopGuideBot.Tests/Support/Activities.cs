using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IopGuideBot.Tests.Support;

/// <summary>Activities shaped as Bot Framework Emulator 4.15 sends them.</summary>
public static class EmulatorActivities
{
    public static readonly ChannelAccount Bot = new("bot-id", "Bot", RoleTypes.Bot);
    public static readonly ChannelAccount User = new("user-id", "User", RoleTypes.User);

    public static string NewConversationId() => $"{Guid.NewGuid():N}|livechat";

    public static Activity ConversationUpdate(string conversationId, string serviceUrl, params ChannelAccount[] membersAdded) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: conversationId),
        From = User,
        Recipient = Bot,
        MembersAdded = membersAdded.Length == 0 ? [Bot, User] : membersAdded,
        Timestamp = DateTimeOffset.UtcNow,
    };

    public static Activity Message(string conversationId, string serviceUrl, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: conversationId),
        From = User,
        Recipient = Bot,
        Text = text,
        Locale = "en-US",
        Timestamp = DateTimeOffset.UtcNow,
    };

    public static StringContent Json(object activity) =>
        new(JsonConvert.SerializeObject(activity, HttpHelper.BotMessageSerializerSettings), Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, Activity activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(activity) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }
}

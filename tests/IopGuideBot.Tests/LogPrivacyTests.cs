using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>Logs never carry what people write, nor the raw conversation id.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Message_text_contact_details_and_conversation_ids_stay_out_of_the_log_file()
    {
        const string Canary = "CANARY-4d1f Jane Example 555-201-3344 jane@example.org";
        var conversationId = $"CONVCANARY{Guid.NewGuid():N}|livechat";
        await using var connector = await FakeBotConnector.StartAsync();
        await using var service = new BotService(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Verbose" });
        using var client = service.CreateLoopbackClient();

        await client.PostAsync(EmulatorActivities.ConversationUpdate(conversationId, connector.ServiceUrl));
        var message = EmulatorActivities.Message(conversationId, connector.ServiceUrl, Canary);
        await client.PostAsync(message);
        await connector.WaitForAsync(a => a.ReplyToId == message.Id);
        var malformed = EmulatorActivities.Message(conversationId, connector.ServiceUrl, Canary);
        malformed.ServiceUrl = "not a url " + Canary;
        await client.PostAsync(malformed);
        await service.DisposeAsyncKeepingData();

        var logs = Directory.GetFiles(Path.Combine(service.DataDirectory, "logs"), "*.json");
        Assert.NotEmpty(logs);
        var text = string.Concat(logs.Select(File.ReadAllText));
        Assert.Contains("/api/messages", text, StringComparison.Ordinal); // the log was written
        Assert.DoesNotContain("CANARY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", text, StringComparison.Ordinal);
        Assert.DoesNotContain("555-201-3344", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CONVCANARY", text, StringComparison.Ordinal);
        Directory.Delete(service.DataDirectory, recursive: true);
    }
}

using System.Globalization;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.LiveChat;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests.StaffConsole;

/// <summary>
/// The warm handoff from end to end, as the two people meet it, with nothing standing in: a person in Bot Framework
/// Emulator's protocol asks for someone in office hours; a specialist signs in to the console, finds the request in the
/// queue, claims it, joins and writes from the handoff page; the person receives "Sam (specialist)" in the same
/// conversation, answers, and the answer shows on the specialist's page while the bot stays quiet.
/// </summary>
public sealed class ConsoleLiveChatTests : IAsyncLifetime
{
    private const string Password = "warm handoff passphrase 7";

    private readonly BotService _service = new(configureServices: services => services.AddSingleton<TimeProvider>(new ClinicClock(ClinicClock.OfficeHours)));
    private FakeBotConnector _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _client = _service.CreateLoopbackClient();
        await _service.Services.GetRequiredService<IStaffStore>().CreateAsync("sam", "Sam Rivera", Password);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_specialist_in_the_console_and_a_person_in_the_chat_reach_each_other()
    {
        var conversationId = EmulatorActivities.NewConversationId();
        var ask = await SayAsync(conversationId, "can i talk to a real person please");
        Assert.Equal(LiveChatMessages.Waiting, (await _connector.WaitForAsync(a => a.ReplyToId == ask)).ContentId);
        var handoff = await _service.Services.GetRequiredService<IHandoffStore>().GetByConversationAsync(conversationId);
        Assert.NotNull(handoff);

        using var sam = await StaffConsoleClient.SignedInAsync(_service.BaseAddress, "sam", Password);
        var page = $"/staff/handoffs/{handoff.Id}";
        Assert.Contains(page, await sam.GetPageAsync("/staff"), StringComparison.Ordinal);

        await sam.PostFormAsync(page, page + "?handler=Claim", new() { ["version"] = handoff.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("result=joined", (await sam.PostFormAsync(page, page + "?handler=Join", [])).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Sam (specialist)", (await _connector.WaitForAsync(a => a.ContentId == LiveChatMessages.Joined)).Activity.Text, StringComparison.Ordinal);

        const string Hello = "Hi, I'm Sam from intake. What would help most today?";
        Assert.Contains("result=sent", (await sam.PostFormAsync(page, page + "?handler=Send", new() { ["text"] = Hello })).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var fromSam = await _connector.WaitForAsync(a => a.Activity.Text == Hello);
        Assert.Equal("Sam (specialist)", fromSam.Activity.From.Name);
        Assert.Equal(conversationId, fromSam.ConversationId);

        var answer = await SayAsync(conversationId, "mostly i want to know if evenings work for my schedule");
        await WaitUntilAsync(async () => (await sam.GetPageAsync(page)).Contains("mostly i want to know if evenings work", StringComparison.Ordinal));
        Assert.DoesNotContain(_connector.All, a => a.ReplyToId == answer);
        Assert.Equal(HandoffStatus.Live, (await _service.Services.GetRequiredService<IHandoffStore>().GetAsync(handoff.Id))?.Status);
    }

    private async Task<string> SayAsync(string conversationId, string text)
    {
        var message = EmulatorActivities.Message(conversationId, _connector.ServiceUrl, text);
        var response = await _client.PostAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        return message.Id;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the specialist's page never showed the person's answer");
            await Task.Delay(100);
        }
    }
}

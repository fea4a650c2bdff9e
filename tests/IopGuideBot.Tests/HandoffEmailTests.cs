using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests;

/// <summary>
/// Staff are e-mailed about each new or urgent handoff when SMTP is configured: a real SMTP receiver on a loopback port
/// refuses the first transaction (so the service must retry) and gets mails that carry the urgency, the handoff id and the
/// console link, and nothing the person wrote.
/// </summary>
public sealed class HandoffEmailTests : IAsyncLifetime
{
    private readonly SmtpReceiver _smtp = new(refuseFirst: 1);
    private BotService _service = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _service = new BotService(
            new Dictionary<string, string?>
            {
                ["HandoffNotifications:ConsoleBaseUrl"] = "https://chat.clinic.example",
                ["HandoffNotifications:FirstRetryDelay"] = "00:00:00.200",
                ["HandoffNotifications:Smtp:Host"] = "127.0.0.1",
                ["HandoffNotifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["HandoffNotifications:Smtp:EnableSsl"] = "false",
                ["HandoffNotifications:Smtp:From"] = "bot@clinic.example",
                ["HandoffNotifications:Smtp:To"] = "oncall@clinic.example, intake@clinic.example",
            },
            configureServices: services => services.AddSingleton<TimeProvider>(new ClinicClock(ClinicClock.OfficeHours)));
        _client = _service.CreateLoopbackClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task New_and_urgent_handoffs_are_mailed_with_only_urgency_id_and_link_and_retried()
    {
        var chat = new ExpectRepliesChat();
        Assert.Equal([LiveChatMessages.Waiting], await chat.SayAsync(_client, "talk to a person"));
        var handoff = await _service.Services.GetRequiredService<IHandoffStore>().GetByConversationAsync(chat.ConversationId);

        var mail = await _smtp.NextAsync();

        Assert.Equal(1, _smtp.Refused); // the first transaction got a 451: this one is the retry
        Assert.Equal("<bot@clinic.example>", mail.From);
        Assert.Equal(["<oncall@clinic.example>", "<intake@clinic.example>"], mail.To);
        Assert.Contains("Urgency: routine", mail.Data, StringComparison.Ordinal);
        Assert.Contains($"https://chat.clinic.example/staff/handoffs/{handoff!.Id}", mail.Data, StringComparison.Ordinal);
        AssertNothingThePersonWrote(mail.Data);

        await chat.SayAsync(_client, "honestly I don't want to be alive anymore");
        var urgent = await _smtp.NextAsync();
        Assert.Contains("Urgency: urgent", urgent.Data, StringComparison.Ordinal);
        Assert.Contains($"https://chat.clinic.example/staff/handoffs/{handoff.Id}", urgent.Data, StringComparison.Ordinal);
        AssertNothingThePersonWrote(urgent.Data);
        Assert.DoesNotContain("crisis", urgent.Data, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertNothingThePersonWrote(string mail)
    {
        foreach (var word in new[] { "talk to a person", "alive" })
        {
            Assert.DoesNotContain(word, mail, StringComparison.OrdinalIgnoreCase);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using IopGuideBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;

namespace IopGuideBot.Tests;

/// <summary>
/// Every failure is visible: what the SDK cannot handle gets a 400 with a reason before the turn; a turn that fails
/// after acceptance is counted and logged with its type, answered with an apology, and leaves no broken dialog behind;
/// a client that goes away mid-body is its own failure (4xx), not a server error; an unhandled invoke is a plain 200.
/// </summary>
public sealed class FailureVisibilityTests : ServiceTest
{
    private const string Serviceurl = "http://127.0.0.1:9/";

    public static TheoryData<string, string> Unprocessable => new()
    {
        { """{"type":"message","text":"hi","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"},"from":{"id":"u"}}""", "'channelId'" },
        { """{"type":"message","text":"hi","channelId":null,"serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"},"from":{"id":"u"}}""", "'channelId'" },
        { """{"type":"conversationUpdate","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"},"membersAdded":[null]}""", "'membersAdded'" },
        { """{"type":"conversationUpdate","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"},"membersRemoved":[{"id":"a"},null]}""", "'membersRemoved'" },
        { """{"type":"message","text":"hi","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c\u0000d"}}""", "'conversation.id'" },
        { """{"type":"message","text":"hi","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c\r\nX-Injected: 1"}}""", "'conversation.id'" },
        { """{"type":"message","text":"hi","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"abc\u202Efdp"}}""", "'conversation.id'" },
        { """{"type":"message","text":"hi","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"same\u200Bid"}}""", "'conversation.id'" },
        { """{"type":"message","text":"hi","channelId":"emu\u0007lator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"}}""", "'channelId'" },
        { """{"type":"message","text":"hi","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"},"from":{"id":"u\u001b[31m"}}""", "'from.id'" },
    };

    [Theory]
    [MemberData(nameof(Unprocessable))]
    public async Task What_the_SDK_cannot_handle_gets_400_with_a_reason(string body, string reason)
    {
        var response = await Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_noncharacter_in_the_text_still_gets_a_real_answer()
    {
        var chat = new ExpectRepliesChat();

        var replies = await chat.SayAsync(Client, "what is an \uFFFE IOP?");

        Assert.Equal(["topic:what-is-iop"], replies);
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_answered_200_with_an_empty_body()
    {
        var invoke = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), Serviceurl, "");
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "composeExtension/query";
        invoke.Text = null;

        var response = await Client.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Failures seen from outside a real process: its metrics endpoint and its log.</summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class TurnFailureProcessTests
{
    [Fact]
    public async Task A_client_that_stops_mid_body_is_not_a_server_error()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N")),
        });
        await service.WaitUntilHealthyAsync();
        using var client = new HttpClient { BaseAddress = service.BaseAddress };

        for (var i = 0; i < 3; i++)
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(service.BaseAddress.Host, service.BaseAddress.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /api/messages HTTP/1.1\r\nHost: {service.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"type\":\"message\","));
            await stream.FlushAsync();
            await Task.Yield();
            socket.Client.Shutdown(SocketShutdown.Send); // the rest of the announced body never comes
            var buffer = new byte[4096];
            try
            {
                _ = await stream.ReadAsync(buffer); // whatever the server says, or end of stream
            }
            catch (IOException)
            {
                // Kestrel may reset a connection whose body never came: also an answer, and not a server error.
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        PrometheusScrape scrape;
        do
        {
            scrape = await PrometheusScrape.ReadAsync(client);
        }
        while (scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/messages\"") < 3 && DateTime.UtcNow < deadline);

        Assert.Equal(3, scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/messages\""));
        Assert.Equal(0, scrape.Sum("http_server_request_duration_seconds_count", "http_response_status_code=\"500\""));
    }

    [Fact]
    public async Task A_turn_that_fails_after_acceptance_is_counted_logged_apologised_for_and_leaves_no_broken_dialog()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["Storage__DataDirectory"] = dataDirectory });
        await service.WaitUntilHealthyAsync();
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var chat = new ExpectRepliesChat();

        Assert.Equal(["crisis.suicide", "crisis.team.alerted", "crisis.check"], await chat.SayAsync(client, "honestly I don't want to be alive anymore"));
        Assert.Equal(["crisis.check.safe"], await chat.SayAsync(client, "yes I'm safe"));
        Assert.Contains("topic:iop-right-for-me", await chat.SayAsync(client, "is an IOP right for me?"));
        Assert.Contains("triage.notice", await chat.SayAsync(client, "Start the questions"));
        Assert.Equal(["triage.question.adult"], await chat.SayAsync(client, "yes"));

        // A real storage fault: the activity log's table disappears under the running service.
        await ExecuteAsync(dataDirectory, "ALTER TABLE activities RENAME TO activities_away");
        var failed = await chat.SayAsync(client, "yes");
        await ExecuteAsync(dataDirectory, "ALTER TABLE activities_away RENAME TO activities");

        Assert.Equal([null], failed); // the apology (code, not content: it must work when content is what failed)
        var scrape = await PrometheusScrape.ReadAsync(client);
        Assert.Equal(1, scrape.Sum("iopguidebot_turns_failed_total", "exception_type=\"Microsoft.Data.Sqlite.SqliteException\""));
        Assert.Contains(service.Output.Split('\n'), line => line.Contains("Turn failed", StringComparison.Ordinal)
                                                              && line.Contains("Microsoft.Data.Sqlite.SqliteException", StringComparison.Ordinal));

        // The questionnaire that was in progress is gone ("no" is not taken as "under 18"); the safety flag stays.
        Assert.DoesNotContain("triage.under18", await chat.SayAsync(client, "no"));
        Assert.Equal(["crisis.retraction"], await chat.SayAsync(client, "nvm I didn't mean it"));
    }

    private static async Task ExecuteAsync(string dataDirectory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "iopguidebot.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; " + sql;
        await command.ExecuteNonQueryAsync();
    }
}

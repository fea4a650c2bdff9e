using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IopGuideBot.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace IopGuideBot.Tests;

/// <summary>
/// Replies go only where they belong and never hold a request for long: anonymous mode replies to this machine only,
/// redirects are not followed, a channel that never answers costs seconds (not 200 s), a transient failure is retried
/// with the same reply id without losing the rest of the turn, and the User-Agent names no versions.
/// </summary>
public sealed class OutboundReplyTests() : ServiceTest(new Dictionary<string, string?>
{
    ["Bot:Outbound:ConnectTimeout"] = "00:00:01",
    ["Bot:Outbound:AttemptTimeout"] = "00:00:01",
    ["Bot:Outbound:TotalTimeout"] = "00:00:02.500",
    ["Bot:Outbound:MaxRetries"] = "2",
    ["Bot:Outbound:RetryDelay"] = "00:00:00.050",
})
{
    [Theory]
    [InlineData("http://bot-connector.invalid/")]
    [InlineData("https://connector.example.invalid:8443/v3/")]
    [InlineData("http://metadata.invalid/latest/meta-data/")]
    public async Task Anonymous_mode_refuses_a_service_url_that_is_not_on_this_machine_and_says_what_to_do(string serviceUrl)
    {
        var response = await Client.PostAsync(EmulatorActivities.Message(EmulatorActivities.NewConversationId(), serviceUrl, "hello"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bot:AllowedServiceUrls", reason, StringComparison.Ordinal);
        Assert.Contains("same machine", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loopback_service_url_in_decimal_form_is_still_this_machine_and_gets_the_reply()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var port = new Uri(connector.ServiceUrl).Port;
        var message = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), $"http://2130706433:{port}/", "what is an IOP?");

        var response = await Client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("topic:what-is-iop", (await connector.WaitForAsync(a => a.ReplyToId == message.Id)).ContentId);
    }

    [Fact]
    public async Task A_redirect_from_the_channel_is_not_followed()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.Intercept = (_, _) => Results.Redirect(connector.ServiceUrl + "elsewhere/activities", permanent: false, preserveMethod: true);
        var message = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), connector.ServiceUrl, "what is an IOP?");

        var response = await Client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(connector.Attempts);
        Assert.Equal(0, connector.RedirectTargetHits);
    }

    [Fact]
    public async Task A_channel_that_accepts_and_never_answers_holds_the_request_for_the_configured_timeout_not_minutes()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    accepted.Add(await silent.AcceptSocketAsync()); // accept, read nothing, answer nothing
                }
                catch (Exception)
                {
                    return;
                }
            }
        });
        var serviceUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        var message = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), serviceUrl, "honestly I don't want to be alive anymore");

        var clock = Stopwatch.StartNew();
        var response = await Client.PostAsync(message);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Total timeout 2.5 s for the first reply; the rest of the turn does not wait on that channel again.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)); // was 200 s
        silent.Stop();
        accepted.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_the_same_reply_id_and_the_rest_of_the_turn_still_arrives()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.Intercept = (attempt, _) => attempt == 1 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : null;
        var message = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), connector.ServiceUrl, "honestly I don't want to be alive anymore");

        var response = await Client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("crisis.suicide", (await connector.WaitForAsync(a => a.ReplyToId == message.Id)).ContentId);
        Assert.Equal("crisis.team.alerted", (await connector.WaitForAsync(a => a.ReplyToId == message.Id)).ContentId);
        Assert.Equal("crisis.check", (await connector.WaitForAsync(a => a.ReplyToId == message.Id)).ContentId);
        // The turn also announces the new urgent handoff (a handoff.initiate event); the replies are what is counted here.
        var attempts = connector.Attempts.Where(a => a.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.False(string.IsNullOrEmpty(attempts[0].Activity.Id));
        Assert.Equal(attempts[0].Activity.Id, attempts[1].Activity.Id); // the retry is recognisably the same reply
        Assert.NotEqual(attempts[1].Activity.Id, attempts[2].Activity.Id);
    }

    [Fact]
    public async Task Replies_carry_a_plain_user_agent_without_versions()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var message = EmulatorActivities.Message(EmulatorActivities.NewConversationId(), connector.ServiceUrl, "what is an IOP?");

        await Client.PostAsync(message);

        var reply = await connector.WaitForAsync(a => a.ReplyToId == message.Id);
        Assert.Equal("IopGuideBot", reply.UserAgent);
    }
}

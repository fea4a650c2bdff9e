using System.Diagnostics;
using System.Net;
using System.Text;
using IopGuideBot.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace IopGuideBot.Tests;

/// <summary>
/// 2,400 malformed activities from a fixed seed, against a real process: never a 5xx, never a request that outlives the
/// configured outbound timeouts, and every "Turn failed" in the log matched by the failed-turn metric.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_240_612;
    private const int Activities = 2_400;
    private static readonly TimeSpan TotalOutboundTimeout = TimeSpan.FromSeconds(2);

    private static readonly string[] Types =
        ["message", "conversationUpdate", "event", "invoke", "typing", "endOfConversation", "messageReaction",
         "installationUpdate", "deleteUserData", "handoff", "trace", "messageUpdate", "command", "x-unknown", "", "MESSAGE"];

    private static readonly string[] Texts =
        ["hi", "yes", "no", "is an IOP right for me?", "Start the questions", "talk to a person", "I want to die", "skip", "go back",
         "menu", "help", "", " ", "\uFFFE", "\uD800", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "🙂‍↔️", "\u202Eevil",
         "NaN", "null", "{\"$type\":\"System.Object\"}", "%00", "../../etc/passwd"];

    [Fact]
    public async Task Malformed_activities_never_get_a_5xx_or_hang_and_every_failed_turn_is_counted()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));
        await using var connector = await FakeBotConnector.StartAsync();
        var unreachable = "http://127.0.0.1:9/"; // refused at once
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["Bot__Outbound__ConnectTimeout"] = "00:00:00.500",
            ["Bot__Outbound__AttemptTimeout"] = "00:00:00.500",
            ["Bot__Outbound__TotalTimeout"] = TotalOutboundTimeout.ToString(),
            ["Bot__Outbound__RetryDelay"] = "00:00:00.010",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        });
        await service.WaitUntilHealthyAsync();
        using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var random = new Random(Seed);
        var bodies = Enumerable.Range(0, Activities).Select(_ => Generate(random, connector.ServiceUrl, unreachable)).ToList();
        var statuses = new Dictionary<int, int>();
        var slowest = TimeSpan.Zero;
        foreach (var batch in bodies.Chunk(4))
        {
            var results = await Task.WhenAll(batch.Select(async body =>
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                return ((int)response.StatusCode, clock.Elapsed, body);
            }));
            foreach (var (status, elapsed, body) in results)
            {
                Assert.True(status < 500, $"{status} for {body}");
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                slowest = elapsed > slowest ? elapsed : slowest;
            }
        }

        // A turn may wait on one unreachable reply (the total outbound timeout), plus its own work on a machine that
        // other tests keep busy; before the outbound timeouts it was 200 s.
        Assert.True(slowest < TotalOutboundTimeout + TimeSpan.FromSeconds(20), $"slowest request took {slowest}");
        Assert.True(statuses.GetValueOrDefault(200) > Activities / 10, "most inputs should still reach the bot: " + string.Join(", ", statuses));
        Assert.True(statuses.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value) > Activities / 10, "the generator must produce bad input too");

        var failedTurnsMetric = (await PrometheusScrape.ReadAsync(client)).Sum("iopguidebot_turns_failed_total");
        var failedTurnsLogged = service.Output.Split('\n').Count(line => line.Contains("Turn failed", StringComparison.Ordinal));
        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; " +
                         $"slowest {slowest.TotalSeconds:0.00} s; failed turns logged {failedTurnsLogged}, counted {failedTurnsMetric}");
        Assert.Equal(failedTurnsLogged, failedTurnsMetric);
    }

    private static string Generate(Random random, string serviceUrl, string unreachable)
    {
        var conversationId = random.Next(5) == 0 ? "fuzz-shared" : "fuzz-" + random.Next(200);
        var activity = new JObject
        {
            ["type"] = Pick(random, Types),
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = random.Next(20) == 0 ? unreachable : serviceUrl,
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["from"] = new JObject { ["id"] = "user-" + random.Next(5), ["name"] = "User" },
            ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "Bot" },
            ["text"] = Pick(random, Texts),
            ["locale"] = "en-US",
        };
        if (random.Next(3) == 0)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        // One to three mutations of the kinds a broken or hostile client sends.
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            Mutate(random, activity);
        }

        return activity.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static void Mutate(Random random, JObject activity)
    {
        string[] fields = ["type", "id", "channelId", "serviceUrl", "conversation", "from", "recipient", "text", "locale",
            "membersAdded", "membersRemoved", "value", "name", "replyToId", "timestamp", "entities", "attachments", "channelData",
            "suggestedActions", "deliveryMode", "localTimestamp", "speak", "inputHint", "textFormat", "action", "relatesTo"];
        var field = Pick(random, fields);
        switch (random.Next(14))
        {
            case 0:
                activity.Remove(field);
                break;
            case 1:
                activity[field] = JValue.CreateNull();
                break;
            case 2:
                activity[field] = random.Next(-5, 1_000_000);
                break;
            case 3:
                activity[field] = new JArray(1, "two", JValue.CreateNull(), new JObject());
                break;
            case 4:
                activity[field] = new JObject { ["id"] = Pick(random, ["", "\u0000", "a\r\nb", "\u202E", "\u200B", new string('x', 5000)]) };
                break;
            case 5:
                activity["membersAdded"] = new JArray(JValue.CreateNull(), new JObject { ["id"] = "user-1" }, new JObject { ["id"] = "bot" });
                activity["type"] = "conversationUpdate";
                break;
            case 6:
                activity["membersAdded"] = new JArray(new JObject { ["id"] = "user-1" }, new JObject { ["id"] = "bot" }, new JObject());
                activity["type"] = "conversationUpdate";
                break;
            case 7:
                activity["conversation"] = new JObject { ["id"] = "c" + Pick(random, ["\u0000", "\r\n", "\u202E", "\u200B", "\uFEFF", "/../x", "%2F", " ", "é"]) };
                break;
            case 8:
                activity["text"] = new string(Pick(random, ['a', '\uFFFE', 'é', '\u0000', '\uD83D']), random.Next(1, 20_000));
                break;
            case 9:
                activity["serviceUrl"] = Pick(random, ["", "not a url", "ftp://127.0.0.1/", "http://attacker.invalid/", "http://[::1]:9/", "http://localhost:9/", "http://0x7f000001:9/"]);
                break;
            case 10:
                activity["type"] = "invoke";
                activity["name"] = Pick(random, ["", "signin/verifyState", "adaptiveCard/action", "composeExtension/query", "task/fetch", "healthCheck", "x"]);
                activity["value"] = random.Next(2) == 0 ? new JObject { ["a"] = 1 } : JValue.CreateString("v");
                break;
            case 11:
                activity["type"] = "event";
                activity["name"] = Pick(random, ["", "webchat/join", "handoff.initiate", "x"]);
                activity["value"] = new JArray(new JObject { ["deep"] = new JArray(new JArray(new JArray())) });
                break;
            case 12:
                activity["timestamp"] = Pick(random, ["yesterday", "9999-12-31T23:59:59Z", "0001-01-01", ""]);
                break;
            default:
                activity["channelData"] = new JObject { ["$type"] = "System.IO.FileInfo, System.IO.FileSystem", ["contentId"] = new JArray() };
                break;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

using System.Collections.Concurrent;
using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>
/// Two service processes on one PostgreSQL database, as behind a load balancer: turns of one conversation may land on
/// either instance, and nothing is lost or duplicated.
/// </summary>
public sealed class TwoInstanceTests
{
    [SkippableFact]
    public async Task A_conversation_alternating_between_instances_keeps_its_dialog_state()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        var settings = PostgresSettings(schema);
        await using var first = ServiceProcess.Start(settings);
        await using var second = ServiceProcess.Start(settings);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());
        using var a = new HttpClient { BaseAddress = first.BaseAddress };
        using var b = new HttpClient { BaseAddress = second.BaseAddress };
        var chat = new ExpectRepliesChat();
        const string Q = "triage.question.";

        // Each answer lands on the other instance; each must know where the questionnaire stands.
        Assert.Contains("topic:iop-right-for-me", await chat.SayAsync(a, "is an IOP right for me?"));
        Assert.Contains("triage.notice", await chat.SayAsync(b, "Start the questions"));
        Assert.Equal([Q + "adult"], await chat.SayAsync(a, "yes"));
        Assert.Equal([Q + "substances"], await chat.SayAsync(b, "yes"));
        Assert.Equal([Q + "frequency"], await chat.SayAsync(a, "alcohol and pills"));
        Assert.Equal([Q + "substances"], await chat.SayAsync(b, "go back"));
    }


    [SkippableFact]
    public async Task Concurrent_turns_across_two_instances_are_each_logged_exactly_once_in_order()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        var settings = PostgresSettings(schema);
        await using var connector = await FakeBotConnector.StartAsync();
        await using var first = ServiceProcess.Start(settings);
        await using var second = ServiceProcess.Start(settings);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());
        using var clientA = new HttpClient { BaseAddress = first.BaseAddress };
        using var clientB = new HttpClient { BaseAddress = second.BaseAddress };

        // Sequential senders alternate instances, so their order is known; two of them share one conversation, so
        // the two instances append to the same conversation at the same time.
        var shared = EmulatorActivities.NewConversationId();
        var conversations = new[] { shared, shared, EmulatorActivities.NewConversationId(), EmulatorActivities.NewConversationId() };
        var sentInOrder = new ConcurrentDictionary<int, List<(string ConversationId, string Id)>>();
        await Task.WhenAll(conversations.Select((conversationId, sender) => Task.Run(async () =>
        {
            var sent = sentInOrder.GetOrAdd(sender, _ => []);
            for (var turn = 0; turn < 15; turn++)
            {
                var message = EmulatorActivities.Message(conversationId, connector.ServiceUrl, $"sender {sender} turn {turn}");
                var response = await ((turn + sender) % 2 == 0 ? clientA : clientB).PostAsync(message);
                Assert.True(response.IsSuccessStatusCode, $"turn {turn} of sender {sender}: {(int)response.StatusCode}");
                sent.Add((conversationId, message.Id));
            }
        })));

        await using var storage = OfflineStorage.WithTestKeyRing(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = schema.ConnectionString,
        });
        foreach (var conversationId in conversations.Distinct())
        {
            var logged = await storage.ReadAllAsync(conversationId);
            Assert.Equal(Enumerable.Range(1, logged.Count).Select(i => (long)i), logged.Select(a => a.Sequence));
            var ids = logged.Select(a => a.Activity.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());

            foreach (var sent in sentInOrder.Values.Where(s => s[0].ConversationId == conversationId))
            {
                var positions = sent.Select(s => ids.IndexOf(s.Id)).ToList();
                Assert.DoesNotContain(-1, positions);
                Assert.Equal(positions.Order(), positions); // each sender's turns in the order it sent them
            }
        }
    }

    private static Dictionary<string, string> PostgresSettings(PostgresSchema schema) => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["Storage__ConnectionString"] = schema.ConnectionString,
        ["Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N")),
    };
}

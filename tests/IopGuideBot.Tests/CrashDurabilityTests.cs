using System.Collections.Concurrent;
using System.Net;
using IopGuideBot.Storage.Database;
using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>
/// What the service acknowledged survives a crash: SIGKILL in the middle of a burst of turns, restart, and every
/// activity that got a 2xx is in the log, and the SQLite file is intact.
/// </summary>
public sealed class CrashDurabilityTests
{
    private const int Conversations = 4;

    [Fact]
    public async Task Every_acknowledged_activity_survives_a_kill_mid_burst()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string> { ["Storage__DataDirectory"] = dataDirectory };
        await using var connector = await FakeBotConnector.StartAsync();
        var acknowledged = new ConcurrentBag<(string ConversationId, string ActivityId)>();
        var conversationIds = Enumerable.Range(0, Conversations).Select(_ => EmulatorActivities.NewConversationId()).ToArray();
        var firstRunOutput = string.Empty;

        await using (var service = ServiceProcess.Start(environment))
        {
            await service.WaitUntilHealthyAsync();
            using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            using var stop = new CancellationTokenSource();

            // One sender per conversation, each sending turns one after another until the process dies.
            var senders = conversationIds.Select(conversationId => Task.Run(async () =>
            {
                for (var turn = 0; turn < 500 && !stop.IsCancellationRequested; turn++)
                {
                    var message = EmulatorActivities.Message(conversationId, connector.ServiceUrl, $"turn {turn}");
                    try
                    {
                        var response = await client.PostAsync(message);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged.Add((conversationId, message.Id));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // Bounded, so a service that stops answering fails the test with its output instead of hanging the run.
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (acknowledged.Count < 60 && DateTime.UtcNow < deadline && senders.Any(s => !s.IsCompleted))
            {
                await Task.Delay(20);
            }

            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
            firstRunOutput = service.Output;
        }

        Assert.True(acknowledged.Count >= 60,
            $"only {acknowledged.Count} turns acknowledged before the kill; the service said:\n{Tail(firstRunOutput)}");

        // Restart on the same data: it must come up (recovering the WAL), then stop it and read what it kept.
        await using (var restarted = ServiceProcess.Start(environment))
        {
            await restarted.WaitUntilHealthyAsync();
        }

        await using var storage = OfflineStorage.WithTestKeyRing(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory });
        foreach (var conversationId in conversationIds)
        {
            var logged = (await storage.ReadAllAsync(conversationId)).Select(a => a.Activity.Id).ToHashSet();
            var missing = acknowledged.Where(a => a.ConversationId == conversationId && !logged.Contains(a.ActivityId)).ToList();
            Assert.True(missing.Count == 0,
                $"{missing.Count} of {acknowledged.Count(a => a.ConversationId == conversationId)} acknowledged activities of one " +
                $"conversation are not in the log ({logged.Count} are); the killed service said:\n{Tail(firstRunOutput)}");
        }

        var integrity = await ((SqliteDatabase)storage.Database).IntegrityCheckAsync();
        Assert.Equal("ok", integrity);
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>The last lines a service wrote (its log has no message text), for a failure message that says what happened.</summary>
    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(40));
}

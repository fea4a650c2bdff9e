using IopGuideBot.Conversation.Handoff;
using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text;
using IopGuideBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Activity = Microsoft.Bot.Schema.Activity;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace IopGuideBot.Storage.Tests;

public sealed class PocoItem
{
    public string? Id { get; set; }
    public int Count { get; set; }
}

public sealed class PocoStoreItem : IStoreItem
{
    public string? Id { get; set; }
    public int Count { get; set; }
    public string? ETag { get; set; }
}

public sealed class IntakeProgress
{
    public string? Step { get; set; }
    public List<int> Answers { get; set; } = [];
    public DateTimeOffset StartedAt { get; set; }
}

/// <summary>
/// The behaviour every storage provider must have. Each test gets a fresh database (a temp SQLite file or a new
/// PostgreSQL schema); "instances" are separate service providers on that database, like separate service processes.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    protected const string Canary = "CANARY-7f3a9c41-e2d8-4b6a-9d0f";

    private readonly List<TestInstance> _instances = [];

    protected StorageContractTests(ITestOutputHelper output)
    {
        Output = output;
    }

    protected ITestOutputHelper Output { get; }

    protected ITestDatabase Db { get; private set; } = null!;

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => Db = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }

    protected async Task<TestInstance> StartInstanceAsync(TimeProvider? clock = null, int retentionDays = 90, Action<IServiceCollection>? configure = null)
    {
        var instance = await TestInstance.StartAsync(Db, clock, retentionDays, configure);
        _instances.Add(instance);
        return instance;
    }

    // ---------------------------------------------------------------- IStorage (ported from the SDK's StorageBaseTests)

    [SkippableFact]
    public async Task Storage_reading_an_unknown_key_returns_nothing()
    {
        var storage = (await StartInstanceAsync()).Get<IStorage>();
        var result = await storage.ReadAsync(["unknown"]);
        Assert.Empty(result);
    }

    [SkippableFact]
    public async Task Storage_round_trips_typed_objects_and_gives_store_items_an_etag()
    {
        var storage = (await StartInstanceAsync()).Get<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["createPoco"] = new PocoItem { Id = "1" },
            ["createPocoStoreItem"] = new PocoStoreItem { Id = "2" },
        });

        var read = await storage.ReadAsync(["createPoco", "createPocoStoreItem"]);
        Assert.Equal("1", Assert.IsType<PocoItem>(read["createPoco"]).Id);
        var item = Assert.IsType<PocoStoreItem>(read["createPocoStoreItem"]);
        Assert.Equal("2", item.Id);
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [SkippableFact]
    public async Task Storage_handles_crazy_keys()
    {
        var storage = (await StartInstanceAsync()).Get<IStorage>();
        const string key = "!@#$%^&*()~/\\><,.?';\"`~";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoStoreItem { Id = "1" } });
        var read = await storage.ReadAsync([key]);
        Assert.Equal("1", Assert.IsType<PocoStoreItem>(read[key]).Id);
    }

    [SkippableFact]
    public async Task Storage_enforces_etags_like_MemoryStorage()
    {
        var storage = (await StartInstanceAsync()).Get<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["pocoItem"] = new PocoItem { Id = "1", Count = 1 },
            ["pocoStoreItem"] = new PocoStoreItem { Id = "1", Count = 1 },
        });

        var loaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        var poco = (PocoItem)loaded["pocoItem"];
        var stale = (PocoStoreItem)loaded["pocoStoreItem"];
        var staleETag = stale.ETag;
        poco.Count++;
        stale.Count++;
        await storage.WriteAsync(loaded); // current ETag: works

        var reloaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        var current = (PocoStoreItem)reloaded["pocoStoreItem"];
        Assert.NotEqual(staleETag, current.ETag); // a new ETag on every write
        Assert.Equal(2, ((PocoItem)reloaded["pocoItem"]).Count);
        Assert.Equal(2, current.Count);

        // A plain POCO has no ETag: last write wins.
        poco.Count = 123;
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoItem"] = poco });

        // A store item with the old ETag fails with MemoryStorage's exception type and message.
        stale.Count = 123;
        var conflict = await Assert.ThrowsAsync<Exception>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = stale }));
        Assert.StartsWith("Etag conflict.", conflict.Message, StringComparison.Ordinal);

        var afterConflict = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.Equal(123, ((PocoItem)afterConflict["pocoItem"]).Count);
        Assert.Equal(2, ((PocoStoreItem)afterConflict["pocoStoreItem"]).Count);

        // "*" always wins.
        var wildcard = (PocoStoreItem)afterConflict["pocoStoreItem"];
        wildcard.Count = 100;
        wildcard.ETag = "*";
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = wildcard });
        Assert.Equal(100, ((PocoStoreItem)(await storage.ReadAsync(["pocoStoreItem"]))["pocoStoreItem"]).Count);

        // An empty ETag, or none, on an existing store item is a conflict (as in MemoryStorage).
        foreach (var etag in new[] { string.Empty, null })
        {
            var item = (PocoStoreItem)(await storage.ReadAsync(["pocoStoreItem"]))["pocoStoreItem"];
            item.ETag = etag;
            item.Count = 5;
            await Assert.ThrowsAsync<Exception>(() => storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = item }));
        }

        Assert.Equal(100, ((PocoStoreItem)(await storage.ReadAsync(["pocoStoreItem"]))["pocoStoreItem"]).Count);
    }

    [SkippableFact]
    public async Task Storage_creates_a_new_store_item_without_etag_and_jobject_etags_are_checked_too()
    {
        var storage = (await StartInstanceAsync()).Get<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["fresh"] = new PocoStoreItem { Id = "n", ETag = null } });
        Assert.NotNull(((PocoStoreItem)(await storage.ReadAsync(["fresh"]))["fresh"]).ETag);

        await storage.WriteAsync(new Dictionary<string, object> { ["jo"] = new JObject { ["ETag"] = "*", ["v"] = 1 } });
        var stale = new JObject { ["ETag"] = "not-the-current-one", ["v"] = 2 };
        await Assert.ThrowsAsync<Exception>(() => storage.WriteAsync(new Dictionary<string, object> { ["jo"] = stale }));
    }

    [SkippableFact]
    public async Task Storage_batch_with_a_conflict_writes_nothing()
    {
        var storage = (await StartInstanceAsync()).Get<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new PocoStoreItem { Count = 1 } });
        var stale = (PocoStoreItem)(await storage.ReadAsync(["a"]))["a"];
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new PocoStoreItem { Count = 2, ETag = "*" } });

        await Assert.ThrowsAsync<Exception>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["b"] = new PocoItem { Count = 7 },
            ["a"] = stale,
        }));
        Assert.False((await storage.ReadAsync(["b"])).ContainsKey("b"));
    }

    [SkippableFact]
    public async Task Storage_deletes_and_ignores_unknown_keys()
    {
        var storage = (await StartInstanceAsync()).Get<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["delete1"] = new PocoStoreItem { Id = "1", Count = 1 } });
        await storage.DeleteAsync(["delete1"]);
        Assert.Empty(await storage.ReadAsync(["delete1"]));
        await storage.DeleteAsync(["unknown_key"]);
    }

    [SkippableFact]
    public async Task Storage_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        await a.Get<IStorage>().WriteAsync(new Dictionary<string, object> { ["counter"] = new PocoStoreItem { Count = 0 } });
        var etag = ((PocoStoreItem)(await a.Get<IStorage>().ReadAsync(["counter"]))["counter"]).ETag;

        const int writers = 16;
        using var start = new Barrier(writers);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            var storage = (i % 2 == 0 ? a : b).Get<IStorage>();
            start.SignalAndWait();
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["counter"] = new PocoStoreItem { Count = i + 1, ETag = etag } });
                return (Won: true, Error: (string?)null);
            }
            catch (Exception ex) when (ex.GetType() == typeof(Exception))
            {
                return (Won: false, Error: ex.Message);
            }
        })));

        Assert.Single(outcomes, o => o.Won);
        Assert.All(outcomes.Where(o => !o.Won), o => Assert.StartsWith("Etag conflict.", o.Error, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Storage_counter_with_etag_retry_loses_no_increment()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        const int workers = 6, incrementsEach = 10;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Task.Run(async () =>
        {
            var storage = (i % 2 == 0 ? a : b).Get<IStorage>();
            for (var n = 0; n < incrementsEach; n++)
            {
                while (true)
                {
                    var read = await storage.ReadAsync(["n"]);
                    var item = read.TryGetValue("n", out var v) ? (PocoStoreItem)v : new PocoStoreItem();
                    item.Count++;
                    try
                    {
                        await storage.WriteAsync(new Dictionary<string, object> { ["n"] = item });
                        break;
                    }
                    catch (Exception ex) when (ex.Message.StartsWith("Etag conflict", StringComparison.Ordinal))
                    {
                    }
                }
            }
        })));

        Assert.Equal(workers * incrementsEach, ((PocoStoreItem)(await a.Get<IStorage>().ReadAsync(["n"]))["n"]).Count);
    }

    [SkippableFact]
    public async Task ConversationState_typed_value_survives_a_restart()
    {
        var conversation = new ConversationReference
        {
            ChannelId = "directline",
            Conversation = new ConversationAccount(id: "conv-restart"),
            User = new ChannelAccount("user-1"),
            Bot = new ChannelAccount("bot"),
        };

        var first = await StartInstanceAsync();
        var state = new ConversationState(first.Get<IStorage>());
        var progress = state.CreateProperty<IntakeProgress>("progress");
        var adapter = new TestAdapter(conversation).Use(new AutoSaveStateMiddleware(state));
        var started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await new TestFlow(adapter, async (turn, ct) =>
            {
                var p = await progress.GetAsync(turn, () => new IntakeProgress { StartedAt = started }, ct);
                p.Step = "triage-3";
                p.Answers.Add(int.Parse(turn.Activity.Text, System.Globalization.CultureInfo.InvariantCulture));
                await turn.SendActivityAsync("ok", cancellationToken: ct);
            })
            .Send("2").AssertReply("ok")
            .Send("4").AssertReply("ok")
            .StartTestAsync();
        await first.DisposeAsync();

        var second = await StartInstanceAsync();
        var restarted = new ConversationState(second.Get<IStorage>());
        var restartedProgress = restarted.CreateProperty<IntakeProgress>("progress");
        IntakeProgress? seen = null;
        await new TestFlow(new TestAdapter(conversation), async (turn, ct) =>
            {
                await restarted.LoadAsync(turn, cancellationToken: ct);
                seen = await restartedProgress.GetAsync(turn, () => null!, ct);
                await turn.SendActivityAsync("read", cancellationToken: ct);
            })
            .Send("anything").AssertReply("read")
            .StartTestAsync();

        Assert.NotNull(seen);
        Assert.Equal("triage-3", seen.Step);
        Assert.Equal([2, 4], seen.Answers);
        Assert.Equal(started, seen.StartedAt);
    }

    [SkippableFact]
    public async Task ConversationState_saved_from_a_stale_read_by_another_instance_conflicts_instead_of_overwriting()
    {
        var conversation = new ConversationReference
        {
            ChannelId = "emulator",
            Conversation = new ConversationAccount(id: "conv-race"),
            User = new ChannelAccount("user-1"),
            Bot = new ChannelAccount("bot"),
        };
        var a = new ConversationState((await StartInstanceAsync()).Get<IStorage>());
        var b = new ConversationState((await StartInstanceAsync()).Get<IStorage>());
        var answerA = a.CreateProperty<string>("answer");
        var answerB = b.CreateProperty<string>("answer");
        TurnContext Turn() => new(new TestAdapter(conversation), conversation.GetContinuationActivity());

        // First turn on both instances at once: neither has seen a saved state.
        using (var turnA = Turn())
        using (var turnB = Turn())
        {
            await answerA.SetAsync(turnA, "adult");
            await answerB.SetAsync(turnB, "under-18");
            await a.SaveChangesAsync(turnA);
            var conflict = await Assert.ThrowsAsync<Exception>(() => b.SaveChangesAsync(turnB));
            Assert.True(StateConflicts.IsConflict(conflict));

            // The winner's turn can save again (it holds the new ETag).
            await answerA.SetAsync(turnA, "adult, confirmed");
            await a.SaveChangesAsync(turnA);
        }

        // Later turns: both read the same version, one saves first, the other's save is refused.
        using (var turnA = Turn())
        using (var turnB = Turn())
        {
            Assert.Equal("adult, confirmed", await answerA.GetAsync(turnA, () => ""));
            Assert.Equal("adult, confirmed", await answerB.GetAsync(turnB, () => ""));
            await answerB.SetAsync(turnB, "changed on B");
            await b.SaveChangesAsync(turnB);
            await answerA.SetAsync(turnA, "changed on A");
            Assert.True(StateConflicts.IsConflict(await Assert.ThrowsAsync<Exception>(() => a.SaveChangesAsync(turnA))));

            // Re-reading (what the turn pipeline does on a conflict) sees B's change and saves on top of it.
            await a.LoadAsync(turnA, force: true);
            Assert.Equal("changed on B", await answerA.GetAsync(turnA, () => ""));
            await answerA.SetAsync(turnA, "changed on A after B");
            await a.SaveChangesAsync(turnA);
        }

        using var reader = Turn();
        Assert.Equal("changed on A after B", await answerB.GetAsync(reader, () => ""));
    }

    // ---------------------------------------------------------------- activity log

    private static Activity Message(string id, string text, string role = "user") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Text = text,
        From = new ChannelAccount(role == "bot" ? "bot" : "user-1", role: role),
        Conversation = new ConversationAccount(id: "c"),
        Timestamp = DateTimeOffset.UtcNow,
    };

    [SkippableFact]
    public async Task ActivityLog_orders_is_idempotent_by_id_and_reads_after_watermark()
    {
        var log = (await StartInstanceAsync()).Get<IActivityLog>();
        Assert.Equal(1, await log.AppendAsync("c1", Message("a1", "hello")));
        Assert.Equal(2, await log.AppendAsync("c1", Message("a2", "how long is the program?", "bot")));
        Assert.Equal(1, await log.AppendAsync("c2", Message("a1", "other conversation")));
        Assert.Equal(3, await log.AppendAsync("c1", Message("a3", "three")));
        Assert.Equal(2, await log.AppendAsync("c1", Message("a2", "resent"))); // same id: first sequence, stored once

        var all = await log.ReadAfterAsync("c1", 0, 100);
        Assert.Equal([1L, 2L, 3L], all.Select(a => a.Sequence));
        Assert.Equal(["a1", "a2", "a3"], all.Select(a => a.Activity.Id));
        Assert.Equal("how long is the program?", all[1].Activity.Text);
        Assert.Equal("bot", all[1].Activity.From.Role);

        var stored = await log.ReadJsonAfterAsync("c1", 0, 100);
        Assert.Equal([1L, 2L, 3L], stored.Select(a => a.Sequence));
        Assert.Equal(["a1", "a2", "a3"], stored.Select(a => Newtonsoft.Json.JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Activity>(a.Json)!.Id));
        Assert.DoesNotContain("null", stored[1].Json, StringComparison.Ordinal); // null members left out, as the Bot Framework writes them

        var after = await log.ReadAfterAsync("c1", 1, 1);
        Assert.Equal("a2", Assert.Single(after).Activity.Id);
        Assert.Empty(await log.ReadAfterAsync("c1", 3, 10));
        Assert.Equal(3, await log.GetLastSequenceAsync("c1"));
        Assert.Equal(0, await log.GetLastSequenceAsync("nobody"));
    }

    [SkippableFact]
    public async Task ActivityLog_assigns_an_id_when_missing()
    {
        var log = (await StartInstanceAsync()).Get<IActivityLog>();
        var activity = Message(null!, "no id");
        Assert.Equal(1, await log.AppendAsync("c", activity));
        Assert.False(string.IsNullOrEmpty(activity.Id));
        Assert.Equal(activity.Id, (await log.ReadAfterAsync("c", 0, 10))[0].Activity.Id);
    }

    [SkippableFact]
    public async Task ActivityLog_concurrent_appends_from_two_instances_lose_nothing_and_are_gapless()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        const int tasks = 8, perTask = 25;
        var acknowledged = new ConcurrentDictionary<string, long>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            var log = (t % 2 == 0 ? a : b).Get<IActivityLog>();
            for (var i = 0; i < perTask; i++)
            {
                var id = $"t{t}-m{i}";
                var seq = await log.AppendAsync("burst", Message(id, $"message {i} from task {t}"));
                acknowledged[id] = seq;
                if (i % 5 == 0)
                {
                    // A client retry of an acknowledged message (e.g. after a lost response) must not duplicate it.
                    Assert.Equal(seq, await log.AppendAsync("burst", Message(id, "retry")));
                }
            }
        })));
        stopwatch.Stop();
        Output.WriteLine($"{Db.Provider}: {tasks * perTask} appends (+ retries) from {tasks} tasks on 2 instances in {stopwatch.ElapsedMilliseconds} ms");

        var stored = await a.Get<IActivityLog>().ReadAfterAsync("burst", 0, 10_000);
        Assert.Equal(tasks * perTask, stored.Count);
        Assert.Equal(Enumerable.Range(1, tasks * perTask).Select(i => (long)i), stored.Select(s => s.Sequence));
        Assert.Equal(tasks * perTask, stored.Select(s => s.Activity.Id).Distinct().Count());
        foreach (var s in stored)
        {
            Assert.Equal(acknowledged[s.Activity.Id], s.Sequence);
            Assert.StartsWith("message", s.Activity.Text, StringComparison.Ordinal);
        }

        // Per task, messages appear in the order that task sent them.
        foreach (var group in stored.GroupBy(s => s.Activity.Id.Split('-')[0]))
        {
            var order = group.Select(s => int.Parse(s.Activity.Id.Split("-m")[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(order.Order(), order);
        }
    }

    private static ConversationReference TestConversation(string id) => new()
    {
        ChannelId = "test",
        Conversation = new ConversationAccount(id: id),
        User = new ChannelAccount("user-1", role: "user"),
        Bot = new ChannelAccount("bot", role: "bot"),
    };

    private static TestFlow EchoTwice(TestAdapter adapter) =>
        new TestFlow(adapter, (turn, ct) => turn.SendActivityAsync($"echo: {turn.Activity.Text}", cancellationToken: ct))
            .Send("first").AssertReply("echo: first")
            .Send("second").AssertReply("echo: second");

    [SkippableFact]
    public async Task TranscriptLoggerMiddleware_writes_incoming_and_outgoing_activities()
    {
        var instance = await StartInstanceAsync();
        var adapter = new TestAdapter(TestConversation("transcript-1"))
            .Use(new TranscriptLoggerMiddleware(instance.Get<ITranscriptLogger>()));
        await EchoTwice(adapter).StartTestAsync();

        // The SDK middleware flushes after the turn without awaiting it; give it a moment.
        IReadOnlyList<LoggedActivity> logged = [];
        for (var i = 0; i < 100 && logged.Count < 4; i++)
        {
            await Task.Delay(50);
            logged = await instance.Get<IActivityLog>().ReadAfterAsync("transcript-1", 0, 100);
        }

        // Everything exactly once, each reply after its message. (Across turns the SDK's background flush may
        // interleave; ActivityLogMiddleware below keeps strict order.)
        var texts = logged.Select(l => l.Activity.Text).ToList();
        Assert.Equal(["echo: first", "echo: second", "first", "second"], texts.Order());
        Assert.True(texts.IndexOf("first") < texts.IndexOf("echo: first"));
        Assert.True(texts.IndexOf("second") < texts.IndexOf("echo: second"));
        Assert.Equal([1L, 2L, 3L, 4L], logged.Select(l => l.Sequence));
        Assert.Equal("user", logged.Single(l => l.Activity.Text == "first").Activity.From.Role);
    }

    [SkippableFact]
    public async Task ActivityLogMiddleware_logs_the_conversation_in_order_before_the_turn_ends()
    {
        var instance = await StartInstanceAsync();
        var adapter = new TestAdapter(TestConversation("transcript-2"))
            .Use(new ActivityLogMiddleware(instance.Get<IActivityLog>()));
        await EchoTwice(adapter).StartTestAsync();

        var logged = await instance.Get<IActivityLog>().ReadAfterAsync("transcript-2", 0, 100);
        Assert.Equal(["first", "echo: first", "second", "echo: second"], logged.Select(l => l.Activity.Text));
        Assert.Equal(["user", "bot", "user", "bot"], logged.Select(l => l.Activity.From.Role));
    }

    [SkippableFact]
    public async Task Notifications_tell_subscribers_about_appends_and_handoffs()
    {
        var instance = await StartInstanceAsync();
        var received = new ConcurrentQueue<StorageChange>();
        var all = new ConcurrentQueue<StorageChange>();
        using var one = await instance.Get<IActivityNotifications>().SubscribeAsync("watched", received.Enqueue);
        using var any = await instance.Get<IActivityNotifications>().SubscribeAsync(null, all.Enqueue);

        await instance.Get<IActivityLog>().AppendAsync("watched", Message("w1", "hi"));
        await instance.Get<IActivityLog>().AppendAsync("other", Message("o1", "hi"));
        await instance.Get<IHandoffStore>().CreateOrUpdateAsync(new HandoffRequest { ConversationId = "watched" });

        await WaitUntil(() => received.Count >= 2 && all.Count >= 3);
        Assert.Equal(
            [new StorageChange(StorageChangeKind.Activity, "watched", 1), new StorageChange(StorageChangeKind.Handoff, "watched", 1)],
            received.ToArray());
        Assert.Contains(new StorageChange(StorageChangeKind.Activity, "other", 1), all);
    }

    protected static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "condition not met within 5 s");
    }

    // ---------------------------------------------------------------- handoffs

    [SkippableFact]
    public async Task Handoff_create_or_update_keeps_one_open_record_per_conversation()
    {
        var store = (await StartInstanceAsync()).Get<IHandoffStore>();
        var created = await store.CreateOrUpdateAsync(new HandoffRequest
        {
            ConversationId = "h1",
            Urgency = HandoffUrgency.Routine,
            ForWhom = InquiryFor.FamilyMember,
            Summary = "Asking for her son",
            Contact = new HandoffContact { Name = "Pat", Phone = "555-0100", VoicemailOk = true },
        });
        Assert.Equal(HandoffStatus.Waiting, created.Status);
        Assert.Equal(1, created.Version);

        var updated = await store.CreateOrUpdateAsync(new HandoffRequest
        {
            ConversationId = "h1",
            Urgency = HandoffUrgency.Urgent,
            ForWhom = InquiryFor.FamilyMember,
            RiskFlags = ["crisis:overdose"],
            Summary = "Asking for her son; mentioned overdose",
            TriageAnswersJson = """{"q1":"yes"}""",
            Contact = new HandoffContact { Name = "Pat", Phone = "555-0100", Email = "pat@example.org", BestTime = "evenings" },
        });
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal(2, updated.Version);
        Assert.Equal(HandoffUrgency.Urgent, updated.Urgency);

        var read = await store.GetAsync(created.Id);
        Assert.NotNull(read);
        Assert.Equal(["crisis:overdose"], read.RiskFlags);
        Assert.Equal("pat@example.org", read.Contact?.Email);
        Assert.Equal("""{"q1":"yes"}""", read.TriageAnswersJson);
        Assert.Equal(created.Id, (await store.GetByConversationAsync("h1"))?.Id);
        Assert.Null(await store.GetByConversationAsync("nobody"));

        var closed = await store.TryCloseAsync(created.Id, read.Version);
        Assert.Equal(HandoffStatus.Closed, closed?.Status);
        var next = await store.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "h1" });
        Assert.NotEqual(created.Id, next.Id); // a new inquiry after the old one closed
        Assert.Equal(next.Id, (await store.GetByConversationAsync("h1"))?.Id);
    }

    [SkippableFact]
    public async Task Handoff_text_is_stored_bounded_and_without_control_characters_but_otherwise_as_typed()
    {
        var store = (await StartInstanceAsync()).Get<IHandoffStore>();
        const string Markup = "<img src=x onerror=alert(1)>[click](javascript:alert(1))";
        var longAnswer = new string('a', 32 * 1024);

        var saved = await store.CreateOrUpdateAsync(new HandoffRequest
        {
            ConversationId = "h-bounded",
            Summary = "line one\r\nline two\u001b[31m red\u0000",
            TriageAnswersJson = $$"""{"substances":{"text":"{{longAnswer}}\u0007"},"readiness":7}""",
            Contact = new HandoffContact { Name = Markup + "\u202E\u200Bgnp.exe" + new string('x', 500), Phone = "555\u0000 201 3344", Email = "sam@example.org" },
        });

        var read = await store.GetAsync(saved.Id);
        Assert.NotNull(read);
        var name = read.Contact!.Name!;
        Assert.Equal(StoredText.MaxName, name.Length);
        Assert.StartsWith(Markup + "gnp.exe", name, StringComparison.Ordinal); // raw: encoding is the renderer's job
        Assert.Equal("555 201 3344", read.Contact.Phone);
        Assert.Equal("line one\nline two[31m red", read.Summary);
        using var answers = System.Text.Json.JsonDocument.Parse(read.TriageAnswersJson!);
        var answer = answers.RootElement.GetProperty("substances").GetProperty("text").GetString()!;
        Assert.Equal(StoredText.MaxAnswer, answer.Length);
        Assert.DoesNotContain('\u0007', answer);
        Assert.Equal(7, answers.RootElement.GetProperty("readiness").GetInt32());
    }

    [SkippableFact]
    public async Task Handoff_concurrent_creates_from_two_instances_make_one_record()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).Get<IHandoffStore>().CreateOrUpdateAsync(new HandoffRequest { ConversationId = "race", Summary = $"s{i}" }))));
        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal(8, (await a.Get<IHandoffStore>().GetByConversationAsync("race"))!.Version);
    }

    [SkippableFact]
    public async Task Handoff_claim_race_exactly_one_staff_member_wins()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        var handoff = await a.Get<IHandoffStore>().CreateOrUpdateAsync(new HandoffRequest { ConversationId = "claim" });

        const int staff = 10;
        using var start = new Barrier(staff);
        var results = await Task.WhenAll(Enumerable.Range(0, staff).Select(i => Task.Run(async () =>
        {
            var store = (i % 2 == 0 ? a : b).Get<IHandoffStore>();
            start.SignalAndWait();
            return await store.TryClaimAsync(handoff.Id, $"staff-{i}", handoff.Version);
        })));

        var winner = Assert.Single(results, r => r is not null)!;
        var stored = await b.Get<IHandoffStore>().GetAsync(handoff.Id);
        Assert.Equal(HandoffStatus.Claimed, stored!.Status);
        Assert.Equal(winner.ClaimedBy, stored.ClaimedBy);
        Assert.Equal(handoff.Version + 1, stored.Version);

        // A claim with the old version, or of an already claimed handoff, fails.
        Assert.Null(await a.Get<IHandoffStore>().TryClaimAsync(handoff.Id, "late", stored.Version));

        // Staff go live and add a note; a stale update is refused.
        var live = await a.Get<IHandoffStore>().TryUpdateAsync(stored with { Status = HandoffStatus.Live, Notes = "called back" });
        Assert.Equal(HandoffStatus.Live, live?.Status);
        Assert.Null(await a.Get<IHandoffStore>().TryUpdateAsync(stored with { Status = HandoffStatus.Callback }));
        Assert.Equal("called back", (await a.Get<IHandoffStore>().GetAsync(handoff.Id))?.Notes);
    }

    [SkippableFact]
    public async Task Handoff_open_list_is_sorted_by_urgency_then_age()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var store = (await StartInstanceAsync(clock)).Get<IHandoffStore>();
        async Task<HandoffRecord> Create(string conversation, HandoffUrgency urgency)
        {
            clock.Now = clock.Now.AddMinutes(1);
            return await store.CreateOrUpdateAsync(new HandoffRequest { ConversationId = conversation, Urgency = urgency });
        }

        var routineOld = await Create("r-old", HandoffUrgency.Routine);
        var soon = await Create("soon", HandoffUrgency.Soon);
        var urgentNew = await Create("u-new", HandoffUrgency.Urgent);
        var routineNew = await Create("r-new", HandoffUrgency.Routine);
        var urgentOld = await Create("u-old", HandoffUrgency.Urgent);
        var closed = await Create("closed", HandoffUrgency.Urgent);
        await store.TryCloseAsync(closed.Id, closed.Version);

        // "u-old" was created after "u-new" but we make it older by re-reading timestamps: order is by created_at.
        var list = await store.ListOpenAsync();
        Assert.Equal(
            [urgentNew.Id, urgentOld.Id, soon.Id, routineOld.Id, routineNew.Id],
            list.Select(h => h.Id));
    }

    // ---------------------------------------------------------------- staff, audit

    [SkippableFact]
    public async Task Staff_accounts_verify_passwords_and_reject_duplicates()
    {
        var staff = (await StartInstanceAsync()).Get<IStaffStore>();
        var created = await staff.CreateAsync("Jordan.Lee", "Jordan Lee", "correct horse battery staple");
        await Assert.ThrowsAsync<InvalidOperationException>(() => staff.CreateAsync("jordan.lee", "Other", "x"));

        Assert.Equal(created.Id, (await staff.VerifyPasswordAsync("JORDAN.LEE", "correct horse battery staple"))?.Id);
        Assert.Null(await staff.VerifyPasswordAsync("jordan.lee", "wrong"));
        Assert.Null(await staff.VerifyPasswordAsync("nobody", "correct horse battery staple"));

        await staff.SetPasswordAsync(created.Id, "new passphrase for jordan");
        Assert.Null(await staff.VerifyPasswordAsync("jordan.lee", "correct horse battery staple"));
        Assert.NotNull(await staff.VerifyPasswordAsync("jordan.lee", "new passphrase for jordan"));

        await staff.SetDisabledAsync(created.Id, true);
        Assert.Null(await staff.VerifyPasswordAsync("jordan.lee", "new passphrase for jordan"));
        Assert.True((await staff.GetAsync(created.Id))!.Disabled);
        Assert.Single(await staff.ListAsync());
        Assert.Equal("Jordan Lee", (await staff.FindByUsernameAsync("jordan.lee"))?.DisplayName);
    }

    [SkippableFact]
    public async Task Staff_roles_are_stored_and_default_to_specialist()
    {
        var staff = (await StartInstanceAsync()).Get<IStaffStore>();
        var admin = await staff.CreateAsync("ada", "Ada Admin", "a long admin passphrase", StaffRole.Admin);
        var specialist = await staff.CreateAsync("sam", "Sam Specialist", "a long specialist passphrase");

        Assert.Equal(StaffRole.Admin, (await staff.GetAsync(admin.Id))!.Role);
        Assert.Equal(StaffRole.Specialist, (await staff.FindByUsernameAsync("SAM"))!.Role);
        Assert.Equal([StaffRole.Admin, StaffRole.Specialist], (await staff.ListAsync()).Select(a => a.Role));
    }

    [SkippableFact]
    public async Task Staff_sign_in_locks_after_repeated_failures_refuses_the_right_password_while_locked_then_recovers()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var staff = (await StartInstanceAsync(clock)).Get<IStaffStore>();
        var other = (await StartInstanceAsync(clock)).Get<IStaffStore>(); // failures counted on two instances add up
        var lockout = new SignInLockout(5, TimeSpan.FromMinutes(15));
        const string Password = "correct horse battery staple";
        var account = await staff.CreateAsync("jordan", "Jordan Lee", Password);

        // A success in between starts the count again.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await (i % 2 == 0 ? staff : other).SignInAsync("jordan", "wrong", lockout)).Outcome);
        }

        Assert.Equal(SignInOutcome.SignedIn, (await staff.SignInAsync("jordan", Password, lockout)).Outcome);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await (i % 2 == 0 ? staff : other).SignInAsync("jordan", "wrong", lockout)).Outcome);
        }

        var fifth = await other.SignInAsync("jordan", "wrong", lockout);
        Assert.Equal(SignInOutcome.LockedOut, fifth.Outcome);
        Assert.Equal(clock.Now + lockout.Duration, fifth.LockedUntil);

        clock.Now += TimeSpan.FromMinutes(14);
        Assert.Equal(SignInOutcome.LockedOut, (await staff.SignInAsync("jordan", Password, lockout)).Outcome);
        clock.Now += TimeSpan.FromMinutes(2);
        var after = await staff.SignInAsync("jordan", Password, lockout);
        Assert.Equal(SignInOutcome.SignedIn, after.Outcome);
        Assert.Equal(account.Id, after.Account?.Id);

        // Unknown users and disabled accounts fail the same way, and never lock.
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await staff.SignInAsync("nobody", "wrong", lockout)).Outcome);
        }

        await staff.SetDisabledAsync(account.Id, true);
        Assert.Equal(SignInOutcome.Failed, (await staff.SignInAsync("jordan", Password, lockout)).Outcome);
    }

    [SkippableFact]
    public async Task Audit_log_appends_lists_newest_first_and_refuses_changes()
    {
        var instance = await StartInstanceAsync();
        var audit = instance.Get<IAuditLog>();
        var first = await audit.AppendAsync(new AuditEvent("staff-1", "transcript.view", "conv-1", "ok"));
        await audit.AppendAsync(new AuditEvent("staff-2", "handoff.claim", "conv-2", "ok"));
        await audit.AppendAsync(new AuditEvent("staff-1", "transcript.export", "conv-1", "denied", "not assigned"));

        var all = await audit.ListAsync();
        Assert.Equal(["transcript.export", "handoff.claim", "transcript.view"], all.Select(e => e.Action));
        Assert.Equal(["transcript.export", "transcript.view"], (await audit.ListAsync(new AuditQuery { ConversationId = "conv-1" })).Select(e => e.Action));
        Assert.Equal(["handoff.claim"], (await audit.ListAsync(new AuditQuery { Actor = "staff-2" })).Select(e => e.Action));
        Assert.Empty(await audit.ListAsync(new AuditQuery { BeforeId = first }));
        Assert.Equal("not assigned", all[0].Detail);

        await using var connection = await instance.Database.OpenConnectionAsync();
        foreach (var sql in new[] { "UPDATE audit_log SET outcome = 'ok'", "DELETE FROM audit_log" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => command.ExecuteNonQueryAsync());
        }

        Assert.Equal(3, (await audit.ListAsync()).Count);
    }

    // ---------------------------------------------------------------- keys, migrations, encryption

    [SkippableFact]
    public async Task A_new_key_encrypts_with_AES_256_GCM()
    {
        var instance = await StartInstanceAsync();
        var key = Assert.Single(instance.Get<IKeyManager>().GetAllKeys());
        Assert.Equal("AES_256_GCM", EncryptionAlgorithmOf(key));
    }

    [SkippableFact]
    public async Task What_an_older_install_encrypted_under_its_CBC_key_still_reads()
    {
        // An install from before the change: its key was made with the default AES-256-CBC + HMAC-SHA256.
        var older = await StartInstanceAsync(configure: services => services.AddDataProtection().UseCryptographicAlgorithms(
            new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_CBC, ValidationAlgorithm = ValidationAlgorithm.HMACSHA256 }));
        Assert.Equal("AES_256_CBC", EncryptionAlgorithmOf(Assert.Single(older.Get<IKeyManager>().GetAllKeys())));
        await older.Get<IActivityLog>().AppendAsync("older", Message("o1", "written before the change"));
        var state = new Dictionary<string, object> { ["older-state"] = new PocoItem { Id = "kept", Count = 3 } };
        await older.Get<IStorage>().WriteAsync(state);

        var current = await StartInstanceAsync();
        Assert.Equal("written before the change", (await current.Get<IActivityLog>().ReadAfterAsync("older", 0, 10))[0].Activity.Text);
        var read = await current.Get<IStorage>().ReadAsync(["older-state"]);
        Assert.Equal(3, Assert.IsType<PocoItem>(read["older-state"]).Count);
    }

    private static string? EncryptionAlgorithmOf(IKey key) =>
        key.Descriptor.ExportToXml().SerializedDescriptorElement.Element("encryption")?.Attribute("algorithm")?.Value;

    [SkippableFact]
    public async Task Key_ring_is_shared_instance_B_reads_what_instance_A_protected()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        var protectedByA = a.Get<IDataProtectionProvider>().CreateProtector("test").Protect("secret from A");
        Assert.Equal("secret from A", b.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByA));

        await a.Get<IActivityLog>().AppendAsync("shared", Message("s1", "written by A"));
        Assert.Equal("written by A", (await b.Get<IActivityLog>().ReadAfterAsync("shared", 0, 10))[0].Activity.Text);

        await using var connection = await a.Database.OpenConnectionAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM data_protection_keys";
        Assert.Equal(1L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task Migrations_are_idempotent()
    {
        var instance = await StartInstanceAsync();
        var db = instance.Database;
        await db.MigrateAsync();
        await db.MigrateAsync();
        Assert.Equal(db.LatestSchemaVersion, await db.GetSchemaVersionAsync());

        await using var connection = await db.OpenConnectionAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM schema_version";
        Assert.Equal(db.LatestSchemaVersion, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));

        // A second instance starting on the migrated database finds nothing to do and works.
        var second = await StartInstanceAsync();
        Assert.Equal(1, await second.Get<IActivityLog>().AppendAsync("m", Message("m1", "after migrations")));
    }

    [SkippableFact]
    public async Task Canary_is_not_readable_anywhere_in_the_database()
    {
        var instance = await StartInstanceAsync();
        await instance.Get<IActivityLog>().AppendAsync("canary-conv", Message("k1", $"my name is {Canary}"));
        var activity = Message("k2", "attachment");
        activity.Attachments = [new Attachment { ContentType = "text/plain", Content = Canary }];
        activity.ChannelData = new { note = Canary };
        await instance.Get<IActivityLog>().AppendAsync("canary-conv", activity);
        await instance.Get<IStorage>().WriteAsync(new Dictionary<string, object>
        {
            ["directline/conversations/canary-conv"] = new Dictionary<string, object> { ["answer"] = Canary },
        });
        var handoff = await instance.Get<IHandoffStore>().CreateOrUpdateAsync(new HandoffRequest
        {
            ConversationId = "canary-conv",
            RiskFlags = [Canary],
            Summary = Canary,
            TriageAnswersJson = $$"""{"a":"{{Canary}}"}""",
            Contact = new HandoffContact { Name = Canary, Phone = Canary, Email = Canary + "@example.org", BestTime = Canary },
        });
        await instance.Get<IHandoffStore>().TryUpdateAsync(handoff with { Notes = Canary });

        // Sanity: it is stored and readable through the API.
        Assert.Equal(Canary, (await instance.Get<IHandoffStore>().GetAsync(handoff.Id))?.Contact?.Name);

        var dump = await Db.DumpAsync(instance.Database);
        Assert.Contains("canary-conv", dump, StringComparison.Ordinal); // the dump does see clear columns
        Assert.DoesNotContain(Canary, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Canary)), dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Canary))[..20], dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, instance.Logs.AllText, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- retention

    [SkippableFact]
    public async Task Retention_deletes_expired_conversations_and_closed_handoff_phi_and_nothing_else()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new TestClock(now.AddDays(-100));
        var instance = await StartInstanceAsync(clock, retentionDays: 90);
        var log = instance.Get<IActivityLog>();
        var storage = instance.Get<IStorage>();
        var handoffs = instance.Get<IHandoffStore>();

        // 100 days ago: an abandoned conversation (2 activities + state), one whose handoff then closed,
        // and one whose handoff is still open.
        foreach (var c in new[] { "abandoned", "closed-handoff", "open-handoff" })
        {
            await log.AppendAsync(c, Message(c + "-1", "hello"));
            await log.AppendAsync(c, Message(c + "-2", "bye", "bot"));
            await storage.WriteAsync(new Dictionary<string, object> { [$"directline/conversations/{c}"] = new PocoItem { Count = 1 } });
        }

        await storage.WriteAsync(new Dictionary<string, object> { ["directline/users/old-user"] = new PocoItem() });
        var toClose = await handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "closed-handoff", Summary = "s" });
        var closed = await handoffs.TryCloseAsync(toClose.Id, toClose.Version);
        var open = await handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "open-handoff", Summary = "keep me" });

        // Yesterday: a recent conversation, and a handoff closed recently.
        clock.Now = now.AddDays(-1);
        await log.AppendAsync("recent", Message("r-1", "hi"));
        await storage.WriteAsync(new Dictionary<string, object> { ["directline/conversations/recent"] = new PocoItem() });
        clock.Now = now.AddDays(-100);
        await log.AppendAsync("recently-closed", Message("rc-1", "hi"));
        var rc = await handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "recently-closed", Summary = "recent" });
        clock.Now = now.AddDays(-2);
        await handoffs.TryCloseAsync(rc.Id, rc.Version);
        clock.Now = now;

        var result = await instance.Get<RetentionService>().RunOnceAsync(now);

        Assert.Equal(new RetentionResult(Conversations: 2, Activities: 4, StateItems: 3, HandoffsPurged: 1), result);
        Assert.Empty(await log.ReadAfterAsync("abandoned", 0, 10));
        Assert.Empty(await log.ReadAfterAsync("closed-handoff", 0, 10));
        Assert.Equal(2, (await log.ReadAfterAsync("open-handoff", 0, 10)).Count);
        Assert.Single(await log.ReadAfterAsync("recent", 0, 10));
        Assert.Single(await log.ReadAfterAsync("recently-closed", 0, 10));
        var state = await storage.ReadAsync([
            "directline/conversations/abandoned", "directline/conversations/closed-handoff", "directline/conversations/open-handoff",
            "directline/conversations/recent", "directline/users/old-user"]);
        Assert.Equal(["directline/conversations/open-handoff", "directline/conversations/recent"], state.Keys.Order());

        var purged = await handoffs.GetAsync(closed!.Id);
        Assert.True(purged!.PhiPurged);
        Assert.Null(purged.Summary);
        Assert.Equal(HandoffStatus.Closed, purged.Status);
        Assert.Equal("keep me", (await handoffs.GetAsync(open.Id))?.Summary);
        Assert.Equal("recent", (await handoffs.GetAsync(rc.Id))?.Summary);

        // Logged: counts that match, and no conversation ids.
        var entry = Assert.Single(instance.Logs.Entries, e => e.Category == typeof(RetentionService).FullName);
        Assert.Equal(2, entry.Values["Conversations"]);
        Assert.Equal(4, entry.Values["Activities"]);
        Assert.Equal(3, entry.Values["StateItems"]);
        Assert.Equal(1, entry.Values["Handoffs"]);
        Assert.DoesNotContain("abandoned", instance.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("closed-handoff", instance.Logs.AllText, StringComparison.Ordinal);
        Assert.Equal("retention.sweep", (await instance.Get<IAuditLog>().ListAsync())[0].Action);

        // Running again finds nothing more.
        Assert.Equal(0, (await instance.Get<RetentionService>().RunOnceAsync(now)).Total);
    }
}

public sealed class SqliteStorageContractTests(ITestOutputHelper output) : StorageContractTests(output)
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgresStorageContractTests(ITestOutputHelper output) : StorageContractTests(output)
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}

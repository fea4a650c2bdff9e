using System.Threading.Channels;
using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.LiveChat;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests;

/// <summary>
/// Two instances on one PostgreSQL database, as behind a load balancer: the person chats on one, the specialist's console
/// runs on the other, and each sees the other's messages within seconds (change notifications, not the periodic re-read).
/// </summary>
public sealed class LiveChatTwoInstanceTests
{
    private static readonly Specialist Sam = new("staff-sam", "Sam");

    [SkippableFact]
    public async Task A_person_on_one_instance_and_a_specialist_on_the_other_see_each_others_messages()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (client, connector, handoffs) = (instances.Client, instances.Connector, instances.Handoffs);
        var liveChat = instances.StaffSide.Services.GetRequiredService<ILiveChat>();

        // The website: the person's stream is on the first instance, the specialist writes on the second.
        var chat = await DirectLineChat.StartAsync(client);
        await using var stream = await chat.OpenStreamAsync();
        var ask = await chat.SayAsync("talk to a person");
        Assert.Equal(LiveChatMessages.Waiting, Replies.ContentIdOf(await chat.WaitForReplyToAsync(ask)));
        var handoff = (await handoffs.GetByConversationAsync(chat.ConversationId))!;
        Assert.NotNull(await handoffs.TryClaimAsync(handoff.Id, Sam.StaffId, handoff.Version));
        var seenByStaff = await WatchAsync(instances.StaffSide, chat.ConversationId);

        Assert.Equal(LiveChatOutcome.Done, await liveChat.JoinAsync(handoff.Id, Sam));
        Assert.Equal(LiveChatOutcome.Done, await liveChat.SendAsync(handoff.Id, Sam, "Hi, this is Sam from intake."));
        var pushed = await stream.WaitForAsync(r => r.Any(a => a.Text == "Hi, this is Sam from intake."), "the specialist's message", TimeSpan.FromSeconds(10));
        Assert.Equal("Sam (specialist)", pushed.Single(a => a.Text == "Hi, this is Sam from intake.").From.Name);

        await chat.SayAsync("Thanks Sam, evenings would suit me");
        Assert.Equal("Thanks Sam, evenings would suit me", (await seenByStaff(a => a.From?.Role == RoleTypes.User && a.Text?.StartsWith("Thanks Sam", StringComparison.Ordinal) == true)).Text);

        // The Bot Connector protocol: the reference stored by the first instance lets the second one reach the person.
        var conversationId = EmulatorActivities.NewConversationId();
        var message = EmulatorActivities.Message(conversationId, connector.ServiceUrl, "talk to a person");
        Assert.True((await client.PostAsync(message)).IsSuccessStatusCode);
        var emulatorHandoff = (await handoffs.GetByConversationAsync(conversationId))!;
        Assert.NotNull(await handoffs.TryClaimAsync(emulatorHandoff.Id, Sam.StaffId, emulatorHandoff.Version));
        Assert.Equal(LiveChatOutcome.Done, await liveChat.JoinAsync(emulatorHandoff.Id, Sam));
        Assert.Equal(LiveChatOutcome.Done, await liveChat.SendAsync(emulatorHandoff.Id, Sam, "Hello from the other instance."));
        var received = await connector.WaitForAsync(a => a.Activity.Text == "Hello from the other instance.", TimeSpan.FromSeconds(10));
        Assert.Equal(conversationId, received.ConversationId);
        Assert.Equal("Sam (specialist)", received.Activity.From.Name);
    }

    [SkippableFact]
    public async Task A_claim_on_the_staff_instance_tells_people_waiting_on_the_other_their_new_place_once()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (client, connector, handoffs) = (instances.Client, instances.Connector, instances.Handoffs);
        var waiting = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var conversationId = EmulatorActivities.NewConversationId();
            var message = EmulatorActivities.Message(conversationId, connector.ServiceUrl, "talk to a person");
            Assert.True((await client.PostAsync(message)).IsSuccessStatusCode);
            waiting.Add(conversationId);
        }

        var first = (await handoffs.GetByConversationAsync(waiting[0]))!;
        Assert.NotNull(await handoffs.TryClaimAsync(first.Id, Sam.StaffId, first.Version));

        // Updates go out one at a time in queue order: once the third person has theirs, the second's is long sent.
        var third = await connector.WaitForAsync(a => a.ContentId == LiveChatMessages.PlaceUpdate && a.ConversationId == waiting[2], TimeSpan.FromSeconds(10));
        Assert.Contains("number 2 ", third.Activity.Text, StringComparison.Ordinal);
        var second = Assert.Single(connector.All, a => a.ContentId == LiveChatMessages.PlaceUpdate && a.ConversationId == waiting[1]);
        Assert.Contains("number 1 ", second.Activity.Text, StringComparison.Ordinal);
        Assert.Single(connector.All, a => a.ContentId == LiveChatMessages.PlaceUpdate && a.ConversationId == waiting[2]);
        Assert.DoesNotContain(connector.All, a => a.ContentId == LiveChatMessages.PlaceUpdate && a.ConversationId == waiting[0]);
    }

    /// <summary>
    /// Two service instances in office hours on one fresh PostgreSQL schema: the person's side (with a loopback client) and
    /// the staff side (whose handoff store the tests read), and a fake Bot Connector for the Emulator's channel.
    /// </summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private PostgresSchema _schema = null!;
        private BotService _personSide = null!;

        public BotService StaffSide { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public FakeBotConnector Connector { get; private set; } = null!;

        public IHandoffStore Handoffs => StaffSide.Services.GetRequiredService<IHandoffStore>();

        public static async Task<TwoInstances> StartAsync()
        {
            var instances = new TwoInstances { _schema = await PostgresSchema.CreateAsync() };
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = instances._schema.ConnectionString,
            };
            static void OfficeHours(IServiceCollection services) => services.AddSingleton<TimeProvider>(new ClinicClock(ClinicClock.OfficeHours));
            instances._personSide = new BotService(settings, configureServices: OfficeHours);
            instances.StaffSide = new BotService(settings, configureServices: OfficeHours);
            instances.Client = instances._personSide.CreateLoopbackClient();
            instances.Connector = await FakeBotConnector.StartAsync();
            return instances;
        }

        public async ValueTask DisposeAsync()
        {
            await Connector.DisposeAsync();
            Client.Dispose();
            await StaffSide.DisposeAsync();
            await _personSide.DisposeAsync();
            await _schema.DisposeAsync();
        }
    }

    /// <summary>What the staff instance learns of a conversation through change notifications, read from its own log.</summary>
    private static async Task<Func<Func<Activity, bool>, Task<Activity>>> WatchAsync(BotService instance, string conversationId)
    {
        var changes = Channel.CreateUnbounded<StorageChange>();
        var subscription = await instance.Services.GetRequiredService<IActivityNotifications>()
            .SubscribeAsync(conversationId, change => changes.Writer.TryWrite(change));
        var log = instance.Services.GetRequiredService<IActivityLog>();
        return async match =>
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var all = await log.ReadAfterAsync(conversationId, 0, 1000);
                if (all.Select(l => l.Activity).FirstOrDefault(match) is { } found)
                {
                    subscription.Dispose();
                    return found;
                }

                await changes.Reader.ReadAsync(deadline.Token); // woken by a notification, or fails at the deadline
            }
        };
    }
}

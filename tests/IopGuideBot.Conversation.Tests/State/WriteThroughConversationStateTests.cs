using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Conversation.Tests.State;

/// <summary>
/// The conversation state the service runs with: it keeps the SDK's loading, accessors and storage keys and only drops
/// the change hash, so what a turn sets is what the next turn reads.
/// </summary>
public sealed class WriteThroughConversationStateTests
{
    private static readonly TestAdapter Adapter = new(TestAdapter.CreateConversation("write-through", "user1", "bot"));

    private static TurnContext Turn()
    {
        var activity = Adapter.MakeActivity("hi");
        activity.ChannelId = "test";
        return new TurnContext(Adapter, activity);
    }

    [Fact]
    public async Task What_a_turn_sets_the_next_turn_reads()
    {
        var storage = new CountingStorage();
        var state = new WriteThroughConversationState(storage);
        var step = state.CreateProperty<int>("step");

        using (var first = Turn())
        {
            Assert.Equal(0, await step.GetAsync(first, () => 0));
            await step.SetAsync(first, 3);
            await state.SaveChangesAsync(first);
        }

        using var second = Turn();
        Assert.Equal(3, await step.GetAsync(second, () => 0));
        Assert.Equal(1, storage.Writes);
    }

    [Fact]
    public async Task The_loaded_state_is_where_the_SDK_and_its_accessors_look_for_it()
    {
        var state = new WriteThroughConversationState(new MemoryStorage());
        using var turn = Turn();

        await state.LoadAsync(turn);

        Assert.NotNull(state.GetCachedState(turn));
        Assert.Same(state.GetCachedState(turn), turn.TurnState[WriteThroughConversationState.TurnStateKey]);
    }

    [Fact]
    public async Task A_turn_that_never_loaded_the_state_writes_nothing()
    {
        var storage = new CountingStorage();
        var state = new WriteThroughConversationState(storage);
        using var turn = Turn();

        await state.SaveChangesAsync(turn);

        Assert.Equal(0, storage.Writes);
    }

    [Fact]
    public async Task A_state_stored_as_a_JSON_object_loads_as_a_dictionary()
    {
        var storage = new CountingStorage();
        var state = new WriteThroughConversationState(storage);
        using var turn = Turn();
        storage.Items[$"{turn.Activity.ChannelId}/conversations/{turn.Activity.Conversation.Id}"] = new JObject { ["step"] = 2 };

        Assert.Equal(2, await state.CreateProperty<int>("step").GetAsync(turn, () => 0));
    }

    [Fact]
    public async Task Loading_again_without_force_keeps_what_the_turn_changed()
    {
        var state = new WriteThroughConversationState(new MemoryStorage());
        var step = state.CreateProperty<int>("step");
        using var turn = Turn();
        await step.SetAsync(turn, 5);

        await state.LoadAsync(turn);

        Assert.Equal(5, await step.GetAsync(turn, () => 0));
    }

    [Fact]
    public async Task The_real_bot_behind_safety_writes_a_message_turns_state_once_and_the_next_turn_reads_it()
    {
        var storage = new WriteCountingStorage();
        await using var bot = new BotHarness(storage: storage);

        // Each message passes the safety middleware, which changes the safety state before handing the turn to the bot;
        // the bot's end-of-turn save holds that change, so the state is written once per turn (it was twice).
        var menu = await bot.SayAsync("menu");
        Assert.Equal(1, storage.Writes);
        var right = await bot.SayAsync("Is an IOP right for me?");
        Assert.Equal(2, storage.Writes);
        Assert.NotEmpty(menu);
        Assert.NotEmpty(right);

        // A crisis answered by the middleware alone is still saved: the next turn is the safety check's answer.
        await bot.SayAsync("i took all my pills an hour ago");
        Assert.True((await bot.StateAsync<Conversation.Safety.SafetyState>(Conversation.Safety.SafetyState.PropertyName)).AwaitingSafetyCheck);
        Assert.Equal(3, storage.Writes);
    }

    /// <summary>Bot Builder's MemoryStorage, counting the writes that reach it.</summary>
    private sealed class WriteCountingStorage : IStorage
    {
        private readonly MemoryStorage _inner = new();

        public int Writes { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            return _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }

    /// <summary>A dictionary store that counts writes and hands out what was put in it.</summary>
    private sealed class CountingStorage : IStorage
    {
        public Dictionary<string, object> Items { get; } = [];

        public int Writes { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Task.FromResult<IDictionary<string, object>>(keys.Where(Items.ContainsKey).ToDictionary(k => k, k => Items[k]));

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            foreach (var (key, value) in changes)
            {
                Items[key] = value;
            }

            return Task.CompletedTask;
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            foreach (var key in keys)
            {
                Items.Remove(key);
            }

            return Task.CompletedTask;
        }
    }
}

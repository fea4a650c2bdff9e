using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Conversation;

/// <summary>
/// Conversation state that saves whatever a turn loaded, without Bot Builder's change check. The SDK finds out whether a
/// state changed by serialising all of it to JSON three times a turn (when it is loaded, before it is saved, and again
/// after the save), on top of the storage's own serialisation; a turn almost always changes it (the dialog moves on a step,
/// a prompt is asked), so the check cost more than the rare write it saved (the eighth pass's profile had the hashes
/// at ~5 % of a turn's CPU; see BENCHMARKS.md). Loading, the property accessors, clearing and deleting are the SDK's:
/// the loaded state sits in the turn under the SDK's own key, so <see cref="BotState.GetCachedState"/> finds it.
/// </summary>
/// <remarks>
/// A turn that saves twice writes twice; with the storage's ETag check each write is still safe (the first write gives
/// the state its new ETag). A state the turn never loaded is not written, as before.
/// </remarks>
public sealed class WriteThroughConversationState(IStorage storage) : ConversationState(storage)
{
    /// <summary>The key <see cref="ConversationState"/> keeps its loaded state under in the turn (the SDK's <c>nameof</c>).</summary>
    internal const string TurnStateKey = nameof(ConversationState);

    private const string SavesKey = "WriteThroughConversationState.Saves";

    private readonly IStorage _storage = storage;

    /// <summary>
    /// How many times this turn has written the conversation state so far (0 while nothing has; a
    /// <see cref="ConversationState"/> of another kind does not count, so it stays 0). Lets a middleware that changed the
    /// state before handing the turn on tell whether the bot's own end-of-turn save already wrote that change.
    /// </summary>
    public static int SavesIn(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(SavesKey, out var saves) && saves is int count ? count : 0;
    }

    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && GetCachedState(turnContext)?.State is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        items.TryGetValue(key, out var value);
        var state = value switch
        {
            IDictionary<string, object> dictionary => dictionary,
            JObject json => json.ToObject<IDictionary<string, object>>()!,
            null => new Dictionary<string, object>(),
            _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
        };

        // Built empty (the SDK hashes what the constructor gets: "{}" costs nothing), then given the loaded state.
        turnContext.TurnState[TurnStateKey] = new CachedBotState(new Dictionary<string, object>()) { State = state };
    }

    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (GetCachedState(turnContext) is not { State: { } state })
        {
            return;
        }

        await _storage.WriteAsync(new Dictionary<string, object> { [GetStorageKey(turnContext)] = state }, cancellationToken)
            .ConfigureAwait(false);
        turnContext.TurnState[SavesKey] = SavesIn(turnContext) + 1;
    }
}

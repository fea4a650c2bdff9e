using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace IopGuideBot.Dialogs.Tests;

/// <summary>Runs a root dialog the way the host does: RunAsync, then save the conversation state.</summary>
internal sealed class DialogTestHarness
{
    public DialogTestHarness(Dialog root, IStorage? storage = null, string channelId = "test", string? locale = null)
    {
        Root = root;
        Storage = storage ?? new MemoryStorage();
        Adapter = new TestAdapter(channelId) { Locale = locale ?? "en-us" };
        ConversationState = new ConversationState(Storage);
        Accessor = ConversationState.CreateProperty<DialogState>(nameof(DialogState));
    }

    public Dialog Root { get; }

    public IStorage Storage { get; }

    public TestAdapter Adapter { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> Accessor { get; }

    public List<DialogTurnResult> Results { get; } = [];

    public TestFlow Flow() => new(Adapter, async (turnContext, ct) =>
    {
        Results.Add(await Root.RunAsync(turnContext, Accessor, ct));
        await ConversationState.SaveChangesAsync(turnContext, force: false, ct);
    });

    /// <summary>A new adapter and conversation state over the same storage, as after a process restart.</summary>
    public DialogTestHarness Restart(Dialog? root = null) => new(root ?? Root, Storage, Adapter.Conversation.ChannelId, Adapter.Locale)
    {
        Adapter = { Conversation = Adapter.Conversation },
    };
}

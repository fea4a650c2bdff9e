using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Safety;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// The composition users meet, in memory: the real <see cref="ClinicBot"/> and its dialogs with the real
/// <see cref="SafetyMiddleware"/> in front, wired by the same extension methods as the host, over MemoryStorage and
/// Bot Builder's TestAdapter. Each <see cref="NewConversation"/> is a fresh conversation on the same services.
/// </summary>
internal sealed class ComposedBot : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBot _bot;
    private readonly SafetyMiddleware _safety;
    private int _conversations;

    public ComposedBot()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Directory"] = ContentPaths.Content })
            .Build();
        _services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IStorage, MemoryStorage>()
            .AddClinicConversation(configuration)
            .AddSharedUnderstanding()
            .AddSafetyAndTriage()
            .AddSingleton<IopGuideBot.Conversation.Handoff.IHandoffStore>(new IopGuideBot.Conversation.Tests.MemoryHandoffStore())
            .BuildServiceProvider(validateScopes: true);
        _bot = _services.GetRequiredService<IBot>();
        _safety = _services.GetRequiredService<SafetyMiddleware>();
        Content = _services.GetRequiredService<ClinicContent>();
    }

    public ClinicContent Content { get; }

    public IServiceProvider Services => _services;

    /// <summary>A new conversation with its own state.</summary>
    public Conversation NewConversation()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation($"composed-{Interlocked.Increment(ref _conversations)}", "user1", "bot"));
        adapter.Use(_safety);
        return new Conversation(adapter, _bot);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    internal sealed class Conversation(TestAdapter adapter, IBot bot)
    {
        public async Task<IReadOnlyList<Activity>> SayAsync(string text)
        {
            await adapter.ProcessActivityAsync(adapter.MakeActivity(text), bot.OnTurnAsync, CancellationToken.None);
            var replies = new List<Activity>();
            while (adapter.GetNextReply() is Activity reply)
            {
                replies.Add(reply);
            }

            return replies;
        }
    }
}

using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using IopGuideBot.Storage.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// Opens the storage a service process used, from the test, with the same settings (and so the same key ring), to
/// check what the service durably recorded.
/// </summary>
public sealed class OfflineStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OfflineStorage(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddBotStorage(configuration)
            .BuildServiceProvider();
    }

    public IActivityLog ActivityLog => _services.GetRequiredService<IActivityLog>();

    public IHandoffStore Handoffs => _services.GetRequiredService<IHandoffStore>();

    public StorageDatabase Database => _services.GetRequiredService<StorageDatabase>();

    public async Task<IReadOnlyList<LoggedActivity>> ReadAllAsync(string conversationId)
    {
        var all = new List<LoggedActivity>();
        while (true)
        {
            var page = await ActivityLog.ReadAfterAsync(conversationId, all.Count == 0 ? 0 : all[^1].Sequence, 500);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

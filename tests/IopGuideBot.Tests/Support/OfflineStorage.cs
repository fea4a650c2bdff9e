using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using IopGuideBot.Storage.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// Opens the storage a service process used, from the test, with the same settings (and so the same key ring), to
/// check what the service durably recorded.
/// </summary>
public sealed class OfflineStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="keyRingCertificate">The certificate the service's key ring is encrypted to; null opens it without one.</param>
    public OfflineStorage(IDictionary<string, string?> settings, string? keyRingCertificate = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddBotStorage(configuration);
        if (keyRingCertificate is not null)
        {
            services.AddDataProtection().ProtectKeyRingWith(new KeyRingOptions { CertificatePath = keyRingCertificate }, createIfMissing: false);
        }

        _services = services.BuildServiceProvider();
    }

    /// <summary>The storage of a service started with the tests' shared key-ring certificate.</summary>
    public static OfflineStorage WithTestKeyRing(IDictionary<string, string?> settings) => new(settings, TestKeyRing.CertificatePath);

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

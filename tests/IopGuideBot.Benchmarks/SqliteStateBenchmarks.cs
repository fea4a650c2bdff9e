using BenchmarkDotNet.Attributes;
using IopGuideBot.Storage;
using IopGuideBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// One conversation state saved and loaded again through <see cref="IStorage"/> on SQLite (the service's default):
/// serialise, encrypt, upsert with the ETag check, commit with synchronous=FULL (one fsync), then select, decrypt and
/// deserialise. A fresh database in a temporary directory.
/// dotnet tests/IopGuideBot.Benchmarks/bin/Release/net10.0/IopGuideBot.Benchmarks.dll --filter '*SqliteStateBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class SqliteStateBenchmarks
{
    private ServiceProvider _services = null!;
    private IStorage _storage = null!;
    private string _directory = "";
    private readonly string[] _keys = ["directline/conversations/benchmark"];
    private Dictionary<string, object> _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("iopguidebot-state-bench-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _directory })
            .Build();
        _services = new ServiceCollection().AddLogging().AddBotStorage(configuration).BuildServiceProvider();
        _services.GetRequiredService<StorageDatabase>().MigrateAsync().GetAwaiter().GetResult();
        // As the service's start-up does: the first key of the key ring is created (and stored) before any write
        // transaction needs it.
        _services.GetRequiredService<IDataProtectionProvider>().CreateProtector("benchmark").Protect([0]);
        _storage = _services.GetRequiredService<IStorage>();

        // About the size of a conversation in the questionnaire: the dialog stack and a dozen answers.
        _state = new Dictionary<string, object>
        {
            ["DialogState"] = new Dictionary<string, object>
            {
                ["dialogStack"] = new List<object>
                {
                    new Dictionary<string, object> { ["id"] = "root", ["state"] = new Dictionary<string, object> { ["stepIndex"] = 2 } },
                    new Dictionary<string, object> { ["id"] = "triage", ["state"] = new Dictionary<string, object> { ["stepIndex"] = 7, ["values"] = Answers() } },
                },
            },
            ["ConversationFlags"] = new Dictionary<string, object> { ["inquiryFor"] = "Self", ["crisis"] = false, ["turns"] = 12 },
        };
        _storage.WriteAsync(new Dictionary<string, object> { [_keys[0]] = _state }).GetAwaiter().GetResult();
    }

    private static Dictionary<string, object> Answers() =>
        Enumerable.Range(1, 12).ToDictionary(i => $"q{i}", i => (object)$"answer {i}: choice-{i % 4}");

    [GlobalCleanup]
    public void Cleanup()
    {
        // The database is IAsyncDisposable only (it releases the pooled connections that keep the file open).
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public async Task<int> SaveThenLoad()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { [_keys[0]] = _state });
        var read = await _storage.ReadAsync(_keys);
        return read.Count;
    }

    [Benchmark]
    public async Task<int> Load()
    {
        var read = await _storage.ReadAsync(_keys);
        return read.Count;
    }
}

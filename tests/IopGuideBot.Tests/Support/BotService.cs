using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// The real service, started in-process on a real loopback port (Kestrel, not the in-memory test server), with its own
/// temporary data directory.
/// </summary>
public sealed class BotService : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="configureServices">Replaces services after the service's own registrations (e.g. the clock).</param>
    public BotService(IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? configureServices = null)
    {
        ExampleEmbeddingCache.EnsureBuilt();
        _configureServices = configureServices;
        DataDirectory = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["KeyRing:CertificatePath"] = TestKeyRing.CertificatePath,
            // Every service in the run shares one cache of example embeddings, so only the first encodes them.
            ["Understanding:CacheDirectory"] = SharedEmbeddingCache,
            // A typed message always gets the whole cascade, however loaded the machine running the tests is (the service
            // answers from the fast classifier alone after 10 s, which would make a test's answer depend on timing).
            ["Understanding:MatcherWaitLimit"] = "00:05:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _environment = environment;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    /// <summary>Where the services of a test run keep the content's example embeddings (content, never user text).</summary>
    public static string SharedEmbeddingCache { get; } = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", "example-embeddings");

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    // A deadline, not a delay: a first turn (models warming up) can take tens of seconds while other test assemblies
    // load the same 2-core machine.
    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    private bool _keepData;

    /// <summary>Stops the service and flushes its logs, leaving the data directory for the test to inspect.</summary>
    public async Task DisposeAsyncKeepingData()
    {
        _keepData = true;
        await base.DisposeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a log file may still be closing.
        }
    }
}

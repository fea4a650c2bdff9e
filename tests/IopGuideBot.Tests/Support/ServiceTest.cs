namespace IopGuideBot.Tests.Support;

/// <summary>A test class with its own running service (fresh data directory) and an HTTP client for it.</summary>
public abstract class ServiceTest(IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null) : IAsyncLifetime
{
    protected BotService Service { get; } = new(settings, configureServices: configureServices);

    protected HttpClient Client { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Client = Service.CreateLoopbackClient();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }
}

using IopGuideBot.Dialogs;

namespace IopGuideBot.Hosting;

/// <summary>
/// Runs each Microsoft.Recognizers.Text model once while the service starts, so the first person to type a number, a
/// date or a phone number does not wait the half second or more their cold start costs (see the engine benchmarks).
/// </summary>
internal sealed class RecognizerWarmupService(ILogger<RecognizerWarmupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var elapsed = await RecognizerWarmup.RunAsync(cancellationToken);
        logger.LogInformation("Recognizers warmed in {ElapsedMs:0} ms", elapsed.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using IopGuideBot.Dialogs;

namespace IopGuideBot.Hosting;

/// <summary>
/// Runs each Microsoft.Recognizers.Text model once while the service starts, so the first person to type a number, a
/// date or a phone number does not wait the half second or more their cold start costs (see the engine benchmarks).
/// </summary>
/// <remarks>
/// In the background: the service listens and answers (the menu, buttons, questions) while the models warm, instead of
/// waiting 2–5 s for them before it listens (BENCHMARKS.md, start-up). Someone who types a date in those first seconds
/// pays the cold start once, as they would have without the warm-up.
/// </remarks>
internal sealed class RecognizerWarmupService(ILogger<RecognizerWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start
        try
        {
            var elapsed = await RecognizerWarmup.RunAsync(stoppingToken);
            logger.LogInformation("Recognizers warmed in {ElapsedMs:0} ms", elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the warm-up finished: nothing to warm for.
        }
    }
}

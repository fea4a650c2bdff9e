using System.Diagnostics;
using System.Runtime;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Dialogs;

namespace IopGuideBot.Hosting;

/// <summary>
/// What runs once the service listens: the Microsoft.Recognizers.Text models are warmed, so the first person to type a
/// number, a date or a phone number does not wait the half second or more their cold start costs (see the engine
/// benchmarks); once the semantic matcher is built too, the crisis lexicon's linear-time regexes are built; then
/// start-up's transient memory is given back to the system.
/// </summary>
/// <remarks>
/// In the background: the service listens and answers (the menu, buttons, questions) while the models warm, instead of
/// waiting 2–5 s for them before it listens (BENCHMARKS.md, start-up). Someone who types a date in those first seconds
/// pays the cold start once, as they would have without the warm-up.
/// The crisis lexicon starts on the regex interpreter (its ~300 patterns built in ~30 ms instead of ~1.8 s of CPU) and its
/// non-backtracking regexes, linear in the length of any text and ~4× faster per message, are built here, one after
/// another on this thread, so they do not compete with the first answers (<see cref="CrisisDetector.BuildLinearTimeRegexes"/>).
/// They come before the collection below, which gives back what building them left behind (after it, a restart's resident
/// set was ~80 MB larger).
/// Why one explicit collection: start-up reads the 90 MB sentence-encoder graph into a managed array (once for both
/// encoders; a copy nobody took is let go here, <see cref="SentenceEmbeddings.ForgetLeftoverGraph"/>), trains
/// or loads classifiers, and all of that is garbage once the service runs. It sits in the large
/// object heap until a full collection, which a lightly used service may not need for hours, so the process kept
/// ~200 MB it did not use (BENCHMARKS.md, memory). One aggressive, compacting collection after start-up returns it.
/// Before it, the model package's assembly pages (91 MB, read only to build the ONNX sessions) are given back too
/// (<see cref="SentenceEmbeddings.ReleaseModelImagePages"/>).
/// </remarks>
// The matcher is resolved, not injected: the host builds every hosted service before it starts any, and injecting it would
// load the sentence embedding model (1.2-1.4 s) then, alone on the host's thread, before the content and crisis loads that
// run beside it from their StartingAsync.
internal sealed partial class AfterStartupWork(IServiceProvider services, ILogger<AfterStartupWork> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start
        try
        {
            var elapsed = await RecognizerWarmup.RunAsync(stoppingToken);
            LogRecognizersWarmed(logger, elapsed.TotalMilliseconds);
            var matcher = services.GetRequiredService<SemanticMatcher>();
            await matcher.WhenReady.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // a failed build is logged by the matcher
            stoppingToken.ThrowIfCancellationRequested();
            var lexicon = Stopwatch.StartNew();
            var built = CrisisDetector.BuildLinearTimeRegexes();
            LogLexiconLinearTime(logger, built, lexicon.Elapsed.TotalMilliseconds);
            stoppingToken.ThrowIfCancellationRequested();
            ReleaseStartupMemory();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the work finished: nothing to warm or release for.
        }
    }

    private void ReleaseStartupMemory()
    {
        var before = Environment.WorkingSet;
        var modelImage = SentenceEmbeddings.ReleaseModelImagePages(); // every session over the graph is built by now
        SentenceEmbeddings.ForgetLeftoverGraph();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LogStartupMemoryReleased(logger, before >> 20, Environment.WorkingSet >> 20, GC.GetTotalMemory(false) >> 20, modelImage >> 20);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognizers warmed in {ElapsedMs:0} ms")]
    private static partial void LogRecognizersWarmed(ILogger logger, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crisis lexicon's linear-time regexes built: {Built} in {ElapsedMs:0} ms")]
    private static partial void LogLexiconLinearTime(ILogger logger, int built, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up memory released: working set {BeforeMb} MB → {AfterMb} MB (managed heap {ManagedMb} MB; model assembly pages advised {ModelImageMb} MB)")]
    private static partial void LogStartupMemoryReleased(ILogger logger, long beforeMb, long afterMb, long managedMb, long modelImageMb);
}

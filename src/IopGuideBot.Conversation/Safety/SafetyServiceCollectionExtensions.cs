using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation.Safety;

public static partial class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the crisis detector with both of its signals — the lexicon and the semantic signal over the shared
    /// <see cref="SentenceEmbeddings"/> and the committed model — (options from the <c>Safety</c> section), <see cref="SafetyMiddleware"/>,
    /// <see cref="TriageDialog"/> and the default sinks (logging alerts, an anonymous chat that nobody can call back).
    /// Needs <c>ClinicContent</c>, <c>ConversationState</c> and <c>CommandMatcher</c> registered (call after
    /// <c>AddClinicConversation</c>). Register your own <see cref="ISafetyAlertSink"/>, <see cref="ICrisisReachability"/> or
    /// <see cref="ITriageResultSink"/> before or after: the defaults are TryAdd. Then add the middleware to the adapter,
    /// first after the transcript logger. The dialog joins <c>MainDialog</c> by itself (registered as a <c>Dialog</c>).
    /// </summary>
    public static IServiceCollection AddSafetyAndTriage(this IServiceCollection services)
    {
        // The largest piece of start-up that needs no configuration: begin it while the host is still being built.
        _ = CrisisDetector.StartLoadingLexicon();
        services.AddOptions<SafetyOptions>()
            .BindConfiguration(SafetyOptions.SectionName)
            .Validate(o => o.MaxCheckedChars >= 200, "Safety:MaxCheckedChars must be at least 200.")
            .ValidateOnStart();
        services.TryAddSingleton(_ => CrisisSemanticModel.LoadEmbedded());
        services.TryAddSingleton(_ => CrisisEncoderBlend.LoadEmbedded());
        services.TryAddSingleton(sp => CrisisEncoder.LoadEmbedded(sp.GetRequiredService<IOptions<SemanticsOptions>>().Value.IntraOpThreads));
        services.TryAddSingleton<ICrisisSemanticSignal>(sp => new CrisisSemanticSignal(
            sp.GetRequiredService<SentenceEmbeddings>(),
            sp.GetRequiredService<CrisisSemanticModel>(),
            sp.GetRequiredService<CrisisEncoder>(),
            sp.GetRequiredService<CrisisEncoderBlend>()));
        services.TryAddSingleton(sp => new CrisisDetector(
            sp.GetRequiredService<ICrisisSemanticSignal>(),
            sp.GetRequiredService<IOptions<SafetyOptions>>().Value,
            sp.GetRequiredService<ILogger<CrisisDetector>>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISafetyAlertSink, LoggingSafetyAlertSink>();
        services.TryAddSingleton<ICrisisReachability, AnonymousChatReachability>();
        services.TryAddSingleton<ITriageResultSink, LoggingTriageResultSink>();
        services.TryAddSingleton<SafetyMiddleware>();
        services.TryAddSingleton<TriageDialog>();
        // MainDialog adds every registered Dialog; this is how "Is an IOP right for me?" finds "triage".
        services.AddSingleton<IopGuideBot.Dialogs.Dialog>(sp => sp.GetRequiredService<TriageDialog>());
        services.AddHostedService<CrisisCheckWarmup>();
        return services;
    }

    /// <summary>
    /// Loads the crisis model and runs one check when the host starts, so the semantic signal is on from the first message
    /// (a model that cannot load stops start-up rather than leaving the signal silently off) and nobody waits for it.
    /// Building the lexicon's rules (NonBacktracking regexes; begun at registration) and reading the model run from
    /// <see cref="StartingAsync"/>, which the host calls for every service before any <c>StartAsync</c>, so they run beside
    /// storage, content and the embedding model; <see cref="StartAsync"/> waits for them and runs the check before the
    /// service listens. The detector is resolved, not injected: the host builds every hosted service before starting any,
    /// and injecting it would load the embedding model then, alone.
    /// </summary>
    private sealed partial class CrisisCheckWarmup(IServiceProvider services, ILogger<CrisisCheckWarmup> logger) : IHostedLifecycleService
    {
        private Task _loading = Task.CompletedTask;

        public Task StartingAsync(CancellationToken cancellationToken)
        {
            _loading = Task.Run(
                () =>
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var lexicon = CrisisDetector.StartLoadingLexicon();
                    services.GetRequiredService<CrisisSemanticModel>();
                    services.GetRequiredService<CrisisEncoderBlend>();
                    var model = watch.Elapsed.TotalMilliseconds;
                    // After the sentence encoder (loading beside us, or done): its session leaves the graph's bytes for
                    // the crisis encoder to patch, one 90 MB read fewer (MiniLMPackageGraph).
                    services.GetRequiredService<SentenceEmbeddings>();
                    var encoderStart = watch.Elapsed.TotalMilliseconds;
                    services.GetRequiredService<CrisisEncoder>();
                    var encoder = watch.Elapsed.TotalMilliseconds - encoderStart;
                    lexicon.GetAwaiter().GetResult();
                    LogLoaded(logger, model, encoder, watch.Elapsed.TotalMilliseconds);
                },
                cancellationToken);
            return Task.CompletedTask;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await _loading.WaitAsync(cancellationToken);
            var detector = services.GetRequiredService<CrisisDetector>();
            if (!detector.HasSemanticSignal)
            {
                throw new InvalidOperationException("The crisis check has no semantic signal.");
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var assessment = detector.Assess("is this the right place to ask about the program");
            if (assessment.Signals.HasFlag(CrisisSignals.CheckFailed))
            {
                throw new InvalidOperationException("The crisis check fails at start-up.");
            }

            LogReady(logger, watch.Elapsed.TotalMilliseconds);
        }

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Crisis model read in {ModelMilliseconds:0} ms, tuned encoder in {EncoderMilliseconds:0} ms; models and lexicon rules ready in {Milliseconds:0} ms")]
        private static partial void LogLoaded(ILogger logger, double modelMilliseconds, double encoderMilliseconds, double milliseconds);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Crisis check ready: lexicon and semantic signal (first check {Milliseconds:0} ms)")]
        private static partial void LogReady(ILogger logger, double milliseconds);
    }
}

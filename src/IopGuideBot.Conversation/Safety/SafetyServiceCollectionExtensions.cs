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
        services.AddOptions<SafetyOptions>()
            .BindConfiguration(SafetyOptions.SectionName)
            .Validate(o => o.MaxCheckedChars >= 200, "Safety:MaxCheckedChars must be at least 200.")
            .ValidateOnStart();
        services.TryAddSingleton<ICrisisSemanticSignal>(sp =>
            new CrisisSemanticSignal(sp.GetRequiredService<SentenceEmbeddings>(), CrisisSemanticModel.LoadEmbedded()));
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
    /// The detector is resolved here rather than injected: the host builds every hosted service before starting any, and
    /// injecting it would load the embedding model then, alone, instead of beside storage and content (ContentWarmup).
    /// </summary>
    private sealed partial class CrisisCheckWarmup(IServiceProvider services, ILogger<CrisisCheckWarmup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
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
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Crisis check ready: lexicon and semantic signal (first check {Milliseconds:0} ms)")]
        private static partial void LogReady(ILogger logger, double milliseconds);
    }
}

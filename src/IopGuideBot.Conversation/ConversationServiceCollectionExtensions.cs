using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Conversation.Walkthroughs;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation;

public static partial class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The clinic's conversation: content (validated at start-up), the topic classifier (trained at start-up), the dialogs
    /// (walk-throughs and the callback request among them), conversation and user state, and <see cref="IBot"/> →
    /// <see cref="ClinicBot"/>. Needs an <see cref="IStorage"/> and an <see cref="IHandoffStore"/> registered elsewhere.
    /// Other dialogs registered as <see cref="IopGuideBot.Dialogs.Dialog"/> (e.g. triage) are added to <see cref="MainDialog"/>.
    /// </summary>
    public static IServiceCollection AddClinicConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.SectionName));
        services.AddOptions<UnderstandingOptions>()
            .Bind(configuration.GetSection(UnderstandingOptions.SectionName))
            .Validate(o => o.IsValid(), "Understanding: every threshold must be between 0 and 1.")
            .ValidateOnStart();

        services.AddSingleton(sp => ContentLoader.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolveDirectory()));
        services.AddSentenceEmbeddings(configuration);
        services.AddSingleton(sp => IntentExamples.From(sp.GetRequiredService<ClinicContent>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value;
            var classifier = IntentClassifier.LoadOrTrain(sp.GetRequiredService<IntentExamples>(), options.Seed, options.IntentClassifierCacheFile);
            LogClassifierReady(sp.GetRequiredService<ILoggerFactory>().CreateLogger<IntentClassifier>(), classifier.Intents.Count, classifier.FromCache ? "loaded from the cache file" : "trained", classifier.TrainingTime.TotalMilliseconds);
            return classifier;
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value;
            return new SemanticMatcher(
                sp.GetRequiredService<IntentExamples>(),
                sp.GetRequiredService<SentenceEmbeddings>(),
                options.EmbeddingCacheFile,
                sp.GetRequiredService<ILogger<SemanticMatcher>>(),
                options.Seed)
            {
                ClassifierCacheFile = options.MeaningClassifierCacheFile,
                BuildWaitLimit = options.MatcherWaitLimit,
            };
        });
        services.AddSingleton<MessageUnderstanding>();
        services.AddSingleton<Replies>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AnswerReader(sp.GetRequiredService<ClinicContent>().Section<AnswersContent>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QuestionReplies>();
        services.AddSingleton<IopGuideBot.Dialogs.Dialog, CallbackDialog>();
        services.AddSingleton<IopGuideBot.Dialogs.Dialog, IopWalkthroughDialog>();
        services.AddSingleton<IopGuideBot.Dialogs.Dialog, ComparisonDialog>();
        services.AddSingleton<CommandMatcher>();
        services.AddSingleton<TopicRouterDialog>();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<ConversationState>(sp => new WriteThroughConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<SafetyHold>();
        services.AddSingleton<LiveChatRequests>();
        services.AddSingleton<LiveChatTurns>();
        services.AddSingleton<UserState>();
        services.AddTransient<IBot, ClinicBot>();
        services.AddHostedService<ContentWarmup>();
        return services;
    }

    private static void LogClassifierReady(ILogger logger, int intents, string source, double milliseconds) =>
        logger.LogInformation("Intent classifier for {Intents} intents {Source} in {Milliseconds:0} ms", intents, source, milliseconds);

    /// <summary>
    /// Loads content, the fast classifier and the embedding model when the host starts, so bad content stops start-up
    /// with its errors and the first message does not pay for loading. The work starts in <see cref="StartingAsync"/>,
    /// which the host calls for every service before any <c>StartAsync</c>: it runs beside storage's migrations and key
    /// ring, and the embedding model loads beside content and the classifier; <see cref="StartAsync"/> waits for it, so
    /// Kestrel still listens only after content is valid. The semantic matcher's example vectors and classifier are then
    /// built in the background (from the cache files when they hold them); a message that needs them first waits.
    /// </summary>
    private sealed partial class ContentWarmup(IServiceProvider services, ILogger<ContentWarmup> logger) : IHostedLifecycleService
    {
        private Task _warming = Task.CompletedTask;

        public Task StartingAsync(CancellationToken cancellationToken)
        {
            _warming = Task.Run(() => WarmAsync(cancellationToken), cancellationToken);
            return Task.CompletedTask;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await _warming.WaitAsync(cancellationToken);
        }

        private async Task WarmAsync(CancellationToken cancellationToken)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            // Independent: the model is a file in a package; content, examples and the classifier depend on each other only.
            var model = Task.Run(() => services.GetRequiredService<SentenceEmbeddings>().Embed("hello", cancellationToken), cancellationToken);
            var classifier = Task.Run(services.GetRequiredService<IntentClassifier>, cancellationToken);
            await Task.WhenAll(model, classifier);
            _ = services.GetRequiredService<SemanticMatcher>().StartBuilding(); // its outcome is logged; Match waits for it
            services.GetRequiredService<MainDialog>();
            LogWarm(logger, watch.Elapsed.TotalMilliseconds);
        }

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Content, intent classifier and embedding model ready in {Milliseconds:0} ms")]
        private static partial void LogWarm(ILogger logger, double milliseconds);
    }
}

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

public static class ConversationServiceCollectionExtensions
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
            var classifier = IntentClassifier.Train(sp.GetRequiredService<IntentExamples>(), sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value.Seed);
            LogTrained(sp.GetRequiredService<ILoggerFactory>().CreateLogger<IntentClassifier>(), classifier.Intents.Count, classifier.TrainingTime.TotalMilliseconds);
            return classifier;
        });
        services.AddSingleton(sp => new SemanticMatcher(
            sp.GetRequiredService<IntentExamples>(),
            sp.GetRequiredService<SentenceEmbeddings>(),
            sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value.EmbeddingCacheFile,
            sp.GetRequiredService<ILogger<SemanticMatcher>>()));
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
        services.AddSingleton<ConversationState>();
        services.AddSingleton<SafetyHold>();
        services.AddSingleton<LiveChatRequests>();
        services.AddSingleton<LiveChatTurns>();
        services.AddSingleton<UserState>();
        services.AddTransient<IBot, ClinicBot>();
        services.AddHostedService<ContentWarmup>();
        return services;
    }

    private static void LogTrained(ILogger logger, int intents, double milliseconds) =>
        logger.LogInformation("Intent classifier trained on {Intents} intents in {Milliseconds:0} ms", intents, milliseconds);

    /// <summary>
    /// Loads content, trains the fast classifier and loads the embedding model when the host starts, so bad content stops
    /// start-up with its errors and the first message does not pay for loading. The semantic matcher's example vectors
    /// are built in the background (from the cache file when it has them): start-up does not wait for them, and until
    /// they are ready the fast classifier answers alone.
    /// </summary>
    private sealed class ContentWarmup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ClinicContent>();
            services.GetRequiredService<IntentClassifier>();
            services.GetRequiredService<SentenceEmbeddings>().Embed("hello", cancellationToken);
            services.GetRequiredService<SemanticMatcher>().StartBuilding();
            services.GetRequiredService<MainDialog>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

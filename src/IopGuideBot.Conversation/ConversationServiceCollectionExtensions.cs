using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The clinic's conversation: content (validated at start-up), the topic classifier (trained at start-up), the dialogs,
    /// conversation and user state, and <see cref="IBot"/> → <see cref="ClinicBot"/>. Needs an <see cref="IStorage"/>
    /// registered elsewhere. Other dialogs registered as <see cref="IopGuideBot.Dialogs.Dialog"/> (e.g. triage, handoff)
    /// are added to <see cref="MainDialog"/>.
    /// </summary>
    public static IServiceCollection AddClinicConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.SectionName));
        services.Configure<UnderstandingOptions>(configuration.GetSection(UnderstandingOptions.SectionName));

        services.AddSingleton(sp => ContentLoader.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolveDirectory()));
        services.AddSingleton(sp =>
        {
            var classifier = TopicClassifier.Train(sp.GetRequiredService<ClinicContent>(), sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value);
            LogTrained(sp.GetRequiredService<ILoggerFactory>().CreateLogger<TopicClassifier>(), classifier.TopicIds.Count, classifier.TrainingTime.TotalMilliseconds);
            return classifier;
        });
        services.AddSentenceEmbeddings(configuration);
        services.AddSingleton<Replies>();
        services.AddSingleton<CommandMatcher>();
        services.AddSingleton<TopicRouterDialog>();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddTransient<IBot, ClinicBot>();
        services.AddHostedService<ContentWarmup>();
        return services;
    }

    private static void LogTrained(ILogger logger, int topics, double milliseconds) =>
        logger.LogInformation("Topic classifier trained on {Topics} topics in {Milliseconds:0} ms", topics, milliseconds);

    /// <summary>
    /// Loads content, trains the classifier and loads the embedding model when the host starts, so bad content stops
    /// start-up with its errors and the first message does not pay for loading.
    /// </summary>
    private sealed class ContentWarmup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ClinicContent>();
            services.GetRequiredService<TopicClassifier>();
            services.GetRequiredService<SentenceEmbeddings>().Embed("hello");
            services.GetRequiredService<MainDialog>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

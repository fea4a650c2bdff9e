using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation.Semantics;

public static class SemanticsServiceCollectionExtensions
{
    /// <summary>One <see cref="SentenceEmbeddings"/> for the process (the model is loaded once), configured from the <c>Semantics</c> section.</summary>
    public static IServiceCollection AddSentenceEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SemanticsOptions>()
            .Bind(configuration.GetSection(SemanticsOptions.SectionName))
            .Validate(o => o.CacheEntries >= 0 && o.MaxInputChars >= 1 && o.IntraOpThreads >= 0, "Semantics: CacheEntries ≥ 0, MaxInputChars ≥ 1, IntraOpThreads ≥ 0.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var embeddings = new SentenceEmbeddings(sp.GetRequiredService<IOptions<SemanticsOptions>>().Value);
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<SentenceEmbeddings>()
                .LogInformation("Sentence embedding model loaded in {Milliseconds:0} ms", embeddings.LoadTime.TotalMilliseconds);
            return embeddings;
        });
        return services;
    }
}

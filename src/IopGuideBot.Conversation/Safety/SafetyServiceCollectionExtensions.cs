using IopGuideBot.Conversation.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation.Safety;

public static class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the crisis detector (options from the <c>Safety</c> section), <see cref="SafetyMiddleware"/>,
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
        services.TryAddSingleton(sp => new CrisisDetector(
            sp.GetService<ICrisisSemanticSignal>(),
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
        return services;
    }
}

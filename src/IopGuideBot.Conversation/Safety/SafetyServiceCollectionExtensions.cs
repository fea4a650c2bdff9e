using IopGuideBot.Conversation.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IopGuideBot.Conversation.Safety;

public static class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the crisis detector, <see cref="SafetyMiddleware"/>, <see cref="TriageDialog"/> and the default
    /// (logging) sinks. Needs <c>ClinicContent</c> and <c>ConversationState</c> registered. Register your own
    /// <see cref="ISafetyAlertSink"/> / <see cref="ITriageResultSink"/> before or after: the defaults are TryAdd.
    /// Then add the middleware to the adapter (<c>adapter.Use(sp.GetRequiredService&lt;SafetyMiddleware&gt;())</c>, first
    /// after the transcript logger) The dialog joins <c>MainDialog</c> by itself (registered as a <c>Dialog</c>). Call after <c>AddClinicConversation</c>.
    /// </summary>
    public static IServiceCollection AddSafetyAndTriage(this IServiceCollection services)
    {
        services.TryAddSingleton<CrisisDetector>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISafetyAlertSink, LoggingSafetyAlertSink>();
        services.TryAddSingleton<ITriageResultSink, LoggingTriageResultSink>();
        services.TryAddSingleton<SafetyMiddleware>();
        services.TryAddSingleton<TriageDialog>();
        // MainDialog adds every registered Dialog; this is how "Is an IOP right for me?" finds "triage".
        services.AddSingleton<IopGuideBot.Dialogs.Dialog>(sp => sp.GetRequiredService<TriageDialog>());
        return services;
    }
}

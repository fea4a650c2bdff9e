using IopGuideBot.Channels;
using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.LiveChat;
using IopGuideBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace IopGuideBot.Turns;

public static class TurnPipelineServiceCollectionExtensions
{
    /// <summary>
    /// The turn pipeline every adapter runs (they take <c>IEnumerable&lt;IMiddleware&gt;</c>, in this order):
    /// <list type="number">
    /// <item><see cref="ConversationTurnGate"/>: one turn at a time per conversation, replies held until the turn is saved,
    /// turn metrics and the "Turn failed" event;</item>
    /// <item>the log scope, so everything after it is correlated;</item>
    /// <item>the durable activity log, so an activity is on record before anything acts on it;</item>
    /// <item>the conversation's reference, so a specialist can write to the person later (<see cref="ConversationReferenceMiddleware"/>);</item>
    /// <item>Bot Framework's handoff protocol: <c>handoff.initiate</c> after a turn that started a handoff, <c>handoff.status</c> acted on (<see cref="HandoffProtocolMiddleware"/>);</item>
    /// <item><see cref="StateConflictRetryMiddleware"/>: a turn that lost a state race with another instance runs again;</item>
    /// <item>the crisis check, before any dialog.</item>
    /// </list>
    /// </summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<ClinicMetrics>();
        services.TryAddSingleton<ConversationRecovery>();
        services.AddSingleton<ConversationTurnGate>();
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<ConversationTurnGate>());
        services.AddSingleton<IMiddleware, ConversationLogScopeMiddleware>();
        services.AddSingleton<IMiddleware, ActivityLogMiddleware>();
        services.TryAddSingleton<ConversationReferences>();
        services.AddSingleton<IMiddleware, ConversationReferenceMiddleware>();
        services.AddSingleton<IMiddleware, HandoffProtocolMiddleware>();
        services.AddSingleton<IMiddleware, StateConflictRetryMiddleware>();
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<SafetyMiddleware>());
        return services;
    }
}

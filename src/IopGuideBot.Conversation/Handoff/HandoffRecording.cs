using System.Text.Json;
using System.Text.Json.Serialization;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Handoff;

public static class HandoffRecordingServiceCollectionExtensions
{
    /// <summary>
    /// Safety alerts and finished questionnaires become the conversation's durable handoff record (an
    /// <see cref="IHandoffStore"/> must be registered), which is what staff work from; the callback request writes it
    /// itself. Replaces the conversation layer's logging-only defaults.
    /// </summary>
    public static IServiceCollection AddHandoffRecording(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ClinicMetrics>();
        services.Replace(ServiceDescriptor.Singleton<ISafetyAlertSink, HandoffSafetyAlertSink>());
        services.Replace(ServiceDescriptor.Singleton<ITriageResultSink, HandoffTriageResultSink>());
        services.Replace(ServiceDescriptor.Singleton<ICrisisReachability, HandoffContactReachability>());
        return services;
    }
}

/// <summary>
/// A crisis flags the conversation's handoff <see cref="HandoffUrgency.Urgent"/> and adds the risk flag; what the
/// record already holds (answers, contact) is kept.
/// </summary>
internal sealed class HandoffSafetyAlertSink(IHandoffStore handoffs, ClinicMetrics metrics, ILogger<HandoffSafetyAlertSink> logger) : ISafetyAlertSink
{
    public async Task RaiseAsync(SafetyAlert alert, CancellationToken cancellationToken)
    {
        metrics.CrisisDetected(RiskFlags.For(alert.Category));
        var open = await HandoffRequests.OpenAsync(handoffs, alert.ConversationId, cancellationToken);
        var flags = new SortedSet<string>(open?.RiskFlags ?? [], StringComparer.Ordinal) { RiskFlags.For(alert.Category) };
        if (alert.Signal == SafetySignal.ConfirmedNotSafe)
        {
            flags.Add(RiskFlags.NotSafe);
        }

        await handoffs.CreateOrUpdateAsync(
            HandoffRequests.From(open, alert.ConversationId) with { Urgency = HandoffUrgency.Urgent, RiskFlags = [.. flags] },
            CancellationToken.None);
        logger.LogWarning(
            "Handoff flagged urgent ({Category}, {Signal}) for conversation {ConversationHash}",
            alert.Category, alert.Signal, LogIds.Hash(alert.ConversationId));
    }
}

/// <summary>
/// A finished questionnaire fills the handoff: who it is for, the outcome and urgency, every answer, and — only with
/// consent — how to reach the person (contact details given earlier are kept). A crisis flag raised earlier keeps the
/// record urgent.
/// </summary>
internal sealed class HandoffTriageResultSink(IHandoffStore handoffs, ILogger<HandoffTriageResultSink> logger) : ITriageResultSink
{
    private static readonly JsonSerializerOptions AnswersJson = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task SubmitAsync(TriageResult result, CancellationToken cancellationToken)
    {
        var open = await HandoffRequests.OpenAsync(handoffs, result.ConversationId, cancellationToken);
        var urgency = result.Urgency;
        if (open is not null && open.Urgency < urgency)
        {
            urgency = open.Urgency; // never downgrade what a crisis (or staff) set
        }

        var flags = new SortedSet<string>(open?.RiskFlags ?? [], StringComparer.Ordinal);
        flags.UnionWith(result.Reasons.Select(RiskFlags.ForTriageRule));

        await handoffs.CreateOrUpdateAsync(
            HandoffRequests.From(open, result.ConversationId) with
            {
                Urgency = urgency,
                ForWhom = result.ForWhom,
                RiskFlags = [.. flags],
                Summary = $"Triage: {result.Outcome}, urgency {result.Urgency}, for {result.ForWhom}"
                          + (result.Reasons.Count > 0 ? $"; reasons: {string.Join(", ", result.Reasons)}" : ""),
                TriageAnswersJson = JsonSerializer.Serialize(
                    new { result.CompletedAt, result.Outcome, result.Urgency, result.ForWhom, result.Reasons, result.Answers }, AnswersJson),
                Contact = result.ContactConsent && result.Contact is not null ? result.Contact : open?.Contact,
            },
            CancellationToken.None);
        logger.LogInformation(
            "Triage recorded for conversation {ConversationHash}: {Outcome}, {Urgency}, {AnswerCount} answers, contact {HasContact}",
            LogIds.Hash(result.ConversationId), result.Outcome, result.Urgency, result.Answers.Count, result.ContactConsent);
    }
}

/// <summary>
/// The team can reach the person when their open handoff holds a phone number or e-mail address they gave, or a
/// specialist is with them in the chat; only then does the crisis reply say someone will reach out.
/// </summary>
internal sealed class HandoffContactReachability(IHandoffStore handoffs) : ICrisisReachability
{
    public async Task<bool> CanReachAsync(string conversationId, CancellationToken cancellationToken)
    {
        var handoff = await handoffs.GetByConversationAsync(conversationId, cancellationToken);
        return handoff is { Status: not HandoffStatus.Closed }
            && (handoff.Status == HandoffStatus.Live
                || !string.IsNullOrEmpty(handoff.Contact?.Phone)
                || !string.IsNullOrEmpty(handoff.Contact?.Email));
    }
}

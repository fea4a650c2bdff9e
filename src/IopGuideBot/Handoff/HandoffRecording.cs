using IopGuideBot.Conversation.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.Dialogs;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IopGuideBot.Handoff;

public static class HandoffRecordingServiceCollectionExtensions
{
    /// <summary>
    /// Safety alerts, finished questionnaires and requests for a person become the conversation's durable handoff record
    /// (encrypted by storage), which is what staff work from. Replaces the conversation layer's logging-only defaults.
    /// </summary>
    public static IServiceCollection AddHandoffRecording(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ISafetyAlertSink, HandoffSafetyAlertSink>());
        services.Replace(ServiceDescriptor.Singleton<ITriageResultSink, HandoffTriageResultSink>());
        services.AddSingleton<Dialog, PersonRequestDialog>();
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
/// consent — how to reach the person. A crisis flag raised earlier keeps the record urgent.
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
                Contact = result.ContactConsent ? result.Contact : null,
            },
            CancellationToken.None);
        logger.LogInformation(
            "Triage recorded for conversation {ConversationHash}: {Outcome}, {Urgency}, {AnswerCount} answers, contact {HasContact}",
            LogIds.Hash(result.ConversationId), result.Outcome, result.Urgency, result.Answers.Count, result.ContactConsent);
    }
}

internal static class HandoffRequests
{
    public static async Task<HandoffRecord?> OpenAsync(IHandoffStore handoffs, string conversationId, CancellationToken cancellationToken)
    {
        var record = await handoffs.GetByConversationAsync(conversationId, cancellationToken);
        return record is { IsOpen: true } ? record : null;
    }

    /// <summary>A request that keeps everything the open record holds (CreateOrUpdate replaces these fields).</summary>
    public static HandoffRequest From(HandoffRecord? open, string conversationId) => new()
    {
        ConversationId = conversationId,
        Urgency = open?.Urgency ?? HandoffUrgency.Routine,
        ForWhom = open?.ForWhom ?? InquiryFor.Unknown,
        RiskFlags = open?.RiskFlags ?? [],
        Summary = open?.Summary,
        TriageAnswersJson = open?.TriageAnswersJson,
        Contact = open?.Contact,
    };
}

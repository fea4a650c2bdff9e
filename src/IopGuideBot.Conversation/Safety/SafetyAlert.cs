using IopGuideBot.Conversation.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Safety;

public enum SafetySignal
{
    /// <summary>A crisis category was detected for the first time in this conversation.</summary>
    Detected,
    /// <summary>The person answered "Are you safe right now?" with no.</summary>
    ConfirmedNotSafe,
    /// <summary>After taking an earlier crisis message back, the person disclosed again.</summary>
    DisclosedAgain,
}

/// <summary>Tells staff a conversation is urgent. Holds no message text: only what, when and which conversation.</summary>
public sealed record SafetyAlert(string ConversationId, CrisisCategory Category, DateTimeOffset DetectedAt, SafetySignal Signal = SafetySignal.Detected);

/// <summary>Where urgent flags go: the host's durable handoff record; <see cref="LoggingSafetyAlertSink"/> is the default.</summary>
public interface ISafetyAlertSink
{
    Task RaiseAsync(SafetyAlert alert, CancellationToken cancellationToken);
}

/// <summary>Default sink: logs the category and a hash of the conversation id, never the message or the raw id.</summary>
public sealed partial class LoggingSafetyAlertSink(ILogger<LoggingSafetyAlertSink> logger) : ISafetyAlertSink
{
    public Task RaiseAsync(SafetyAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        LogAlert(logger, alert.Category, alert.Signal, LogIds.Hash(alert.ConversationId));
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Safety alert {Category} ({Signal}) in conversation {ConversationHash}")]
    private static partial void LogAlert(ILogger logger, CrisisCategory category, SafetySignal signal, string conversationHash);
}

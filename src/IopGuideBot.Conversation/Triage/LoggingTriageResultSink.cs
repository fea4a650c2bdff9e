using IopGuideBot.Conversation.Handoff;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Triage;

/// <summary>Default sink until storage is wired: logs counts only (outcome, urgency, how many answers, consent), never answers or contact details.</summary>
public sealed partial class LoggingTriageResultSink(ILogger<LoggingTriageResultSink> logger) : ITriageResultSink
{
    public Task SubmitAsync(TriageResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        Log(logger, result.Outcome, result.Urgency, result.Answers.Count, result.ContactConsent);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Triage finished: {Outcome}, {Urgency}, {AnswerCount} answers, contact consent {Consent}")]
    private static partial void Log(ILogger logger, TriageOutcome outcome, HandoffUrgency urgency, int answerCount, bool consent);
}

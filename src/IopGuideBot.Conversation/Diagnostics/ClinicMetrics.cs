using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IopGuideBot.Conversation.Diagnostics;

/// <summary>
/// The service's own metrics (meter <see cref="MeterName"/>), read by OpenTelemetry and scraped by Prometheus. Tags
/// carry categories only (activity type, exception type, urgency): never text, names or conversation ids.
/// </summary>
public sealed class ClinicMetrics
{
    public const string MeterName = "IopGuideBot";

    private readonly Counter<long> _turns;
    private readonly Counter<long> _failedTurns;
    private readonly Counter<long> _stateConflicts;
    private readonly Counter<long> _failedReplies;
    private readonly Counter<long> _crisisDetections;
    private readonly Counter<long> _handoffs;
    private readonly Histogram<double> _turnDuration;

    public ClinicMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("iopguidebot.turns", "{turn}", "Turns run, by activity type.");
        _failedTurns = meter.CreateCounter<long>(
            "iopguidebot.turns.failed", "{turn}", "Turns that failed after the request was accepted, by exception type.");
        _stateConflicts = meter.CreateCounter<long>(
            "iopguidebot.turns.state_conflicts", "{conflict}",
            "Turns re-run because another instance saved the conversation's state first.");
        _failedReplies = meter.CreateCounter<long>(
            "iopguidebot.replies.failed", "{activity}", "Replies the channel did not accept after the retries.");
        _crisisDetections = meter.CreateCounter<long>(
            "iopguidebot.crisis.detections", "{detection}", "Crisis alerts raised, by category.");
        _handoffs = meter.CreateCounter<long>(
            "iopguidebot.handoffs", "{handoff}", "Handoffs queued for staff or changed, by urgency.");
        _turnDuration = meter.CreateHistogram<double>(
            "iopguidebot.turn.duration", "s", "Time from the start of a turn to its last reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public void TurnCompleted(string? activityType, TimeSpan elapsed, bool failed)
    {
        var type = new KeyValuePair<string, object?>("activity.type", Bounded(activityType));
        _turns.Add(1, type);
        _turnDuration.Record(elapsed.TotalSeconds, type, new KeyValuePair<string, object?>("outcome", failed ? "failed" : "ok"));
    }

    public void TurnFailed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _failedTurns.Add(1, new KeyValuePair<string, object?>("exception.type", exception.GetType().FullName));
    }

    public void StateConflict() => _stateConflicts.Add(1);

    public void ReplyFailed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _failedReplies.Add(1, new KeyValuePair<string, object?>("exception.type", exception.GetType().FullName));
    }

    public void CrisisDetected(string category) =>
        _crisisDetections.Add(1, new KeyValuePair<string, object?>("category", category));

    public void HandoffRecorded(string urgency, bool created) =>
        _handoffs.Add(1, new TagList { { "urgency", urgency }, { "change", created ? "created" : "updated" } });

    // Activity types come from the caller; a tag value outside the protocol's set would let anyone grow the series.
    private static string Bounded(string? activityType) => activityType switch
    {
        "message" or "conversationUpdate" or "event" or "invoke" or "typing" or "endOfConversation" or "messageReaction"
            or "installationUpdate" or "messageUpdate" or "messageDelete" or "contactRelationUpdate" or "deleteUserData"
            or "handoff" or "trace" or "command" or "commandResult" or "suggestion" => activityType,
        _ => "other",
    };
}

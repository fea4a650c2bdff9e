using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Storage;

/// <summary>
/// Lets Bot Builder's <see cref="TranscriptLoggerMiddleware"/> write every incoming and outgoing activity to the
/// conversation's <see cref="IActivityLog"/>. Appends are idempotent by activity id, so an activity that another path
/// (the Direct Line endpoint) already logged is not stored twice.
/// </summary>
/// <remarks>
/// The SDK middleware flushes each turn's activities after the turn without awaiting the flush, so when turns follow
/// each other within milliseconds the next turn's message can be logged before the previous turn's reply. Use
/// <see cref="ActivityLogMiddleware"/> where the log order must equal the conversation order.
/// </remarks>
public sealed class ActivityLogTranscriptLogger : ITranscriptLogger
{
    private readonly IActivityLog _log;

    public ActivityLogTranscriptLogger(IActivityLog log)
    {
        _log = log;
    }

    public async Task LogActivityAsync(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            return; // nothing to file it under; the adapter rejects such activities anyway
        }

        var concrete = activity as Activity ?? Newtonsoft.Json.Linq.JObject.FromObject(activity).ToObject<Activity>()!;
        await _log.AppendAsync(conversationId, concrete);
    }
}

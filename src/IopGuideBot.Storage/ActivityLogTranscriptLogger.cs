using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Storage;

/// <summary>
/// Lets Bot Builder's <see cref="TranscriptLoggerMiddleware"/> write every incoming and outgoing activity to the
/// conversation's <see cref="IActivityLog"/>. Appends are idempotent by activity id, so an activity that another path
/// (the Direct Line endpoint) already logged is not stored twice.
/// </summary>
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
            return; // nothing to file it under (e.g. a malformed activity); the adapter rejects those anyway
        }

        var concrete = activity as Activity ?? Newtonsoft.Json.Linq.JObject.FromObject(activity).ToObject<Activity>()!;
        await _log.AppendAsync(conversationId, concrete);
    }
}

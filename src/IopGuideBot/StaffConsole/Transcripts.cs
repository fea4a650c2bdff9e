using IopGuideBot.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace IopGuideBot.StaffConsole;

/// <summary>One line of a transcript as staff read it: who, when, what (text exactly as stored; pages encode it).</summary>
public sealed record TranscriptLine(long Sequence, DateTimeOffset? At, string Who, bool FromPerson, string Text, int Attachments);

/// <summary>A conversation's activity log, read for the console: on screen, printed, or as a Bot Framework <c>.transcript</c>.</summary>
public sealed class Transcripts(IActivityLog log)
{
    private const int Page = 500;

    private static readonly JsonSerializerSettings TranscriptJson = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
    };

    public async Task<IReadOnlyList<LoggedActivity>> ReadAsync(string conversationId, long after, CancellationToken ct)
    {
        var all = new List<LoggedActivity>();
        var watermark = after;
        while (true)
        {
            var page = await log.ReadAfterAsync(conversationId, watermark, Page, ct);
            all.AddRange(page);
            if (page.Count < Page)
            {
                return all;
            }

            watermark = page[^1].Sequence;
        }
    }

    /// <summary>The messages (what was said) after <paramref name="after"/>, in order.</summary>
    public async Task<IReadOnlyList<TranscriptLine>> LinesAsync(string conversationId, long after, CancellationToken ct) =>
        (await ReadAsync(conversationId, after, ct))
            .Where(a => a.Activity.Type == ActivityTypes.Message)
            .Select(a => new TranscriptLine(
                a.Sequence,
                a.Activity.Timestamp,
                Who(a.Activity),
                IsPerson(a.Activity),
                a.Activity.Text ?? string.Empty,
                a.Activity.Attachments?.Count ?? 0))
            .ToList();

    /// <summary>
    /// The whole conversation as the Bot Framework Emulator's <c>.transcript</c> format: a JSON array of activities in
    /// order (File → Open transcript).
    /// </summary>
    public async Task<string> BotFrameworkTranscriptAsync(string conversationId, CancellationToken ct)
    {
        var activities = (await ReadAsync(conversationId, 0, ct)).Select(a => a.Activity).ToList();
        return JsonConvert.SerializeObject(activities, TranscriptJson);
    }

    private static bool IsPerson(Activity activity) =>
        string.Equals(activity.From?.Role, RoleTypes.User, StringComparison.OrdinalIgnoreCase);

    private static string Who(Activity activity) => IsPerson(activity)
        ? "Person"
        : string.IsNullOrWhiteSpace(activity.From?.Name) ? "Assistant" : activity.From.Name;
}

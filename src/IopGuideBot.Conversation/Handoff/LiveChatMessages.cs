using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Questions;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Handoff;

/// <summary>What the assistant says around a live chat with a specialist (<c>callback.yaml</c>, keys <c>livechat.*</c>).</summary>
public static class LiveChatMessages
{
    public const string Waiting = "livechat.waiting";
    public const string StillWaiting = "livechat.still_waiting";
    public const string Cancelled = "livechat.cancelled";
    public const string Joined = "livechat.joined";
    public const string Returned = "livechat.returned";
    public const string Ended = "livechat.ended";
    public const string Unavailable = "livechat.unavailable";

    /// <summary>Sent unasked while the person waits, when the queue moves and their place changes.</summary>
    public const string PlaceUpdate = "livechat.place_update";

    public static IReadOnlyList<string> RequiredKeys { get; } = [Waiting, StillWaiting, Cancelled, Joined, Returned, Ended, Unavailable, PlaceUpdate];

    /// <summary>The message <paramref name="key"/> with the flow's placeholders filled (values are escaped by the caller).</summary>
    public static Activity Create(ClinicContent content, string key, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = content.Section<CallbackContent>()[key];
        return Replies.Create(content, key, QuestionReplies.Fill(message.Text.Value, values), message.Actions);
    }

    /// <summary>How the person sees a specialist: "Sam (specialist)", Markdown-inert.</summary>
    public static string SpecialistName(string firstName) => $"{QuestionReplies.Escape(firstName.Trim())} (specialist)";
}

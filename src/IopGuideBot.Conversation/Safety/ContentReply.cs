using IopGuideBot.Conversation.Content;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Builds a bot message from content, following the content convention: <c>channelData.contentId</c> names the content
/// key (tests and the staff console key on it, never on the English), <c>channelData.variant</c> names a wording
/// variant (e.g. "family"), placeholders are resolved, and the message's actions become suggested-action buttons.
/// </summary>
public static class ContentReply
{
    public static Activity Create(ClinicContent content, string contentId, string text, IReadOnlyList<ActionRef>? actions = null, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var activity = MessageFactory.Text(content.Render(text));
        var channelData = new JObject { ["contentId"] = contentId };
        if (variant is not null)
        {
            channelData["variant"] = variant;
        }

        activity.ChannelData = channelData;
        if (actions is { Count: > 0 })
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = actions.Select(a => ToButton(content, a)).ToList(),
            };
        }

        return activity;
    }

    public static Activity Create(ClinicContent content, Message message, string? variant = null) =>
        Create(content, message.Key, message.Text.Value, message.Actions, variant);

    /// <summary>The contentId of a bot message, or null.</summary>
    public static string? ContentIdOf(IActivity? activity) =>
        (activity as Activity)?.ChannelData is JObject data ? (string?)data["contentId"] : null;

    /// <summary>The wording variant of a bot message, or null.</summary>
    public static string? VariantOf(IActivity? activity) =>
        (activity as Activity)?.ChannelData is JObject data ? (string?)data["variant"] : null;

    private static CardAction ToButton(ClinicContent content, ActionRef action)
    {
        var label = action.Kind switch
        {
            ActionKind.Command when content.TryGetSection<CommandCatalog>(out var commands) && commands.All.TryGetValue(action.Id, out var c) => c.Label.Value,
            ActionKind.Topic when content.TryGetSection<TopicCatalog>(out var topics) && topics.TryGet(action.Id, out var t) => t.Label.Value,
            _ => action.Id,
        };
        return new CardAction(ActionTypes.ImBack, label, value: label);
    }
}

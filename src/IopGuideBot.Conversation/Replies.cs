using System.Text;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Conversation;

/// <summary>
/// Builds every bot message from content: placeholders resolved, buttons as suggested actions (imBack, so a click arrives
/// as the label's text), and <c>channelData.contentId</c> naming what was said (a message key, <c>topic:ID</c>, …) so tests
/// and the transcript can tell messages apart without reading English.
/// </summary>
public sealed class Replies(ClinicContent content)
{
    /// <summary>Channels whose clients render Markdown tables; others get the comparison as a plain list.</summary>
    private static readonly HashSet<string> MarkdownChannels = new(StringComparer.OrdinalIgnoreCase) { "emulator", "directline", "webchat", "msteams", "test" };

    public const string ContentIdKey = "contentId";

    public ClinicContent Content { get; } = content;

    public const string VariantKey = "variant";

    /// <summary>The content id carried by an activity, or null.</summary>
    public static string? ContentIdOf(IActivity? activity) =>
        (activity as Activity)?.ChannelData is JObject data ? data.Value<string>(ContentIdKey) : null;

    /// <summary>The wording variant of a bot message (e.g. <c>family</c>), or null.</summary>
    public static string? VariantOf(IActivity? activity) =>
        (activity as Activity)?.ChannelData is JObject data ? data.Value<string>(VariantKey) : null;

    /// <summary>
    /// A message from any content section: <paramref name="text"/> with placeholders resolved, its buttons, its content
    /// id and, when the wording has variants, which one was used.
    /// </summary>
    public static Activity Create(ClinicContent content, string contentId, string text, IEnumerable<ActionRef>? actions = null, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var activity = Build(content, contentId, content.Render(text), actions ?? []);
        if (variant is not null)
        {
            ((JObject)activity.ChannelData)[VariantKey] = variant;
        }

        return activity;
    }

    public static Activity Create(ClinicContent content, Message message, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Create(content, message.Key, message.Text.Value, message.Actions, variant);
    }

    /// <summary>A message from <c>messages.yaml</c> with its own buttons (or <paramref name="actions"/> when given).</summary>
    public Activity Message(string key, IEnumerable<ActionRef>? actions = null)
    {
        var message = Content.Messages[key];
        return Build(Content, key, Content.Render(message.Text.Value), actions ?? message.Actions);
    }

    /// <summary>The wording variant used when a topic is answered for a family member (<see cref="VariantOf"/>).</summary>
    public const string FamilyVariant = "family";

    /// <summary>
    /// A topic's answer with its follow-up buttons, plus "talk to a person" so there is always a way to reach someone.
    /// When the conversation is about a loved one, the family wording is used (variant <see cref="FamilyVariant"/>) and
    /// the questionnaire is offered about them.
    /// </summary>
    public Activity Topic(Topic topic, string? channelId, InquiryFor about = InquiryFor.Unknown)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var forFamily = about == InquiryFor.FamilyMember;
        var text = TopicText(topic, forFamily);
        if (topic.Show == "care-comparison")
        {
            text += "\n\n" + Comparison(channelId);
        }

        var actions = topic.FollowUps
            .Select(a => forFamily && a.Kind == ActionKind.Command && a.Id == CommandIds.TriageSelf ? a with { Id = CommandIds.TriageFamily } : a)
            .ToList();
        if (!actions.Any(a => a.Kind == ActionKind.Command && a.Id == CommandIds.Person))
        {
            actions.Add(new ActionRef(ActionKind.Command, CommandIds.Person, 0));
        }

        var reply = Build(Content, $"topic:{topic.Id}", text, actions);
        if (forFamily && (topic.AnswerFamily is not null || topic.Audience == TopicAudience.Family))
        {
            ((JObject)reply.ChannelData)[VariantKey] = FamilyVariant;
        }

        return reply;
    }

    /// <summary>A topic's answer text (the clinic's wording when a feature it needs is off; the family wording when asked
    /// for), without its extra block.</summary>
    public string TopicText(Topic topic, bool forFamily = false)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var available = topic.Requires switch
        {
            "cost" => Content.Clinic.ShowCost,
            "telehealth" => Content.Clinic.TelehealthOffered,
            _ => true,
        };
        var answer = forFamily && topic.AnswerFamily is { } family ? family : topic.Answer;
        return Content.Render((available ? answer : topic.AnswerIfUnavailable!).Value.Trim());
    }

    /// <summary>The variant of a small-talk reply for someone who has sent the team nothing in this conversation.</summary>
    public const string BeforeSendingVariant = "before-sending";

    /// <summary>
    /// A small-talk reply (content id <c>smalltalk.&lt;id&gt;</c>) worded for whether the person has sent the team anything in this conversation: its
    /// <see cref="IopGuideBot.Conversation.Content.SmallTalk.BeforeSending"/> wording (variant <see cref="BeforeSendingVariant"/>) when nothing was
    /// sent and it has one, else its reply.
    /// </summary>
    public Activity SmallTalk(string id, bool sentSomething)
    {
        var entry = Content.Section<SmallTalkCatalog>()[id];
        return sentSomething || entry.BeforeSending is null
            ? Create(Content, entry.Reply)
            : Create(Content, entry.BeforeSending, BeforeSendingVariant);
    }

    /// <summary>The level-of-care comparison: a Markdown table where the channel renders one, else a plain list.</summary>
    /// <param name="channelId">The channel (decides table or list).</param>
    /// <param name="rowLabels">Only these rows (by label); all when null.</param>
    public string Comparison(string? channelId, IReadOnlyCollection<string>? rowLabels = null)
    {
        var comparison = Content.CareComparison;
        var rows = comparison.Rows.Where(r => rowLabels is null or { Count: 0 } || rowLabels.Contains(r.Label.Value)).ToList();
        var text = new StringBuilder();
        if (channelId is not null && MarkdownChannels.Contains(channelId))
        {
            text.Append("| |");
            foreach (var column in comparison.Columns)
            {
                text.Append(' ').Append(Cell(column.Title.Value)).Append(" |");
            }

            text.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", comparison.Columns.Count)));
            foreach (var row in rows)
            {
                text.Append("\n| **").Append(Cell(row.Label.Value)).Append("** |");
                foreach (var column in comparison.Columns)
                {
                    text.Append(' ').Append(Cell(row.Cells[column.Id].Value)).Append(" |");
                }
            }

            return Content.Render(text.ToString());
        }

        text.Append(Content.Render(Content.Messages[MessageKeys.ComparisonPlainHeading].Text.Value.Trim()));
        foreach (var column in comparison.Columns)
        {
            text.Append("\n\n").Append(column.Title.Value).Append(':');
            foreach (var row in rows)
            {
                text.Append("\n- ").Append(row.Label.Value).Append(": ").Append(row.Cells[column.Id].Value);
            }
        }

        return Content.Render(text.ToString());

        static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ").Trim();
    }

    /// <summary>The button text for a topic or command.</summary>
    public string Label(ActionRef action) => LabelOf(Content, action);

    private static string LabelOf(ClinicContent content, ActionRef action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind == ActionKind.Topic
            ? content.Topics[action.Id].Label.Value
            : content.Render(content.Commands[action.Id].Label.Value);
    }

    private static Activity Build(ClinicContent content, string contentId, string text, IEnumerable<ActionRef> actions)
    {
        var activity = (Activity)Activity.CreateMessageActivity();
        activity.Text = text.Trim();
        var buttons = actions.Select(action => LabelOf(content, action)).Distinct(StringComparer.Ordinal)
            .Select(label => new CardAction(ActionTypes.ImBack, label, value: label))
            .ToList();
        if (buttons.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        activity.TextFormat = TextFormatTypes.Markdown;
        activity.ChannelData = new JObject { [ContentIdKey] = contentId };
        return activity;
    }
}

using System.Text;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Choices;

/// <summary>Renders a question with its choices: as suggested actions where the channel shows them, as text otherwise.</summary>
public static class ChoiceFactory
{
    /// <summary>The most suggested actions rendered; longer lists become a numbered list.</summary>
    public const int MaxSuggestedActions = 10;

    /// <summary>Gets the channel ids that render suggested actions (buttons). Others get a numbered list in the text.</summary>
    public static IReadOnlySet<string> SuggestedActionChannels { get; } =
        new HashSet<string>(["emulator", "directline", "webchat", "test"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a channel renders suggested actions.</summary>
    /// <param name="channelId">The channel id.</param>
    /// <returns>True when it does.</returns>
    public static bool SupportsSuggestedActions(string? channelId) => channelId is not null && SuggestedActionChannels.Contains(channelId);

    /// <summary>Resolves <see cref="ListStyle.Auto"/> for a channel.</summary>
    /// <param name="style">The requested style.</param>
    /// <param name="channelId">The channel id.</param>
    /// <param name="choiceCount">How many choices.</param>
    /// <returns>The style to render.</returns>
    public static ListStyle ResolveStyle(ListStyle style, string? channelId, int choiceCount)
    {
        if (style == ListStyle.SuggestedAction && !SupportsSuggestedActions(channelId))
        {
            return ListStyle.List;
        }

        if (style != ListStyle.Auto)
        {
            return style;
        }

        return SupportsSuggestedActions(channelId) && choiceCount <= MaxSuggestedActions ? ListStyle.SuggestedAction : ListStyle.List;
    }

    /// <summary>
    /// Copies <paramref name="prompt"/> (never modifying the persisted original) and adds the choices in <paramref name="style"/>;
    /// as buttons, followed by any the prompt already has.
    /// </summary>
    /// <param name="prompt">The question; may be null, then the activity has just the choices.</param>
    /// <param name="choices">The choices.</param>
    /// <param name="style">The style, resolved with <see cref="ResolveStyle"/>.</param>
    /// <param name="orWord">The word before the last inline choice ("or", "o").</param>
    /// <returns>The activity to send.</returns>
    public static Activity Render(Activity? prompt, IList<Choice> choices, ListStyle style, string orWord = "or")
    {
        ArgumentNullException.ThrowIfNull(choices);
        var activity = OutgoingActivity.CopyOf(prompt);
        switch (style)
        {
            case ListStyle.SuggestedAction:
                // Buttons the question carries itself (e.g. "Skip") follow the choices.
                List<CardAction> actions = [.. choices.Select(c => c.Action ?? new CardAction(ActionTypes.ImBack, c.Value, value: c.Value))];
                actions.AddRange((prompt?.SuggestedActions?.Actions ?? []).Where(a => !actions.Any(c => c.Title == a.Title)));
                activity.SuggestedActions = new SuggestedActions { Actions = actions };
                break;
            case ListStyle.List:
                var list = new StringBuilder(activity.Text);
                for (var i = 0; i < choices.Count; i++)
                {
                    if (list.Length > 0)
                    {
                        list.Append('\n');
                    }

                    list.Append(i + 1).Append(". ").Append(Title(choices[i]));
                }

                activity.Text = list.ToString();
                break;
            case ListStyle.InLine:
                var items = choices.Select((c, i) => $"{i + 1}. {Title(c)}").ToList();
                var inline = items.Count switch
                {
                    0 => string.Empty,
                    1 => items[0],
                    _ => $"{string.Join(", ", items.Take(items.Count - 1))}, {orWord} {items[^1]}",
                };
                activity.Text = string.IsNullOrEmpty(activity.Text) ? inline : $"{activity.Text} {inline}";
                break;
            default:
                break;
        }

        return activity;
    }

    private static string Title(Choice choice) => choice.Action?.Title ?? choice.Value;
}

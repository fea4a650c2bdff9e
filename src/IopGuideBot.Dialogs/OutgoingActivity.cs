using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs;

/// <summary>
/// A fresh activity with a persisted prompt's content, to send in its place. Sending stamps the object it is given (an
/// id, the addresses, a timestamp), and a prompt's activities are kept in the dialog state between turns: sent as they
/// are, the stamps would be saved with them, and a question asked a second time would go out under the id of the
/// first, which a channel (or the activity log, idempotent by id) takes for the same message and does not show again.
/// </summary>
public static class OutgoingActivity
{
    /// <summary>A new message activity with <paramref name="prompt"/>'s content (an empty message when it is null).</summary>
    /// <param name="prompt">The persisted activity; never modified.</param>
    /// <returns>The activity to send.</returns>
    public static Activity CopyOf(Activity? prompt) => new()
    {
        Type = prompt?.Type ?? ActivityTypes.Message,
        Text = prompt?.Text ?? string.Empty,
        Speak = prompt?.Speak,
        InputHint = prompt?.InputHint ?? InputHints.ExpectingInput,
        TextFormat = prompt?.TextFormat,
        Locale = prompt?.Locale,
        Attachments = prompt?.Attachments,
        AttachmentLayout = prompt?.AttachmentLayout,
        Entities = prompt?.Entities,
        ChannelData = prompt?.ChannelData,
        Value = prompt?.Value,
        SuggestedActions = prompt?.SuggestedActions,
    };
}

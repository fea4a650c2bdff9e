using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>Asks for free text. Any message with non-blank text is recognised (trimmed); attachments alone are not.</summary>
public class TextPrompt : Prompt<string>
{
    /// <summary>Initializes a new instance of the <see cref="TextPrompt"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator.</param>
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? PromptRecognizerResult<string>.Failure()
            : PromptRecognizerResult<string>.Success(text.Trim()));
    }
}

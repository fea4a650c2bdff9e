using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Recognizers.Text.Sequence;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>Asks for an e-mail address (Recognizers.Text.Sequence); the result is the address with its domain lower-cased.</summary>
public class EmailPrompt : Prompt<string>
{
    /// <summary>Initializes a new instance of the <see cref="EmailPrompt"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator.</param>
    public EmailPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>Finds the first e-mail address in a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised address, or null.</returns>
    public static string? RecognizeEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Sequence models are language-independent; English is the one they ship with.
        var result = SequenceRecognizer.RecognizeEmail(text, Microsoft.Recognizers.Text.Culture.English).FirstOrDefault();
        if (result is null || result.Start < 0 || result.Start + result.Text.Length > text.Length)
        {
            return null;
        }

        // The resolution is lower-cased; the local part is case-sensitive in principle, so take it from the text.
        var address = text.Substring(result.Start, result.Text.Length);

        var at = address.LastIndexOf('@');
        return at <= 0 || at == address.Length - 1 ? null : address[..at] + address[at..].ToLowerInvariant();
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        return Task.FromResult(RecognizeEmail(text) is { } email
            ? PromptRecognizerResult<string>.Success(email)
            : PromptRecognizerResult<string>.Failure());
    }
}

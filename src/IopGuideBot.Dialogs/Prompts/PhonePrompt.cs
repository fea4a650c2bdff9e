using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Recognizers.Text.Sequence;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// Asks for a phone number (Recognizers.Text.Sequence); the result is E.164 ("+15552013344"). Ten digits are a
/// number in <see cref="DefaultCountryCode"/> (US by default), with or without punctuation or +1.
/// </summary>
public class PhonePrompt : Prompt<string>
{
    /// <summary>Initializes a new instance of the <see cref="PhonePrompt"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator.</param>
    public PhonePrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>Gets or sets the country calling code of numbers given without one. Default "1".</summary>
    public string DefaultCountryCode { get; set; } = "1";

    /// <summary>Finds a phone number in a text and normalises it to E.164.</summary>
    /// <param name="text">The text.</param>
    /// <param name="defaultCountryCode">The country code of ten-digit numbers.</param>
    /// <returns>The E.164 number, or null.</returns>
    public static string? RecognizePhone(string? text, string defaultCountryCode = "1")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var result in SequenceRecognizer.RecognizePhoneNumber(text, Microsoft.Recognizers.Text.Culture.English))
        {
            // The recognizer leaves out a leading "+" in some shapes; look just before the match.
            var hasPlus = result.Start > 0 && text[result.Start - 1] == '+';
            if (result.Resolution.GetValueOrDefault("value") is string value && ToE164(hasPlus ? "+" + value : value, defaultCountryCode) is { } e164)
            {
                return e164;
            }
        }

        // Bare digit runs ("5552013344") may escape the recognizer; accept them when that is all the message is.
        return text.All(c => char.IsDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+') ? ToE164(text, defaultCountryCode) : null;
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        return Task.FromResult(RecognizePhone(text, DefaultCountryCode) is { } phone
            ? PromptRecognizerResult<string>.Success(phone)
            : PromptRecognizerResult<string>.Failure());
    }

    private static string? ToE164(string raw, string defaultCountryCode)
    {
        var digits = new StringBuilder();
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        var number = digits.ToString();
        var international = raw.TrimStart().StartsWith('+');
        if (international)
        {
            return number.Length is >= 8 and <= 15 ? "+" + number : null;
        }

        if (number.Length == 10)
        {
            return "+" + defaultCountryCode + number;
        }

        return number.Length == 10 + defaultCountryCode.Length && number.StartsWith(defaultCountryCode, StringComparison.Ordinal)
            ? "+" + number
            : null;
    }
}

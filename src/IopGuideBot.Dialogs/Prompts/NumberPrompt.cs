using System.Globalization;
using IopGuideBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Recognizers.Text.Number;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// Asks for a number with Recognizers.Text ("three times a week" → 3, "1,5" in de-DE → 1.5), plus the frequency words
/// the recognizer lacks ("once", "twice", "thrice"). <typeparamref name="T"/> is <see cref="int"/>, <see cref="long"/>,
/// <see cref="float"/>, <see cref="double"/> or <see cref="decimal"/>; a fraction is not an <see cref="int"/>.
/// </summary>
/// <typeparam name="T">The numeric result type.</typeparam>
public class NumberPrompt<T> : Prompt<T>
    where T : struct
{
    private static readonly Dictionary<string, int> FrequencyWords = new(StringComparer.Ordinal)
    {
        ["once"] = 1,
        ["twice"] = 2,
        ["thrice"] = 3,
    };

    /// <summary>Initializes a new instance of the <see cref="NumberPrompt{T}"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator (ranges, for example).</param>
    /// <param name="defaultLocale">The culture used when the activity has no locale.</param>
    public NumberPrompt(string dialogId, PromptValidator<T>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator)
    {
        if (typeof(T) != typeof(int) && typeof(T) != typeof(long) && typeof(T) != typeof(float) && typeof(T) != typeof(double) && typeof(T) != typeof(decimal))
        {
            throw new NotSupportedException($"NumberPrompt does not support {typeof(T).Name}.");
        }

        DefaultLocale = defaultLocale;
    }

    /// <summary>Gets or sets the culture used when the activity has no locale.</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>Recognises the first number in a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="culture">A Recognizers.Text culture; English when null.</param>
    /// <returns>The number, or null.</returns>
    public static decimal? RecognizeNumber(string? text, string? culture = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var recognizerCulture = PromptCulture.Resolve(culture, null);

        // The resolved value is written the culture's way ("1,5" in German), not invariantly.
        var format = CultureInfo.GetCultureInfo(recognizerCulture);
        foreach (var result in NumberRecognizer.RecognizeNumber(text, recognizerCulture))
        {
            var raw = Convert.ToString(result.Resolution.GetValueOrDefault("value"), CultureInfo.InvariantCulture);
            if (decimal.TryParse(raw, NumberStyles.Float, format, out var value)
                || decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return value;
            }
        }

        var words = ChoiceText.Tokens(ChoiceText.Normalize(text));
        foreach (var word in words)
        {
            if (FrequencyWords.TryGetValue(word, out var count))
            {
                return count;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var text = activity.Type == ActivityTypes.Message ? activity.Text : null;
        var number = RecognizeNumber(text, PromptCulture.Resolve(activity.Locale, DefaultLocale));
        return Task.FromResult(number is { } value && TryConvert(value, out var converted)
            ? PromptRecognizerResult<T>.Success(converted)
            : PromptRecognizerResult<T>.Failure());
    }

    private static bool TryConvert(decimal value, out T converted)
    {
        converted = default;
        if ((typeof(T) == typeof(int) || typeof(T) == typeof(long)) && value != decimal.Truncate(value))
        {
            return false;
        }

        try
        {
            converted = (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}

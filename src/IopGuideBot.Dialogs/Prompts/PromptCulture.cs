using Microsoft.Recognizers.Text;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>Picks the Recognizers.Text culture for a turn: the activity's locale, else the prompt's default, else English.</summary>
internal static class PromptCulture
{
    public static string Resolve(string? activityLocale, string? defaultLocale)
    {
        var locale = !string.IsNullOrWhiteSpace(activityLocale) ? activityLocale : defaultLocale;
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Culture.English;
        }

        var mapped = Culture.MapToNearestLanguage(locale.ToLowerInvariant());
        return Culture.SupportedCultures.Any(c => c.CultureCode == mapped) ? mapped : Culture.English;
    }

    public static bool IsSpanish(string culture) => culture.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}

using System.Globalization;
using System.Text;

namespace IopGuideBot.Dialogs.Choices;

/// <summary>Text normalisation shared by choice and yes/no matching.</summary>
internal static class ChoiceText
{
    /// <summary>Lower-cases, strips accents ("Sí" → "si"), turns punctuation into spaces and collapses whitespace.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (c == '\'' || c == '\u2019')
            {
                // "don't" → "dont", so contractions stay one token.
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    public static string[] Tokens(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="phrase"/> (normalised) occurs in <paramref name="normalized"/> on word boundaries.</summary>
    public static bool ContainsPhrase(string normalized, string phrase)
    {
        var index = 0;
        while ((index = normalized.IndexOf(phrase, index, StringComparison.Ordinal)) >= 0)
        {
            var end = index + phrase.Length;
            if ((index == 0 || normalized[index - 1] == ' ') && (end == normalized.Length || normalized[end] == ' '))
            {
                return true;
            }

            index = end;
        }

        return false;
    }
}

using System.Globalization;
using System.Text;

namespace IopGuideBot.Conversation.Content;

/// <summary>Lower-case, punctuation-free, single-spaced text: how button labels, phrases and utterances are compared.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                space = false;
            }
            else if (c != '\'' && c != '’')
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}

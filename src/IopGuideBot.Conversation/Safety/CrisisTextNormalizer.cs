using System.Text;
using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Turns chat text into the plain lower-case form the crisis lexicon is written against: curly quotes straightened,
/// punctuation dropped, chat shorthand expanded ("wanna" → "want to", "im" → "i'm", "rn" → "right now"), elongated
/// words reduced ("diiiie"). An elongated word is ambiguous ("killlll" is "kill", "diiiie" is "die"), so
/// <see cref="Normalize"/> returns up to two variants: long runs cut to two letters, and long runs cut to one.
/// </summary>
internal static partial class CrisisTextNormalizer
{
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["im"] = "i'm", ["ive"] = "i've", ["ill"] = "i'll", ["dont"] = "don't", ["didnt"] = "didn't", ["doesnt"] = "doesn't",
        ["cant"] = "can't", ["wont"] = "won't", ["wouldnt"] = "wouldn't", ["couldnt"] = "couldn't", ["isnt"] = "isn't",
        ["wasnt"] = "wasn't", ["arent"] = "aren't", ["aint"] = "ain't", ["hes"] = "he's", ["shes"] = "she's",
        ["theyre"] = "they're", ["thats"] = "that's", ["whats"] = "what's", ["its"] = "it's",
        ["wanna"] = "want to", ["gonna"] = "going to", ["gunna"] = "going to", ["gotta"] = "got to", ["tryna"] = "trying to",
        ["imma"] = "i'm going to", ["ima"] = "i'm going to", ["finna"] = "going to",
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["rn"] = "right now", ["atm"] = "at the moment",
        ["idk"] = "i don't know", ["bc"] = "because", ["cuz"] = "because", ["coz"] = "because",
        ["tonite"] = "tonight", ["2nite"] = "tonight", ["2day"] = "today", ["b4"] = "before",
        ["sum1"] = "someone", ["some1"] = "someone", ["ppl"] = "people", ["bf"] = "boyfriend", ["gf"] = "girlfriend",
        ["pregnate"] = "pregnant", ["pregant"] = "pregnant", ["prego"] = "pregnant", ["preggo"] = "pregnant", ["pregnet"] = "pregnant",
        ["myslef"] = "myself", ["mysef"] = "myself", ["mysefl"] = "myself", ["meself"] = "myself", ["myslf"] = "myself",
        ["overdoes"] = "overdose", ["overdoseing"] = "overdosing", ["ovrdose"] = "overdose", ["overdosd"] = "overdosed",
        ["wana"] = "want to", ["kil"] = "kill",
    };

    public static IReadOnlyList<string> Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [string.Empty];
        }

        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u02BC' or '\u0060' or '\u00B4' or '\u2032':
                    sb.Append('\'');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        s = sb.ToString();
        s = SlashShorthand().Replace(s, m => m.Value[0] == 'j' ? " jk " : " with ");
        s = DottedOd().Replace(s, " od ");
        s = HyphenOd().Replace(s, "od'$1");

        // Everything but letters, digits and in-word apostrophes becomes a space.
        sb.Clear();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c == '\'' && i > 0 && i + 1 < s.Length && char.IsLetter(s[i - 1]) && char.IsLetter(s[i + 1]))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(' ');
            }
        }

        var words = JoinSpelledOut(sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var twoLetter = new List<string>(words.Length + 4);
        var oneLetter = new List<string>(words.Length + 4);
        var elongated = false;
        foreach (var word in words)
        {
            if (LongRun().IsMatch(word))
            {
                elongated = true;
                twoLetter.Add(Expand(LongRun().Replace(word, m => new string(m.Value[0], 2))));
                oneLetter.Add(Expand(LongRun().Replace(word, m => m.Value[..1])));
            }
            else
            {
                var expanded = Expand(word);
                twoLetter.Add(expanded);
                oneLetter.Add(expanded);
            }
        }

        var first = string.Join(' ', twoLetter);
        return elongated ? [first, string.Join(' ', oneLetter)] : [first];
    }

    /// <summary>"k i l l" → "kill": three or more single letters in a row are one spelled-out word.</summary>
    private static string[] JoinSpelledOut(string[] words)
    {
        var result = new List<string>(words.Length);
        var i = 0;
        while (i < words.Length)
        {
            var j = i;
            while (j < words.Length && words[j].Length == 1 && char.IsLetter(words[j][0]))
            {
                j++;
            }

            if (j - i >= 3)
            {
                result.Add(string.Concat(words[i..j]));
                i = j;
            }
            else
            {
                result.Add(words[i]);
                i++;
            }
        }

        return [.. result];
    }

    private static string Expand(string word) => Shorthand.TryGetValue(word, out var expanded) ? expanded : word;

    /// <summary>Whether the raw text reads as a question (used to recognise information requests).</summary>
    public static bool LooksLikeQuestion(string? text) =>
        text is not null && text.TrimEnd().EndsWith('?');

    [GeneratedRegex(@"\b(j/k|w/)", RegexOptions.CultureInvariant)]
    private static partial Regex SlashShorthand();

    [GeneratedRegex(@"\bo\.d\b\.?", RegexOptions.CultureInvariant)]
    private static partial Regex DottedOd();

    [GeneratedRegex(@"\bod-(d|ed|ing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenOd();

    [GeneratedRegex(@"(\p{L})\1{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongRun();
}

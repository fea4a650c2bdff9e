using System.Text;
using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Turns chat text into the plain lower-case form the crisis lexicon is written against: characters that cannot be
/// normalised (lone surrogates, noncharacters such as U+FFFE, control characters) become spaces first, so nothing a
/// person can type makes normalisation throw; then compatibility forms and accents are folded ("está" → "esta"), curly
/// quotes straightened, punctuation dropped, chat shorthand expanded ("wanna" → "want to", "im" → "i'm", "rn" → "right
/// now") and elongated words reduced ("diiiie"). An elongated word is ambiguous ("killlll" is "kill", "diiiie" is "die"),
/// so <see cref="Normalize"/> returns up to two variants: long runs cut to two letters, and long runs cut to one.
/// Every step is a single pass (or a non-backtracking regex), so the cost is linear in the length of the text.
/// </summary>
internal static class CrisisTextNormalizer
{
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["im"] = "i'm", ["ive"] = "i've", ["ill"] = "i'll", ["dont"] = "don't", ["didnt"] = "didn't", ["doesnt"] = "doesn't",
        ["cant"] = "can't", ["wont"] = "won't", ["wouldnt"] = "wouldn't", ["couldnt"] = "couldn't", ["isnt"] = "isn't",
        ["wasnt"] = "wasn't", ["arent"] = "aren't", ["havent"] = "haven't", ["hasnt"] = "hasn't", ["hadnt"] = "hadn't",
        ["shouldnt"] = "shouldn't", ["aint"] = "ain't", ["hes"] = "he's", ["shes"] = "she's",
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
        // Dropped g's in texting ("shakin n seein stuff"): the danger verbs the lexicon reads in their -ing form.
        ["shakin"] = "shaking", ["seein"] = "seeing", ["hearin"] = "hearing", ["bleedin"] = "bleeding", ["throwin"] = "throwing",
        ["pukin"] = "puking", ["sweatin"] = "sweating", ["dyin"] = "dying", ["killin"] = "killing", ["cuttin"] = "cutting",
        ["breathin"] = "breathing", ["hurtin"] = "hurting", ["seizin"] = "seizing", ["overdosin"] = "overdosing",
        ["hallucinatin"] = "hallucinating", ["shootin"] = "shooting", ["chokin"] = "choking", ["beatin"] = "beating",
        ["withdrawl"] = "withdrawal", ["withdrawls"] = "withdrawals", ["n"] = "and",
    };

    /// <summary>
    /// Emoji people use in place of the word for a means of harm ("🔪 again, can't stop") or for what they see: read as that
    /// word, so the rules about blades, pills, guns and hallucinations see them. Any other emoji becomes a space, as punctuation does.
    /// </summary>
    private static readonly Dictionary<int, string> EmojiWords = new()
    {
        [0x1F52A] = "knife", [0x1FA78] = "blood", [0x1F48A] = "pills", [0x1F52B] = "gun", [0x1FA92] = "razor",
        // The creatures of a withdrawal's hallucinations ("no booze 3 days 🕷️🕷️ everywhere"), read as the words the withdrawal rules know.
        [0x1F577] = "spiders", [0x1F41B] = "bugs", [0x1F41C] = "ants", [0x1FAB3] = "roaches", [0x1F40D] = "snakes", [0x1F400] = "rats", [0x1F401] = "rats",
    };

    private static readonly Regex SlashShorthand = LexiconRegex.Get(@"\b(?:j/k|w/)");
    private static readonly Regex DottedOd = LexiconRegex.Get(@"\bo\.d\b\.?");
    private static readonly Regex HyphenOd = LexiconRegex.Get(@"\bod-(d|ed|ing)\b");

    /// <summary>Marks a clause boundary (", ; :") between words while normalising.</summary>
    private const string ClauseMark = "\u0001";

    /// <summary>Marks a sentence boundary (". ! ?", a line break), which is also a clause boundary.</summary>
    private const string SentenceMark = "\u0002";

    public static IReadOnlyList<string> Normalize(string? text) => [.. NormalizeWithClauses(text).Select(n => n.Text)];

    /// <summary>
    /// The normalised variants, each with the offsets where a clause starts (after ". , ; : ! ?" or a line break), so a
    /// negation in one clause does not switch off a cue in the next ("it's fine if not. I won't be around much longer").
    /// </summary>
    public static IReadOnlyList<NormalizedText> NormalizeWithClauses(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new NormalizedText(string.Empty, [], [])];
        }

        // The lexicon is written without accents, and people often type without them.
        var s = TextNormalizer.FoldAccents(Sanitize(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant());
        s = SlashShorthand.Replace(s, m => m.Value[0] == 'j' ? " jk " : " with ");
        s = DottedOd.Replace(s, " od ");
        s = HyphenOd.Replace(s, "od'$1");

        // Everything but letters, digits and in-word apostrophes becomes a space; clause punctuation leaves a mark.
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c is '.' or '!' or '?' or '\n' or '…' or '¿' or '¡')
            {
                sb.Append(' ').Append(SentenceMark).Append(' ');
            }
            else if (c is ',' or ';' or ':')
            {
                sb.Append(' ').Append(ClauseMark).Append(' ');
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
        var twoLetter = new List<string>(words.Length);
        var oneLetter = new List<string>(words.Length);
        var elongated = false;
        foreach (var word in words)
        {
            if (word is ClauseMark or SentenceMark)
            {
                twoLetter.Add(word);
                oneLetter.Add(word);
            }
            else if (HasLongRun(word))
            {
                elongated = true;
                twoLetter.Add(Expand(CutRuns(word, 2)));
                oneLetter.Add(Expand(CutRuns(word, 1)));
            }
            else
            {
                var expanded = Expand(word);
                twoLetter.Add(expanded);
                oneLetter.Add(expanded);
            }
        }

        var first = Join(twoLetter);
        return elongated ? [first, Join(oneLetter)] : [first];
    }

    /// <summary>Joins words with single spaces, turning clause marks into the offsets of the words that follow them.</summary>
    private static NormalizedText Join(List<string> words)
    {
        var sb = new StringBuilder();
        var clauseStarts = new List<int>();
        var sentenceStarts = new List<int>();
        var pendingClause = false;
        var pendingSentence = false;
        foreach (var word in words)
        {
            if (word is ClauseMark or SentenceMark)
            {
                pendingClause = sb.Length > 0;
                pendingSentence |= word == SentenceMark && sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            if (pendingClause)
            {
                clauseStarts.Add(sb.Length);
                pendingClause = false;
            }

            if (pendingSentence)
            {
                sentenceStarts.Add(sb.Length);
                pendingSentence = false;
            }

            sb.Append(word);
        }

        return new NormalizedText(sb.ToString(), [.. clauseStarts], [.. sentenceStarts]);
    }

    /// <summary>
    /// Keeps what Unicode normalisation accepts: valid surrogate pairs stay (the emoji of <see cref="EmojiWords"/> become
    /// their words), lone surrogates, noncharacters (U+FDD0–U+FDEF and every code point ending in FFFE/FFFF) and control
    /// characters become spaces; zero-width characters go; curly quotes and look-alike apostrophes become a straight
    /// apostrophe. The learned signal reads its input through this too, so it sees the same words.
    /// </summary>
    internal static string Sanitize(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    sb.Append(' ');
                }
                else if (EmojiWords.TryGetValue(codePoint, out var word))
                {
                    sb.Append(' ').Append(word).Append(' ');
                }
                else
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '\u2018' or '\u2019' or '\u02BC' or '\u0060' or '\u00B4' or '\u2032':
                    sb.Append('\'');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break;
                case '\t' or '\r':
                    sb.Append(' ');
                    break;
                case '\n':
                    sb.Append('\n');
                    break;
                default:
                    var invalid = char.IsSurrogate(c) || char.IsControl(c) || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF';
                    sb.Append(invalid ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
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

    /// <summary>Three or more of the same letter in a row ("diiie").</summary>
    private static bool HasLongRun(string word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]) && word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cuts every run of three or more of the same letter to <paramref name="keep"/> letters.</summary>
    private static string CutRuns(string word, int keep)
    {
        var sb = new StringBuilder(word.Length);
        var i = 0;
        while (i < word.Length)
        {
            var j = i;
            while (j < word.Length && word[j] == word[i])
            {
                j++;
            }

            var run = j - i;
            sb.Append(word[i], run >= 3 && char.IsLetter(word[i]) ? keep : run);
            i = j;
        }

        return sb.ToString();
    }

    private static string Expand(string word) => Shorthand.TryGetValue(word, out var expanded) ? expanded : word;
}

/// <summary>Normalised text and the offsets where its clauses and its sentences start (ascending; a sentence start is also a clause start).</summary>
internal sealed record NormalizedText(string Text, int[] ClauseStarts, int[] SentenceStarts)
{
    /// <summary>The sentence holding <paramref name="index"/> (from ". ! ?" or a line break to the next).</summary>
    public ReadOnlySpan<char> SentenceOf(int index)
    {
        var starts = SentenceStarts;
        var i = Array.BinarySearch(starts, index);
        var start = i >= 0 ? starts[i] : (~i == 0 ? 0 : starts[~i - 1]);
        var j = Array.BinarySearch(starts, index + 1);
        var next = j >= 0 ? j : ~j;
        var end = next < starts.Length ? starts[next] : Text.Length;
        return Text.AsSpan(start, end - start);
    }

    /// <summary>Where the clause holding <paramref name="index"/> starts.</summary>
    public int ClauseStartOf(int index)
    {
        var i = Array.BinarySearch(ClauseStarts, index);
        return i >= 0 ? ClauseStarts[i] : (~i == 0 ? 0 : ClauseStarts[~i - 1]);
    }

    /// <summary>Where the clause holding <paramref name="index"/> ends (the next clause's start, or the end of the text).</summary>
    public int ClauseEndOf(int index)
    {
        var i = Array.BinarySearch(ClauseStarts, index + 1);
        var next = i >= 0 ? i : ~i;
        return next < ClauseStarts.Length ? ClauseStarts[next] : Text.Length;
    }
}

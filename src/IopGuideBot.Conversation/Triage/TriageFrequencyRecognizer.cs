using System.Globalization;
using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Triage;

/// <summary>
/// Reads "how often" answers given as a count per period ("like 3 or 4 times a week", "twice a month", "every day")
/// onto the NIDA Quick Screen scale. Rules: per day or "every day" → daily; 5+ a week → daily (almost daily);
/// 1–4 a week or "weekends" → weekly; 4+ a month → weekly; 1–3 a month → monthly; 3+ a year → monthly; 1–2 a year →
/// once or twice; "never" / "not at all" → never. With a range ("3 or 4") the higher number counts.
/// Returns null when the text has no period, so the choice recognizer can try.
/// </summary>
public static partial class TriageFrequencyRecognizer
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["once"] = 1, ["one"] = 1, ["a"] = 1, ["an"] = 1, ["twice"] = 2, ["two"] = 2, ["couple"] = 2, ["three"] = 3, ["few"] = 3,
        ["four"] = 4, ["several"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
    };

    public static string? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.ToLowerInvariant();
        if (Never().IsMatch(t))
        {
            return TriageFrequency.Never;
        }

        if (EveryDay().IsMatch(t))
        {
            return TriageFrequency.Daily;
        }

        var period = Period().Match(t);
        if (!period.Success)
        {
            return null;
        }

        var count = 1;
        foreach (Match m in Count().Matches(t[..period.Index]))
        {
            var value = m.Value;
            var n = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : Words.GetValueOrDefault(value, 0);
            count = Math.Max(count, n);
        }

        return period.Groups["p"].Value switch
        {
            "day" or "daily" or "night" => TriageFrequency.Daily,
            "week" or "weekly" or "weekend" or "weekends" => count >= 5 ? TriageFrequency.Daily : TriageFrequency.Weekly,
            "month" or "monthly" => count >= 4 ? TriageFrequency.Weekly : TriageFrequency.Monthly,
            _ => count >= 3 ? TriageFrequency.Monthly : TriageFrequency.OnceOrTwice,
        };
    }

    [GeneratedRegex(@"^\s*(?:never|not at all|none|zero|not once|i don'?t(?: use)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Never();

    [GeneratedRegex(@"\b(?:every ?day|daily|every night|nightly|all day|(?:almost|nearly) every day|all the time|constantly)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EveryDay();

    [GeneratedRegex(@"\b(?:a|an|per|each|every|in the past|in the last|last|this|on) (?<p>day|night|weekends?|week|month|year)\b|\b(?<p>weekly|monthly|yearly)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Period();

    [GeneratedRegex(@"\b(?:\d+|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|couple|few|several)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Count();
}

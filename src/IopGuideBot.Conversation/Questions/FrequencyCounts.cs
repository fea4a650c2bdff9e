using System.Globalization;
using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Questions;

/// <summary>A "how often" found in text, as uses a year (a range gives two), and whether it was negated ("not every day").</summary>
public sealed record FrequencyCount(IReadOnlyList<double> TimesAYear, bool Negated, int Position);

/// <summary>
/// Reads counts per period ("3 or 4 times a week", "every other day", "twice a month", "5 days a week", "3x/week") as
/// uses a year, so a frequency question can place them on its scale. Hedges ("probably", "I think") change nothing; a
/// negation just before ("not every day") marks the count negated, never turned into its opposite.
/// </summary>
public static partial class FrequencyCounts
{
    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["once"] = 1, ["single"] = 1, ["two"] = 2, ["twice"] = 2, ["couple"] = 2, ["pair"] = 2,
        ["three"] = 3, ["thrice"] = 3, ["few"] = 3, ["four"] = 4, ["several"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20,
        ["thirty"] = 30, ["multiple"] = 3, ["many"] = 5,
    };

    private static readonly Dictionary<string, double> PeriodsPerYear = new(StringComparer.Ordinal)
    {
        ["day"] = 365, ["night"] = 365, ["morning"] = 365, ["evening"] = 365, ["week"] = 52, ["weekend"] = 52, ["month"] = 12, ["year"] = 1,
    };

    /// <summary>Every count in the text, in order.</summary>
    public static IReadOnlyList<FrequencyCount> Find(string? text) => Find(text, out _);

    /// <summary>Every count in the text, in order; <paramref name="rest"/> is the text without the words they were read from.</summary>
    public static IReadOnlyList<FrequencyCount> Find(string? text, out string rest)
    {
        rest = text ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var t = Prepare(text);
        var found = new List<FrequencyCount>();
        var taken = new bool[t.Length];

        void Add(Match m, params double[] values)
        {
            if (Enumerable.Range(m.Index, m.Length).Any(i => taken[i]))
            {
                return;
            }

            Array.Fill(taken, true, m.Index, m.Length);
            found.Add(new FrequencyCount(values, IsNegated(t, m.Index), m.Index));
        }

        foreach (Match m in AlmostDaily().Matches(t))
        {
            Add(m, 300);
        }

        foreach (Match m in EveryFewDays().Matches(t))
        {
            Add(m, 365 / (m.Groups["other"].Success ? 2.0 : 2.5));
        }

        foreach (Match m in EveryFewWeeks().Matches(t))
        {
            Add(m, m.Groups["other"].Success ? 26 : 15);
        }

        foreach (Match m in EveryFewMonths().Matches(t))
        {
            Add(m, m.Groups["other"].Success ? 6 : 4);
        }

        foreach (Match m in CountPerPeriod().Matches(t))
        {
            var perYear = PeriodsPerYear[m.Groups["p"].Value];
            var first = Number(m.Groups["n"].Value);
            if (first is null)
            {
                continue;
            }

            var second = m.Groups["m"].Success ? Number(m.Groups["m"].Value) : null;
            Add(m, second is { } s && s != first ? [first.Value * perYear, s * perYear] : [first.Value * perYear]);
        }

        foreach (Match m in EveryPeriod().Matches(t))
        {
            Add(m, PeriodsPerYear[m.Groups["p"].Value] * (m.Groups["p"].Value == "weekend" ? 1 : 1));
        }

        foreach (Match m in PeriodWord().Matches(t))
        {
            Add(m, m.Groups["w"].Value switch
            {
                "daily" or "everyday" or "nightly" or "all day" or "constantly" or "24 7" or "around the clock" or "day and night" => 365,
                "weekly" or "weekends" => 52,
                "monthly" => 12,
                _ => 1,
            });
        }

        // "fridays and saturdays", "every monday": days of the week that repeat.
        var days = DayOfWeekRepeated().Matches(t).Where(m => !Enumerable.Range(m.Index, m.Length).Any(i => taken[i])).ToList();
        var distinct = days.Select(m => m.Groups["d"].Value[..3]).Distinct(StringComparer.Ordinal).Count();
        if (distinct > 0)
        {
            Add(days[0], distinct * 52.0);
            foreach (var m in days.Skip(1))
            {
                Array.Fill(taken, true, m.Index, m.Length);
            }
        }

        foreach (Match m in TimesThisYear().Matches(t))
        {
            if (Number(m.Groups["n"].Value) is { } n)
            {
                Add(m, n);
            }
        }

        var remaining = t.ToCharArray();
        for (var i = 0; i < remaining.Length; i++)
        {
            if (taken[i])
            {
                remaining[i] = ' ';
            }
        }

        rest = new string(remaining);
        return [.. found.OrderBy(f => f.Position)];
    }

    /// <summary>Lower case; "3x" as "3 times", "/" as "per", "-" as "to"; punctuation that ends a clause kept as its own word.</summary>
    private static string Prepare(string text)
    {
        var t = " " + text.ToLowerInvariant().Replace('\u2019', '\'') + " ";
        t = DigitsX().Replace(t, "$1 times ");
        t = t.Replace("/", " per ", StringComparison.Ordinal).Replace("-", " to ", StringComparison.Ordinal);
        t = ClausePunctuation().Replace(t, " , ");
        t = NonWord().Replace(t, " ");
        return Spaces().Replace(t, " ");
    }

    private static double? Number(string word) =>
        double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : NumberWords.TryGetValue(word, out var w) ? w : null;

    /// <summary>A negation in the two words before, in the same clause; two negations ("not never") cancel.</summary>
    private static bool IsNegated(string t, int index)
    {
        var before = t[..index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var negations = 0;
        for (var i = before.Length - 1; i >= 0 && i >= before.Length - 3; i--)
        {
            if (before[i] == ",")
            {
                break;
            }

            if (before[i] is "not" or "never" or "no" or "isnt" or "isn't" or "wasnt" or "dont" or "don't" or "nor" or "hardly" or "less" or "than")
            {
                negations++;
            }
        }

        return negations % 2 == 1;
    }

    private const string NumberPattern = @"\d+(?:\.\d+)?|one|once|single|two|twice|couple|pair|three|thrice|few|four|several|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|multiple|many";

    [GeneratedRegex(@"\b(?:(?<d>mon|tues|wednes|thurs|fri|satur|sun)days\b|every (?<d>mon|tues|wednes|thurs|fri|satur|sun)day\b)", RegexOptions.CultureInvariant)]
    private static partial Regex DayOfWeekRepeated();

    [GeneratedRegex(@"(\d+)\s*x\b", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsX();

    [GeneratedRegex(@"[,;!?]+|\.(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ClausePunctuation();

    [GeneratedRegex(@"[^a-z0-9'., ]", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(?:most days|(?:almost|nearly|pretty much|practically|basically) (?:every ?day|daily|every night)|(?:almost|nearly) all (?:the )?days?|most nights)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AlmostDaily();

    [GeneratedRegex(@"\bevery (?:(?<other>other|second) day|(?:few|couple(?: of)?|2|3|two|three) days)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EveryFewDays();

    [GeneratedRegex(@"\b(?:every (?:(?<other>other|second|2|two|couple(?: of)?) weeks?|(?:few|3|4|three|four) weeks)|(?<other>biweekly|fortnightly))\b", RegexOptions.CultureInvariant)]
    private static partial Regex EveryFewWeeks();

    [GeneratedRegex(@"\bevery (?:(?<other>other|second) month|(?:few|couple(?: of)?|2|3|two|three) months)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EveryFewMonths();

    [GeneratedRegex(@"(?<!\b(?:for|since|in|past|last|over|within|than) )\b(?<n>" + NumberPattern + @")(?: (?:or|to|and|maybe|possibly) (?<m>" + NumberPattern + @"))?(?: (?:of|more|or so|ish))*(?: (?:times?|x|days?|nights?|evenings?|mornings?|drinks?|hits?|days of the))? (?:a|an|per|each|every|in a|in an|a single|the|out of the|out of a|of the|on the) (?<p>day|night|week|weekend|month|year)s?\b(?! ago)", RegexOptions.CultureInvariant)]
    private static partial Regex CountPerPeriod();

    [GeneratedRegex(@"\b(?:every|each|on|all|most)(?: single)? (?<p>day|night|morning|evening|week|weekend|month|year)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex EveryPeriod();

    [GeneratedRegex(@"\b(?<w>daily|everyday|nightly|weekly|monthly|yearly|annually|weekends|constantly|all day|24 7|around the clock|day and night)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodWord();

    [GeneratedRegex(@"\b(?<n>" + NumberPattern + @")(?: (?:of|or so))? (?:times?|x)(?: (?:this|last|in the (?:past|last)|over the (?:past|last)|in a)? ?year| total| ever| in total)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimesThisYear();
}

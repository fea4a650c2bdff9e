using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The lexicon's regexes give their construction caches back (<see cref="LexiconRegex"/>) without changing a single match:
/// every pattern the lexicon compiles is matched, released and fresh side by side, over every crisis evaluation text; and
/// the interpreter that matches until start-up is over finds what the linear-time engine finds (<see cref="LexiconPattern"/>).
/// </summary>
public sealed class LexiconRegexTests
{
    [Fact]
    public void Every_lexicon_pattern_has_its_construction_caches_released_on_this_runtime()
    {
        // If a runtime renames the solver's fields nothing is released (and nothing breaks): this is where that shows.
        var unreleased = AllPatterns().Where(p => !LexiconRegex.ReleaseConstructionCaches(new Regex(p, CrisisRule.Options))).ToList();

        Assert.Empty(unreleased);
    }

    [Fact]
    public void A_released_regex_matches_exactly_like_a_fresh_one()
    {
        var texts = EvaluationTexts();
        Assert.True(texts.Count > 5_000, $"only {texts.Count} texts found");
        var differences = new List<string>();
        foreach (var pattern in AllPatterns())
        {
            var fresh = new Regex(pattern, CrisisRule.Options);
            var released = new Regex(pattern, CrisisRule.Options);
            Assert.True(LexiconRegex.ReleaseConstructionCaches(released));
            foreach (var text in texts)
            {
                var expected = Matches(fresh, text);
                var actual = Matches(released, text);
                if (!expected.SequenceEqual(actual))
                {
                    differences.Add($"{pattern[..Math.Min(40, pattern.Length)]}… on a text of {text.Length} chars");
                }
            }
        }

        Assert.Empty(differences);
    }

    /// <summary>
    /// Until start-up is over a pattern is matched by the backtracking interpreter (cheap to build), afterwards by the
    /// non-backtracking engine; both must find exactly the same matches, at the same places, on every text the detector reads.
    /// </summary>
    [Fact]
    public void The_interpreter_and_the_linear_time_engine_find_the_same_matches()
    {
        var texts = EvaluationTexts();
        var differences = new List<string>();
        // Every pattern made through LexiconPattern: the lexicon's (with its guards) and the safety check's answers.
        RuntimeHelpers.RunClassConstructor(typeof(SafetyCheckAnswers).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(CrisisDetector).TypeHandle);
        var patterns = AllPatterns().Concat(LexiconRegex.PatternsMade).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains(CrisisLexicon.SentenceOpening, patterns);
        foreach (var pattern in patterns)
        {
            var interpreted = new Regex(pattern, CrisisRule.Options & ~RegexOptions.NonBacktracking);
            var linear = LexiconRegex.Get(pattern);
            foreach (var text in texts)
            {
                if (!Matches(interpreted, text).SequenceEqual(Matches(linear, text)))
                {
                    differences.Add($"{pattern[..Math.Min(40, pattern.Length)]}… on a text of {text.Length} chars");
                }
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void A_text_longer_than_the_interpreter_takes_is_matched_in_linear_time()
    {
        var pattern = new LexiconPattern(@"\bwant to die\b");
        var longText = string.Concat(Enumerable.Repeat("i keep reading about the program ", 100)) + "and i want to die";
        Assert.True(longText.Length > LexiconPattern.MaxInterpretedLength);

        Assert.True(pattern.IsMatch(longText));
        Assert.False(pattern.EnsureLinear()); // the long text built it
        Assert.Equal(1, pattern.Count(longText));
    }

    [Fact]
    public void Building_the_linear_engines_leaves_no_pattern_interpreted()
    {
        var signal = new CrisisLexiconSignal();

        LexiconRegex.BuildLinearEngines();

        Assert.All(signal.Rules, rule => Assert.False(rule.Pattern.EnsureLinear(), rule.Rule.Id));
        var later = new LexiconPattern(@"\bmade after start up\b");
        Assert.True(later.IsMatch("a pattern made after start up"));
        Assert.False(later.EnsureLinear()); // built on its first use
    }

    [Fact]
    public void Identical_patterns_share_one_regex()
    {
        var pattern = CrisisLexicon.DrugContext;

        Assert.Same(LexiconRegex.Get(pattern), LexiconRegex.Get(new string(pattern.AsSpan())));
        Assert.Same(LexiconRegex.GetPattern(pattern), LexiconRegex.GetPattern(new string(pattern.AsSpan())));
    }

    /// <summary>Every distinct pattern the lexicon compiles: each rule's cue and guards, and the shared markers.</summary>
    private static List<string> AllPatterns() =>
    [
        .. new CrisisLexiconSignal().Rules.SelectMany(r => r.AllPatterns).Select(r => r.ToString())
            .Concat(
            [
                CrisisLexicon.Retraction, CrisisLexicon.ExplicitDenial, CrisisLexicon.DenialFrame, CrisisLexicon.Hypothetical,
                CrisisLexicon.InformationFrame, CrisisLexicon.FirstPersonNow, CrisisLexicon.ClauseHistoryMarker,
                CrisisLexicon.ClauseStillMarker, CrisisLexicon.RecentMarker, CrisisLexicon.DistantMarker, CrisisLexicon.Once,
                CrisisLexicon.OnceNotPast, CrisisLexicon.RecoveryMarker, CrisisLexicon.DrugContext, CrisisLexicon.BystanderCue,
                CrisisLexicon.SelfCrisisCue, CrisisLexicon.SelfDangerCue, CrisisLexicon.SpanishWord, CrisisLexicon.EnglishWord,
            ])
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>The text column of every crisis evaluation file, normalised as the detector reads it (each clause too).</summary>
    private static List<string> EvaluationTexts() =>
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Safety"), "crisis-*.tsv")
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[(line.LastIndexOf('\t') + 1)..])
            .SelectMany(text => CrisisTextNormalizer.NormalizeWithClauses(text).Select(n => n.Text))
            .Distinct(StringComparer.Ordinal),
    ];

    private static List<(int Index, int Length)> Matches(Regex regex, string text)
    {
        var result = new List<(int, int)>();
        foreach (var match in regex.EnumerateMatches(text))
        {
            result.Add((match.Index, match.Length));
        }

        return result;
    }
}

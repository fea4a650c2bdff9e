using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The prefilter that spares the crisis check most of its regexes (<see cref="LexiconPrefilter"/>) must never turn away a
/// text a pattern matches: every match of every filtered pattern, over every crisis evaluation and topic text, contains one
/// of the literals read from that pattern, and the trie walk admits the pattern on that text. The reader itself is checked
/// on small patterns, including the constructs it does not know (the pattern then always runs).
/// </summary>
public sealed class LexiconPrefilterTests
{
    [Fact]
    public void Every_match_of_every_filtered_pattern_contains_one_of_its_literals_and_is_admitted()
    {
        var texts = Texts();
        Assert.True(texts.Count > 15_000, $"only {texts.Count} texts found");
        var patterns = LexiconPatterns();
        var prefilter = new LexiconPrefilter(patterns);
        var mayMatch = new bool[patterns.Count];
        var problems = new List<string>();
        var matched = 0;
        foreach (var text in texts)
        {
            prefilter.Candidates(text, mayMatch);
            for (var p = 0; p < patterns.Count; p++)
            {
                var literals = prefilter.Literals[p];
                foreach (var match in LexiconRegex.Get(patterns[p]).EnumerateMatches(text))
                {
                    matched++;
                    var found = text.Substring(match.Index, match.Length);
                    if (literals is not null && !literals.Any(l => found.Contains(l, StringComparison.Ordinal)))
                    {
                        problems.Add($"a match of {patterns[p][..Math.Min(40, patterns[p].Length)]}… holds none of its literals");
                    }

                    if (!mayMatch[p])
                    {
                        problems.Add($"{patterns[p][..Math.Min(40, patterns[p].Length)]}… turned away a text of {text.Length} chars it matches");
                    }
                }
            }
        }

        Assert.True(matched > 10_000, $"only {matched} matches");
        Assert.Empty(problems);
    }

    [Fact]
    public void Most_texts_run_only_a_few_rules()
    {
        // Not a speed figure: whether the literals still say something as rules are added (a rule the reader cannot read
        // always runs). Over the evaluation texts about 3.6 of 248 rules ran per text when this was written.
        var rules = CrisisLexicon.Rules.Select(r => r.Pattern).ToList();
        var prefilter = new LexiconPrefilter(rules);
        var mayMatch = new bool[rules.Count];
        var texts = Texts();
        var run = 0L;
        foreach (var text in texts)
        {
            prefilter.Candidates(text, mayMatch);
            run += mayMatch.Count(m => m);
        }

        Assert.True(run < texts.Count * (long)rules.Count / 10, $"{run / (double)texts.Count:F1} of {rules.Count} rules run per text");
    }

    [Theory]
    [InlineData(@"\bkill (?:my ?self|me self)\b", "kill me self|kill my self|kill myself")]
    [InlineData(@"\bover ?dos(?:e|ed|ing)\b", "over dose|over dosing|overdose|overdosing")]
    [InlineData(@"\b(?:a|b)\w*", "a|b")]
    [InlineData(@"\d+ pills", " pills")]
    [InlineData(@"[sz]ick", "sick|zick")]
    [InlineData(@"[^a]bc", "bc")]
    [InlineData(@"[a-z]+ing\b", "ing")]
    [InlineData(@"a{2}b", "aab")]
    [InlineData(@"x{", "x{")]
    [InlineData(@"took \w+ (?:pills|bars)|swallowed", "swallowed|took ")]
    [InlineData(@"\bcan\'t (?:go|keep going)\.?$", "can't go|can't keep going")]
    public void The_reader_finds_the_literals_every_match_needs(string pattern, string expected)
    {
        var literals = LexiconPrefilter.RequiredLiterals(pattern);

        Assert.NotNull(literals);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), literals.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"\w+")]
    [InlineData(@"(?:kill)?")]
    [InlineData(@"x|\w")]
    [InlineData(@"(?i)kill")]
    [InlineData(@"(?=kill)k")]
    [InlineData(@"(?<who>he|she) died")] // needs " died", but named groups are not read: the reader gives up rather than guess
    [InlineData(@"\p{L}+ died")]
    public void A_pattern_that_needs_no_literal_or_that_it_cannot_read_always_runs(string pattern)
    {
        var prefilter = new LexiconPrefilter([pattern]);
        var mayMatch = new bool[1];

        prefilter.Candidates("nothing here at all", mayMatch);

        Assert.Null(LexiconPrefilter.RequiredLiterals(pattern));
        Assert.True(mayMatch[0]);
    }

    [Fact]
    public void Candidates_admits_exactly_the_patterns_whose_literals_occur()
    {
        var prefilter = new LexiconPrefilter([@"\bkill\b", @"\w+", @"dos(?:e|ing)\b", @"\bsick\b"]);
        var mayMatch = new bool[4];

        prefilter.Candidates("took an overdose", mayMatch);

        Assert.Equal([false, true, true, false], mayMatch);
    }

    /// <summary>The patterns the signal filters, in its order: every rule's cue, then the retraction and the denial.</summary>
    private static List<string> LexiconPatterns() =>
        [.. CrisisLexicon.Rules.Select(r => r.Pattern), CrisisLexicon.Retraction, CrisisLexicon.ExplicitDenial];

    /// <summary>The text column of every crisis evaluation and topic file, normalised as the detector reads it.</summary>
    private static List<string> Texts() =>
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Safety"), "crisis-*.tsv")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Understanding"), "*.tsv"))
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[(line.LastIndexOf('\t') + 1)..])
            .SelectMany(text => CrisisTextNormalizer.NormalizeWithClauses(text).Select(n => n.Text))
            .Distinct(StringComparer.Ordinal),
    ];
}

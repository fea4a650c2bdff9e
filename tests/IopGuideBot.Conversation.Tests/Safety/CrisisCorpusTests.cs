using IopGuideBot.Conversation.Safety;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// Runs the detector over a corpus of risky phrasings and benign near-misses, each with its expected category, prints
/// recall, false-alarm rate, category accuracy and every miss and false alarm, and holds the detector to the corpus's
/// targets:
/// <list type="bullet">
/// <item><c>crisis-corpus.tsv</c>, the tuning corpus: recall ≥ 98 %, false alarms ≤ 3 %, category accuracy ≥ 95 %.</item>
/// <item><c>crisis-heldout.tsv</c>, written blind before the detector was read (its header records the numbers before
/// and after the general fixes it prompted): recall ≥ 95 %, false alarms ≤ 5 %; category accuracy reported only.</item>
/// </list>
/// Reproduce: <c>dotnet test tests/IopGuideBot.Conversation.Tests --filter CrisisCorpus --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class CrisisCorpusTests(ITestOutputHelper output)
{
    private static readonly CrisisDetector Detector = new();

    [Theory]
    [InlineData("crisis-corpus.tsv", 150, 0.98, 0.03, 0.95)]
    [InlineData("crisis-heldout.tsv", 80, 0.95, 0.05, 0.0)]
    public void Detector_meets_the_corpus_targets(string file, int minimumEach, double minimumRecall, double maximumFalseAlarms, double minimumCategoryAccuracy)
    {
        var corpus = Load(file);
        var risky = corpus.Where(r => r.Expected != CrisisCategory.None).ToList();
        var benign = corpus.Where(r => r.Expected == CrisisCategory.None).ToList();
        Assert.True(risky.Count >= minimumEach, $"only {risky.Count} risky phrasings");
        Assert.True(benign.Count >= minimumEach, $"only {benign.Count} benign near-misses");

        var caught = 0;
        var rightCategory = 0;
        foreach (var (expected, text, line) in risky)
        {
            var got = Detector.Assess(text);
            if (got.IsCrisis)
            {
                caught++;
            }
            else
            {
                output.WriteLine($"MISS        line {line}: expected {expected}: {text}");
            }

            if (got.Category == expected)
            {
                rightCategory++;
            }
            else if (got.IsCrisis)
            {
                output.WriteLine($"CATEGORY    line {line}: expected {expected}, got {got.Category} ({string.Join(",", got.RuleIds)}): {text}");
            }
        }

        var falseAlarms = 0;
        foreach (var (_, text, line) in benign)
        {
            var got = Detector.Assess(text);
            if (got.IsCrisis)
            {
                falseAlarms++;
                output.WriteLine($"FALSE ALARM line {line}: got {got.Category} ({string.Join(",", got.RuleIds)}): {text}");
            }
        }

        var recall = (double)caught / risky.Count;
        var falseAlarmRate = (double)falseAlarms / benign.Count;
        var categoryAccuracy = (double)rightCategory / risky.Count;
        output.WriteLine($"{file}: risky={risky.Count} benign={benign.Count}");
        output.WriteLine($"recall={recall:P1} ({caught}/{risky.Count})  false-alarm rate={falseAlarmRate:P1} ({falseAlarms}/{benign.Count})  category accuracy={categoryAccuracy:P1} ({rightCategory}/{risky.Count})");

        Assert.True(recall >= minimumRecall, $"recall {recall:P1} < {minimumRecall:P0}");
        Assert.True(falseAlarmRate <= maximumFalseAlarms, $"false-alarm rate {falseAlarmRate:P1} > {maximumFalseAlarms:P0}");
        Assert.True(categoryAccuracy >= minimumCategoryAccuracy, $"category accuracy {categoryAccuracy:P1} < {minimumCategoryAccuracy:P0}");
    }

    private static List<(CrisisCategory Expected, string Text, int Line)> Load(string file)
    {
        var rows = new List<(CrisisCategory, string, int)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Safety", file)))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 2);
            Assert.True(parts.Length == 2, $"{file}:{lineNo}: expected '<category>\\t<text>'");
            Assert.True(Enum.TryParse<CrisisCategory>(parts[0], out var category), $"{file}:{lineNo}: unknown category '{parts[0]}'");
            rows.Add((category, parts[1], lineNo));
        }

        return rows;
    }
}

using IopGuideBot.Conversation.Safety;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// Runs the detector over <c>crisis-corpus.tsv</c> (risky phrasings and benign near-misses, each with its expected
/// category) and holds it to recall ≥ 98 %, false alarms ≤ 3 %, category accuracy ≥ 95 %.
/// Reproduce: <c>dotnet test tests/IopGuideBot.Conversation.Tests --filter CrisisCorpus --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class CrisisCorpusTests(ITestOutputHelper output)
{
    private static readonly CrisisDetector Detector = new();

    private static List<(CrisisCategory Expected, string Text, int Line)> LoadCorpus()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safety", "crisis-corpus.tsv");
        var rows = new List<(CrisisCategory, string, int)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 2);
            Assert.True(parts.Length == 2, $"crisis-corpus.tsv:{lineNo}: expected '<category>\\t<text>'");
            Assert.True(Enum.TryParse<CrisisCategory>(parts[0], out var category), $"crisis-corpus.tsv:{lineNo}: unknown category '{parts[0]}'");
            rows.Add((category, parts[1], lineNo));
        }

        return rows;
    }

    [Fact]
    public void CrisisCorpus_meets_recall_false_alarm_and_category_targets()
    {
        var corpus = LoadCorpus();
        var risky = corpus.Where(r => r.Expected != CrisisCategory.None).ToList();
        var benign = corpus.Where(r => r.Expected == CrisisCategory.None).ToList();
        Assert.True(risky.Count >= 150, $"only {risky.Count} risky phrasings");
        Assert.True(benign.Count >= 150, $"only {benign.Count} benign near-misses");

        var caught = 0;
        var rightCategory = 0;
        foreach (var (expected, text, line) in risky)
        {
            var got = Detector.Assess(text).Category;
            if (got != CrisisCategory.None)
            {
                caught++;
            }
            else
            {
                output.WriteLine($"MISS        line {line}: expected {expected}: {text}");
            }

            if (got == expected)
            {
                rightCategory++;
            }
            else if (got != CrisisCategory.None)
            {
                output.WriteLine($"CATEGORY    line {line}: expected {expected}, got {got}: {text}");
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
        output.WriteLine($"risky={risky.Count} benign={benign.Count}");
        output.WriteLine($"recall={recall:P1} ({caught}/{risky.Count})  false-alarm rate={falseAlarmRate:P1} ({falseAlarms}/{benign.Count})  category accuracy={categoryAccuracy:P1} ({rightCategory}/{risky.Count})");

        Assert.True(recall >= 0.98, $"recall {recall:P1} < 98%");
        Assert.True(falseAlarmRate <= 0.03, $"false-alarm rate {falseAlarmRate:P1} > 3%");
        Assert.True(categoryAccuracy >= 0.95, $"category accuracy {categoryAccuracy:P1} < 95%");
    }
}

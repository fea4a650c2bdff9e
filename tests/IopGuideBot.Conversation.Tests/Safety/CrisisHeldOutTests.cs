using IopGuideBot.Conversation.Safety;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// Runs the detector over <c>crisis-heldout.tsv</c>: phrasings written blind (before reading the detector or the tuning
/// corpus), in the same format as <c>crisis-corpus.tsv</c>. Prints recall, false-alarm rate, category accuracy and every
/// miss / false alarm, and holds the detector to recall ≥ 95 %, false alarms ≤ 5 %. Category accuracy is reported, not asserted.
/// Reproduce: <c>dotnet test tests/IopGuideBot.Conversation.Tests --filter CrisisHeldOut --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class CrisisHeldOutTests(ITestOutputHelper output)
{
    private static readonly CrisisDetector Detector = new();

    private static List<(CrisisCategory Expected, string Text, int Line)> LoadHeldOut()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safety", "crisis-heldout.tsv");
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
            Assert.True(parts.Length == 2, $"crisis-heldout.tsv:{lineNo}: expected '<category>\\t<text>'");
            Assert.True(Enum.TryParse<CrisisCategory>(parts[0], out var category), $"crisis-heldout.tsv:{lineNo}: unknown category '{parts[0]}'");
            rows.Add((category, parts[1], lineNo));
        }

        return rows;
    }

    [Fact]
    public void CrisisHeldOut_meets_recall_and_false_alarm_targets()
    {
        var rows = LoadHeldOut();
        var risky = rows.Where(r => r.Expected != CrisisCategory.None).ToList();
        var benign = rows.Where(r => r.Expected == CrisisCategory.None).ToList();
        Assert.True(risky.Count >= 80, $"only {risky.Count} risky phrasings");
        Assert.True(benign.Count >= 80, $"only {benign.Count} benign near-misses");

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
        output.WriteLine($"risky={risky.Count} benign={benign.Count}");
        output.WriteLine($"recall={recall:P1} ({caught}/{risky.Count})  false-alarm rate={falseAlarmRate:P1} ({falseAlarms}/{benign.Count})  category accuracy={categoryAccuracy:P1} ({rightCategory}/{risky.Count})");

        Assert.True(recall >= 0.95, $"recall {recall:P1} < 95%");
        Assert.True(falseAlarmRate <= 0.05, $"false-alarm rate {falseAlarmRate:P1} > 5%");
    }
}

using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;

namespace TopicFineTune;

/// <summary>
/// Training data (the example phrasings in dialogs-content, read by the service's own loader) and the evaluation sets
/// (read programmatically; their lines are never printed, copied or trained on).
/// </summary>
internal static class TopicData
{
    public const string UnderstandingTests = "tests/IopGuideBot.Conversation.Tests/Understanding";

    public static string FindRepositoryRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "dialogs-content"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("dialogs-content not found above " + start);
    }

    /// <summary>The seen evaluation sets: dev first, then held-out rounds. Round 8 (the final judge) is never listed.</summary>
    public static IReadOnlyList<string> EvalFiles(string root)
    {
        string[] names = ["topics-dev.tsv", "topics-dev-r2.tsv", "topics-dev-r3.tsv",
            "topics-heldout-r1.tsv", "topics-heldout-r2.tsv", "topics-heldout-r3.tsv", "topics-heldout-r5.tsv", "topics-heldout-r6.tsv", "topics-heldout-r7.tsv"];
        return [.. names.Select(n => Path.Combine(root, UnderstandingTests, n)).Where(File.Exists)];
    }

    public sealed record Row(string Voice, string Expected, string Text);

    /// <summary><c>voice TAB expected TAB text</c>; expected ids as classes name them (topics get <c>topic:</c>).</summary>
    public static List<Row> LoadEval(string path) =>
        [.. File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 3))
            .Where(p => p.Length == 3)
            .Select(p => new Row(p[0].Trim(), ClassOf(p[1].Trim()), TextNormalizer.Normalize(p[2])))];

    private static string ClassOf(string expected) =>
        expected is "none" or "crisis" || expected.Contains(':', StringComparison.Ordinal) ? expected : "topic:" + expected;

    /// <summary>
    /// The production training texts (<see cref="IntentExamples.From(ClinicContent)"/>: topic examples + title + label,
    /// small talk examples, command phrases + examples), normalised and distinct. Small talk and command ids are kept
    /// only when some evaluation set expects them.
    /// </summary>
    public static (List<(string Label, string Text)> Examples, List<string> Classes, int Dropped) TrainingSet(string root)
    {
        var content = ContentLoader.Load(Path.Combine(root, "dialogs-content"));
        var expected = EvalFiles(root).SelectMany(LoadEval).Select(r => r.Expected).ToHashSet(StringComparer.Ordinal);
        var all = IntentExamples.From(content).All.Select(e => (Label: e.Intent.Key, e.Text)).ToList();
        var kept = all.Where(e => e.Label.StartsWith("topic:", StringComparison.Ordinal) || expected.Contains(e.Label)).ToList();
        var classes = kept.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        return (kept, classes, all.Count - kept.Count);
    }
}

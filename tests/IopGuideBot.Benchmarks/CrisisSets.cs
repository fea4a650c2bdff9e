using System.Globalization;
using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Benchmarks;

/// <summary>The crisis evaluation files as the reports read them, and recall / false alarms over them.</summary>
internal static class CrisisSets
{
    /// <summary>Reads both evaluation formats: <c>label\tkind\tvoice\ttext</c> and <c>Category\ttext</c>.</summary>
    /// <summary>
    /// Blind-round files ("crisis-blind-r9.tsv", "topics-heldout-r14.tsv") oldest first, by round number: an ordinal sort
    /// puts r9 after r14, and the newest round (the one never read) would be taken for r9.
    /// </summary>
    public static List<string> ByRound(IEnumerable<string> paths) =>
        paths.OrderBy(p => int.Parse(System.Text.RegularExpressions.Regex.Match(Path.GetFileName(p), @"-r(\d+)\.tsv$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>
    /// Splits blind-round files (oldest first, <see cref="ByRound"/>) into the rounds whose lines may be read and the sealed
    /// ones. A round is opened at the start of the round after the one it judged, and its header then says so ("# Its
    /// misses were read at the start of round N"); every round newer than the newest one marked so is a sealed judge
    /// (usually one, two while the next set waits), and nothing is read or chosen on it.
    /// </summary>
    public static (List<string> Seen, List<string> Sealed) SplitSealed(List<string> byRound)
    {
        var newestRead = byRound.FindLastIndex(path =>
            File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).Any(l => l.Contains("misses were read", StringComparison.Ordinal)));
        return (byRound[..(newestRead + 1)], byRound[(newestRead + 1)..]);
    }

    public static List<Example> ReadSet(string path, string set = "") =>
        File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => p.Length == 4
                ? new Example(set, p[0] == "risky", p[3])
                : new Example(set, p[0] != nameof(CrisisCategory.None), p[1]))
            .ToList();

    public static RateSummary Rates(IEnumerable<Example> examples, Func<Example, bool> flagged)
    {
        var list = examples.ToList();
        var risky = list.Where(e => e.Risky).ToList();
        var benign = list.Where(e => !e.Risky).ToList();
        return new RateSummary(risky.Count(flagged), risky.Count, benign.Count(flagged), benign.Count);
    }

    public sealed record Example(string Set, bool Risky, string Text);

    public readonly record struct RateSummary(int Caught, int Risky, int Flagged, int Benign)
    {
        public double Recall => Risky == 0 ? 0 : (double)Caught / Risky;

        public double FalseAlarms => Benign == 0 ? 0 : (double)Flagged / Benign;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Recall:P1} ({Caught}/{Risky}) / {FalseAlarms:P1} ({Flagged}/{Benign})");
    }
}

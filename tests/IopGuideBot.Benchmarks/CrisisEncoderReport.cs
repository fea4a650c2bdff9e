using System.Globalization;
using System.Security.Cryptography;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

using static IopGuideBot.Benchmarks.CrisisSets;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// How the tuned crisis encoder is weighted beside the committed model, and at which threshold, reproducibly: every piece
/// of every evaluation line is scored once by each (through the production <see cref="CrisisSemanticSignal"/> pieces and
/// <see cref="CrisisSemanticSignal.Decide"/>), then weights × thresholds are swept. The threshold is chosen, as in
/// <see cref="CrisisSemanticReport"/>, on the team's sets together with every blind round but the newest: the highest
/// recall with the lexicon within 5 % false alarms (at equal recall, fewer false alarms) whose crisis replies to the ordinary
/// questions of the topic sets stay within <see cref="OrdinaryFalseAlarmBudget"/>. The newest blind rounds are never read.
/// Prints the chosen settings as <c>Model/crisis-encoder.json</c> wants them.
/// Run: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-encoder-report [--adapter path]
/// </summary>
internal static class CrisisEncoderReport
{
    private const double FalseAlarmBudget = 0.05;

    /// <summary>
    /// Crisis replies allowed to the topic sets' ordinary questions: what the signal gave at the start of round 8 (39 of
    /// 2,632, 1.5 %). A question such as "can I come if I'm pregnant and still using" may rightly get the safety reply, so
    /// this is a budget, not zero.
    /// </summary>
    private const double OrdinaryFalseAlarmBudget = 0.015;
    private static readonly float[] Weights = [0f, 0.25f, 0.5f, 0.75f, 1f];

    public static void Run(string? adapterPath)
    {
        var root = CrisisTrainingCorpus.FindRepositoryRoot(Environment.CurrentDirectory);
        var safetyTests = Path.Combine(root, "tests", "IopGuideBot.Conversation.Tests", "Safety");
        var team = new[] { "crisis-dev.tsv", "crisis-corpus.tsv", "crisis-heldout.tsv" }
            .SelectMany(f => ReadSet(Path.Combine(safetyTests, f), "team")).ToList();
        var (rounds, sealedRounds) = SplitSealed(ByRound(Directory.EnumerateFiles(safetyTests, "crisis-blind-*.tsv")));
        Console.WriteLine($"sealed blind rounds, not read: {string.Join(", ", sealedRounds.Select(Path.GetFileName))}");
        var blind = rounds.SelectMany(r => ReadSet(r, Path.GetFileNameWithoutExtension(r).Replace("crisis-blind-", "", StringComparison.Ordinal))).ToList();
        var choose = team.Concat(blind).ToList();
        // Ordinary questions (the topic sets, every one but the sealed blind rounds): none is a crisis, and a crisis reply to
        // one is a cost the crisis sets do not show.
        var understanding = Path.Combine(root, "tests", "IopGuideBot.Conversation.Tests", "Understanding");
        var topicSets = Directory.EnumerateFiles(understanding, "topics-*.tsv").Order(StringComparer.Ordinal).ToList();
        var (_, sealedTopics) = SplitSealed(ByRound(topicSets.Where(f => Path.GetFileName(f).StartsWith("topics-heldout-", StringComparison.Ordinal))));
        Console.WriteLine($"sealed topic rounds, not read: {string.Join(", ", sealedTopics.Select(Path.GetFileName))}");
        var ordinary = topicSets.Where(f => !sealedTopics.Contains(f))
            .SelectMany(File.ReadLines)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length == 3 && p[1] != "crisis")
            .Select(p => new Example("ordinary", false, p[2]))
            .ToList();

        var adapterBytes = adapterPath is null ? ReadEmbeddedAdapter() : File.ReadAllBytes(adapterPath);
        Console.WriteLine($"adapter: {adapterPath ?? "committed"} ({adapterBytes.Length / 1e6:0.00} MB, sha256 {Convert.ToHexStringLower(SHA256.HashData(adapterBytes))})");
        using var embeddings = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 100_000 });
        using var encoder = CrisisEncoder.Load(new MemoryStream(adapterBytes));
        var model = CrisisSemanticModel.LoadEmbedded();
        var lexicon = new CrisisDetector();

        var texts = choose.Concat(ordinary).Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
        var segments = texts.ToDictionary(t => t, t => CrisisSemanticSignal.Segments([t]), StringComparer.Ordinal);
        var pieces = segments.Values.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine($"{texts.Count} texts, {pieces.Count} pieces; scoring each piece with the encoder and the model…");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tuned = new Dictionary<string, (float Risk, CrisisCategory Category)>(StringComparer.Ordinal);
        foreach (var chunk in pieces.Chunk(64))
        {
            var scores = encoder.Judge(chunk);
            for (var i = 0; i < chunk.Length; i++)
            {
                tuned[chunk[i]] = scores[i];
            }
        }

        var encoderSeconds = watch.Elapsed.TotalSeconds;
        var vectors = embeddings.EmbedMany(pieces);
        var modelScores = pieces.Select((p, i) => (p, model.Judge(vectors[i]))).ToDictionary(x => x.p, x => x.Item2, StringComparer.Ordinal);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"encoder {encoderSeconds * 1000 / pieces.Count:0.0} ms per piece (batched); model + embedding {(watch.Elapsed.TotalSeconds - encoderSeconds) * 1000 / pieces.Count:0.0} ms per piece"));
        var lexical = texts.ToDictionary(t => t, t => lexicon.Assess(t).IsCrisis, StringComparer.Ordinal);
        var framedFloor = new CrisisSemanticTrainerSettings().FramedThreshold;

        var roundNames = blind.Select(e => e.Set).Distinct().ToList();
        Func<Example, bool> Verdicts(float weight, float t)
        {
            var framed = Math.Max(t, framedFloor);
            var verdicts = texts.ToDictionary(
                x => x,
                x => CrisisSemanticSignal.Decide([x], segments[x], [.. segments[x].Select(p => Blend(weight, modelScores[p], tuned[p]))], t, framed).IsRisky,
                StringComparer.Ordinal);
            return e => verdicts[e.Text];
        }

        var today = Verdicts(0, model.Threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ordinary questions: {ordinary.Count}; today's signal (model alone at {model.Threshold}) with the lexicon flags {Rates(ordinary, e => lexical[e.Text] || today(e))}, the lexicon alone {Rates(ordinary, e => lexical[e.Text])}"));
        Console.WriteLine();
        Console.WriteLine($"| encoder weight | threshold | choose: alone | choose: + lexicon | ordinary questions flagged | {string.Join(" | ", roundNames)} | blind pooled | blind pooled, alone |");
        Console.WriteLine($"| ---: | ---: | ---: | ---: | ---: | {string.Join(" | ", roundNames.Select(_ => "---:"))} | ---: | ---: |");
        var best = (Weight: 0f, Threshold: 0f, Recall: -1.0, FalseAlarms: 1.0);
        var sweeps = new List<string>();
        foreach (var weight in Weights)
        {
            sweeps.Add(string.Create(CultureInfo.InvariantCulture, $"encoder weight {weight:0.00}, every threshold:"));
            (float T, RateSummary With, RateSummary Ordinary, Func<Example, bool> Semantic)? chosen = null;
            foreach (var t in Thresholds())
            {
                var semantic = Verdicts(weight, t);
                var with = Rates(choose, e => lexical[e.Text] || semantic(e));
                var onOrdinary = Rates(ordinary, e => lexical[e.Text] || semantic(e));
                sweeps.Add(string.Create(CultureInfo.InvariantCulture,
                    $"    {t:0.000}: choose + lexicon {with}; ordinary {onOrdinary.Flagged}; blind pooled {Rates(blind, e => lexical[e.Text] || semantic(e))}"));
                if (with.FalseAlarms > FalseAlarmBudget || onOrdinary.FalseAlarms > OrdinaryFalseAlarmBudget
                    || (chosen is { } c && (c.With.Recall > with.Recall || (c.With.Recall == with.Recall && c.With.FalseAlarms <= with.FalseAlarms))))
                {
                    continue;
                }

                chosen = (t, with, onOrdinary, semantic);
            }

            if (chosen is not { } r)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {weight:0.00} | — | no threshold within {FalseAlarmBudget:P0} | | |"));
                continue;
            }

            var perRound = roundNames.Select(n => Rates(blind.Where(e => e.Set == n), e => lexical[e.Text] || r.Semantic(e)).ToString());
            var pooled = Rates(blind, e => lexical[e.Text] || r.Semantic(e));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {weight:0.00} | {r.T:0.000} | {Rates(choose, r.Semantic)} | {r.With} | {r.Ordinary.FalseAlarms:P1} ({r.Ordinary.Flagged}) | {string.Join(" | ", perRound)} | {pooled} | {Rates(blind, r.Semantic)} |"));
            if (r.With.Recall > best.Recall || (r.With.Recall == best.Recall && r.With.FalseAlarms < best.FalseAlarms))
            {
                best = (weight, r.T, r.With.Recall, r.With.FalseAlarms);
            }
        }

        // Which category each signal names for the team's labelled risky lines (the reply's wording depends on it).
        var labelled = new[] { "crisis-dev.tsv", "crisis-corpus.tsv", "crisis-heldout.tsv" }
            .SelectMany(f => File.ReadLines(Path.Combine(safetyTests, f)))
            .Where(l => !l.StartsWith('#') && l.Split('\t') is { Length: 2 } p && p[0] != nameof(CrisisCategory.None))
            .Select(l => l.Split('\t'))
            .Select(p => (Expected: Enum.Parse<CrisisCategory>(p[0]), Piece: segments[p[1]][0]))
            .ToList();
        Console.WriteLine();
        Console.WriteLine($"category of {labelled.Count} labelled risky lines (the whole message): encoder {labelled.Count(x => tuned[x.Piece].Category == x.Expected)} right, model {labelled.Count(x => modelScores[x.Piece].Category == x.Expected)} right");
        foreach (var group in labelled.GroupBy(x => x.Expected).OrderBy(g => g.Key))
        {
            Console.WriteLine($"    {group.Key}: {group.Count()} lines; encoder {group.Count(x => tuned[x.Piece].Category == x.Expected)}, model {group.Count(x => modelScores[x.Piece].Category == x.Expected)}");
        }

        Console.WriteLine();
        sweeps.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chosen: encoder weight {best.Weight:0.00}, threshold {best.Threshold:0.000}, framed {Math.Max(best.Threshold, framedFloor):0.000} (choose set with lexicon {best.Recall:P1} / {best.FalseAlarms:P1})"));
    }

    /// <summary>The piece's risk under <paramref name="weight"/> (as <see cref="CrisisSemanticSignal.ScorePieces"/> blends it).</summary>
    private static (float Risk, CrisisCategory Category) Blend(float weight, (float Risk, CrisisCategory Category) model, (float Risk, CrisisCategory Category) tuned) =>
        weight <= 0 ? model : (((1 - weight) * model.Risk) + (weight * tuned.Risk), tuned.Category);

    private static byte[] ReadEmbeddedAdapter()
    {
        using var stream = typeof(CrisisEncoder).Assembly.GetManifestResourceStream("IopGuideBot.Conversation.Safety.Model.crisis-encoder.adapter")
            ?? throw new InvalidOperationException("No adapter is embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static IEnumerable<float> Thresholds()
    {
        for (var t = 0.05f; t < 0.951f; t += 0.025f)
        {
            yield return MathF.Round(t, 3);
        }
    }
}

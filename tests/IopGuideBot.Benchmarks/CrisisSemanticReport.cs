using System.Globalization;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

using static IopGuideBot.Benchmarks.CrisisSets;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// How the semantic crisis signal was chosen, reproducibly: logistic regression on sentence embeddings vs nearest
/// neighbours vs small networks vs their means, with and without the framing rule (a piece framed as a question, history or denial must be surer),
/// each together with the lexicon, over a sweep of thresholds. Every variant runs through the production
/// <see cref="CrisisSemanticSignal"/> (message and sentences). Trained on the training corpus only; the threshold is chosen
/// on the team's evaluation sets (dev, the old tuning corpus and held-out set — none trained on) and every blind round but
/// the newest, as the highest recall with false alarms within 5 % (at equal recall, the fewest false alarms); the newest
/// blind round is never read here.
/// Run: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-semantic-report [--quick: the chosen method only]
/// </summary>
internal static class CrisisSemanticReport
{
    private const double FalseAlarmBudget = 0.05;

    public static void Run(bool quick = false)
    {
        var root = CrisisTrainingCorpus.FindRepositoryRoot(Environment.CurrentDirectory);
        var safetyTests = Path.Combine(root, "tests", "IopGuideBot.Conversation.Tests", "Safety");
        var train = CrisisTrainingCorpus.Load(Path.Combine(root, CrisisTrainingCorpus.RelativePath));
        var team = new[] { "crisis-dev.tsv", "crisis-corpus.tsv", "crisis-heldout.tsv" }
            .SelectMany(f => ReadSet(Path.Combine(safetyTests, f))).ToList();
        // The sealed blind rounds judge the next change: they are never read here, so nothing is chosen on them.
        var (rounds, sealedRounds) = SplitSealed(ByRound(Directory.EnumerateFiles(safetyTests, "crisis-blind-*.tsv")));
        Console.WriteLine($"sealed blind rounds, not read: {string.Join(", ", sealedRounds.Select(Path.GetFileName))}");
        var blind = rounds.SelectMany(r => ReadSet(r)).ToList();
        // The team's own sets are saturated (the lexicon alone finds 90 % there with no false alarm), so the threshold is
        // chosen on them together with the older blind rounds, which hold the near-misses that cost false alarms.
        var choose = team.Concat(blind).ToList();

        using var encoder = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 50_000 });
        var lexicon = new CrisisDetector();
        Console.WriteLine($"training corpus: {train.Count(e => e.IsRisky)} risky, {train.Count(e => !e.IsRisky)} benign");
        Console.WriteLine($"choosing on: {choose.Count(e => e.Risky)} risky, {choose.Count(e => !e.Risky)} benign (dev + corpus + heldout + the older blind rounds); the older blind rounds alone: {blind.Count(e => e.Risky)} risky, {blind.Count(e => !e.Risky)} benign");
        var trainVectors = encoder.EmbedMany([.. train.Select(e => CrisisSemanticSignal.Segments([e.Text])[0])]);
        var all = choose;
        var lexical = all.Select(e => e.Text).Distinct().ToDictionary(t => t, t => lexicon.Assess(t).IsCrisis);

        var variants = quick
            ? [("all three (mean)", new CrisisSemanticTrainerSettings(), true)]
            : new (string Name, CrisisSemanticTrainerSettings Settings, bool Framing)[]
        {
            ("logistic regression", new() { NeighbourWeight = 0f, NetworkWeight = 0f }, true),
            ("nearest neighbours (k=5)", new() { NeighbourWeight = 1f, NetworkWeight = 0f }, true),
            ("networks (3, mean)", new() { NeighbourWeight = 0f, NetworkWeight = 1f }, true),
            ("regression + neighbours (mean)", new() { NeighbourWeight = 0.5f, NetworkWeight = 0f }, true),
            ("all three (mean)", new(), true),
            ("all three (mean), no framing rule", new(), false),
        };

        var sweeps = new List<(string Name, List<string> Sweep)>();
        Console.WriteLine();
        Console.WriteLine("| method | threshold | semantic alone: recall / false alarms | with lexicon: recall / false alarms | blind, with lexicon: recall / false alarms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, settings, framing) in variants)
        {
            var trained = CrisisSemanticTrainer.Train([.. train.Select((e, i) => (trainVectors[i], e.Category))], settings, "report");
            (RateSummary Alone, RateSummary With, RateSummary Blind, float T)? best = null;
            var sweep = new List<string>();
            foreach (var t in Thresholds())
            {
                var signal = new CrisisSemanticSignal(encoder, trained.WithThresholds(t, framing ? Math.Max(t, settings.FramedThreshold) : t));
                var semantic = all.Select(e => e.Text).Distinct().ToDictionary(x => x, x => signal.Judge([x]).IsRisky);
                var with = Rates(choose, e => lexical[e.Text] || semantic[e.Text]);
                sweep.Add(string.Create(CultureInfo.InvariantCulture, $"    {t:0.000}: with lexicon {with}; blind {Rates(blind, e => lexical[e.Text] || semantic[e.Text])}"));
                // Highest recall within the budget; at equal recall, fewer false alarms.
                if (with.FalseAlarms > FalseAlarmBudget || (best is { } b && (b.With.Recall > with.Recall || (b.With.Recall == with.Recall && b.With.FalseAlarms <= with.FalseAlarms))))
                {
                    continue;
                }

                best = (Rates(choose, e => semantic[e.Text]), with, Rates(blind, e => lexical[e.Text] || semantic[e.Text]), t);
            }

            sweeps.Add((name, sweep));
            Console.WriteLine(best is { } r
                ? string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.T:0.00} | {r.Alone} | {r.With} | {r.Blind} |")
                : $"| {name} | — | no threshold keeps false alarms within {FalseAlarmBudget:P0} | | |");
        }

        Console.WriteLine($"| lexicon alone | | | {Rates(choose, e => lexical[e.Text])} | {Rates(blind, e => lexical[e.Text])} |");
        foreach (var (name, sweep) in sweeps)
        {
            Console.WriteLine();
            Console.WriteLine($"{name}, every threshold:");
            sweep.ForEach(Console.WriteLine);
        }
    }

    /// <summary>Prints the verdict on each text: category, which signals saw it, the rules that fired and the semantic risk per piece.</summary>
    public static void Explain(IEnumerable<string> texts)
    {
        using var encoder = new SentenceEmbeddings(new SemanticsOptions());
        var signal = CrisisSemanticSignal.LoadCommitted(encoder);
        var model = signal.Model;
        var detector = new CrisisDetector(signal);
        foreach (var text in texts)
        {
            var verdict = detector.Assess(text);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{text}\n  {verdict.Category} via {verdict.Signals}; rules [{string.Join(", ", verdict.RuleIds)}]; denial {verdict.IsDenial}; semantic {verdict.SemanticRisk:0.000} (threshold {signal.Threshold}, framed {signal.FramedThreshold})"));
            var pieces = CrisisSemanticSignal.Segments([text]);
            var scores = signal.ScorePieces(pieces);
            for (var i = 0; i < pieces.Count; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {scores[i].Risk:0.000} (model {model.Judge(encoder.Embed(pieces[i])).Risk:0.000}) {scores[i].Category} framed={CrisisDetector.FrameOf(pieces[i]).IsAny} {pieces[i]}"));
            }
        }
    }

    private static IEnumerable<float> Thresholds()
    {
        for (var t = 0.30f; t < 0.951f; t += 0.025f)
        {
            yield return MathF.Round(t, 2);
        }
    }
}

using System.Globalization;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// How the semantic crisis signal was chosen, reproducibly: nearest neighbours vs logistic regression on sentence
/// embeddings vs both, on the whole message or also on each sentence, each alone and together with the lexicon, over a
/// sweep of thresholds. Trained on the training corpus only; chosen on the team's evaluation sets (dev, the old tuning
/// corpus and the old held-out set, none of them trained on); the blind set is reported, never used to choose.
/// Run: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-semantic-report
/// </summary>
internal static class CrisisSemanticReport
{
    private const double FalseAlarmBudget = 0.05;

    public static void Run(string? embeddingCache = null)
    {
        var root = CrisisTrainingCorpus.FindRepositoryRoot(Environment.CurrentDirectory);
        var safetyTests = Path.Combine(root, "tests", "IopGuideBot.Conversation.Tests", "Safety");
        var train = CrisisTrainingCorpus.Load(Path.Combine(root, CrisisTrainingCorpus.RelativePath));
        var choose = new List<(string Set, Example Example)>();
        foreach (var (name, file) in new[] { ("dev", "crisis-dev.tsv"), ("corpus", "crisis-corpus.tsv"), ("heldout", "crisis-heldout.tsv") })
        {
            choose.AddRange(Load(Path.Combine(safetyTests, file)).Select(e => (name, e)));
        }

        var blind = Directory.EnumerateFiles(safetyTests, "crisis-blind-*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(f => Load(f).Select(e => (Set: Path.GetFileNameWithoutExtension(f), Example: e))).ToList();

        using var encoder = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 50_000 });
        var embeddings = new CachedEmbeddings(encoder, embeddingCache);
        var lexicon = new CrisisDetector();
        Console.WriteLine($"training corpus: {train.Count(e => e.IsRisky)} risky, {train.Count(e => !e.IsRisky)} benign");
        Console.WriteLine($"choosing on: {choose.Count(c => c.Example.Risky)} risky, {choose.Count(c => !c.Example.Risky)} benign (dev + corpus + heldout); reported only: {blind.Count} blind lines");
        var trainVectors = embeddings.EmbedMany([.. train.Select(e => CrisisSemanticSignal.Segments([e.Text])[0])]);
        var all = choose.Concat(blind).Select(c => c.Example).Distinct().ToList();
        var pieces = all.ToDictionary(e => e, e =>
        {
            var segments = CrisisSemanticSignal.Segments([e.Text]);
            return (Whole: embeddings.Embed(segments[0]), All: embeddings.EmbedMany(segments));
        });
        var lexical = all.ToDictionary(e => e, e => lexicon.Assess(e.Text).IsCrisis);
        embeddings.Save();

        var methods = new List<(string Name, Func<float[], float> Risk)>();
        foreach (var l2 in new[] { 0.001f, 0.01f, 0.1f })
        {
            var settings = new CrisisSemanticTrainerSettings { L2 = l2 };
            var model = CrisisSemanticTrainer.Train([.. train.Select((e, i) => (trainVectors[i], e.Category))], settings, "report");
            methods.Add(($"logistic l2={l2}", v => model.Judge(v).Risk));
        }

        foreach (var k in new[] { 1, 5, 15 })
        {
            methods.Add(($"nearest k={k}", v => Nearest(v, trainVectors, train, k)));
        }

        var lr = methods[1].Risk;
        var nn = methods[4].Risk;
        methods.Add(("both: mean(logistic l2=0.01, nearest k=5)", v => (lr(v) + nn(v)) / 2));
        methods.Add(("both: max(logistic l2=0.01, nearest k=5)", v => Math.Max(lr(v), nn(v))));

        Console.WriteLine();
        Console.WriteLine("| method | pieces | threshold | alone: recall / false alarms | with lexicon: recall / false alarms | blind, with lexicon: recall / false alarms |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, risk) in methods)
        {
            foreach (var sentences in new[] { false, true })
            {
                var scores = all.ToDictionary(e => e, e => sentences ? pieces[e].All.Max(risk) : risk(pieces[e].Whole));
                var best = Thresholds()
                    .Select(t => (t, with: Rates(choose.Select(c => c.Example), e => lexical[e] || scores[e] >= t)))
                    .Where(x => x.with.FalseAlarms <= FalseAlarmBudget)
                    .OrderByDescending(x => x.with.Recall).ThenByDescending(x => x.t)
                    .FirstOrDefault();
                if (best.with.Risky == 0)
                {
                    Console.WriteLine($"| {name} | {(sentences ? "message + sentences" : "message")} | — | no threshold within {FalseAlarmBudget:P0} | | |");
                    continue;
                }

                var alone = Rates(choose.Select(c => c.Example), e => scores[e] >= best.t);
                var blindRates = Rates(blind.Select(c => c.Example), e => lexical[e] || scores[e] >= best.t);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {(sentences ? "message + sentences" : "message")} | {best.t:0.00} | {alone} | {best.with} | {blindRates} |"));
            }
        }

        var lexOnly = Rates(choose.Select(c => c.Example), e => lexical[e]);
        var lexBlind = Rates(blind.Select(c => c.Example), e => lexical[e]);
        Console.WriteLine($"| lexicon alone | | | | {lexOnly} | {lexBlind} |");
    }

    private static IEnumerable<float> Thresholds()
    {
        for (var t = 0.10f; t < 0.951f; t += 0.025f)
        {
            yield return MathF.Round(t, 3);
        }

        foreach (var t in new[] { 0.96f, 0.97f, 0.98f, 0.99f, 0.995f, 0.999f })
        {
            yield return t;
        }
    }

    private static float Nearest(float[] vector, float[][] trainVectors, IReadOnlyList<CrisisExample> train, int k)
    {
        var top = new PriorityQueue<int, float>();
        for (var i = 0; i < trainVectors.Length; i++)
        {
            var s = SentenceEmbeddings.Similarity(vector, trainVectors[i]);
            top.Enqueue(i, s);
            if (top.Count > k)
            {
                top.Dequeue();
            }
        }

        float risky = 0, total = 0;
        while (top.TryDequeue(out var i, out var s))
        {
            var w = Math.Max(s, 0);
            total += w;
            risky += train[i].IsRisky ? w : 0;
        }

        return total == 0 ? 0 : risky / total;
    }

    private static RateSummary Rates(IEnumerable<Example> examples, Func<Example, bool> flagged)
    {
        var list = examples.ToList();
        var risky = list.Where(e => e.Risky).ToList();
        var benign = list.Where(e => !e.Risky).ToList();
        return new RateSummary(risky.Count(flagged), risky.Count, benign.Count(flagged), benign.Count);
    }

    /// <summary>Reads both evaluation formats: <c>label\tkind\tvoice\ttext</c> and <c>Category\ttext</c>.</summary>
    private static List<Example> Load(string path) =>
        File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => p.Length == 4
                ? new Example(p[0] == "risky", p[1], p[3])
                : new Example(p[0] != nameof(CrisisCategory.None), p[0], p[1]))
            .ToList();

    private sealed record Example(bool Risky, string Kind, string Text);

    /// <summary>Embeddings kept in a file between runs (optional), so trying another method does not re-encode every text.</summary>
    private sealed class CachedEmbeddings(SentenceEmbeddings model, string? file)
    {
        private readonly Dictionary<string, float[]> _known = file is not null && File.Exists(file)
            ? File.ReadLines(file).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1].Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            : [];

        public float[] Embed(string text) => EmbedMany([text])[0];

        public float[][] EmbedMany(IReadOnlyList<string> texts)
        {
            var missing = texts.Where(t => !_known.ContainsKey(t)).Distinct().ToList();
            if (missing.Count > 0)
            {
                var vectors = model.EmbedMany(missing);
                for (var i = 0; i < missing.Count; i++)
                {
                    _known[missing[i]] = vectors[i];
                }
            }

            return [.. texts.Select(t => _known[t])];
        }

        public void Save()
        {
            if (file is not null)
            {
                File.WriteAllLines(file, _known.Select(kv => kv.Key.Replace('\t', ' ') + "\t" + string.Join(' ', kv.Value.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
            }
        }
    }

    private readonly record struct RateSummary(int Caught, int Risky, int Flagged, int Benign)
    {
        public double Recall => Risky == 0 ? 0 : (double)Caught / Risky;

        public double FalseAlarms => Benign == 0 ? 0 : (double)Flagged / Benign;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Recall:P1} ({Caught}/{Risky}) / {FalseAlarms:P1} ({Flagged}/{Benign})");
    }
}

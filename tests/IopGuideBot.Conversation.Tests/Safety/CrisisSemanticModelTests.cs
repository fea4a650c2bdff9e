using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The committed semantic model and its training corpus: the model is the one the corpus and the trainer's settings
/// give (else: retrain), the corpus is big and varied enough, and it is kept apart from every evaluation set — no line of
/// an evaluation set, and nothing close to a line of a blind set, is trained on.
/// </summary>
public sealed partial class CrisisSemanticModelTests
{
    private const string Retrain = "retrain and commit the model: dotnet run --project src/IopGuideBot -c Release -- train-crisis-model";

    private static readonly string Root = CrisisTrainingCorpus.FindRepositoryRoot(AppContext.BaseDirectory);
    private static readonly string CorpusPath = Path.Combine(Root, CrisisTrainingCorpus.RelativePath);
    private static readonly Lazy<IReadOnlyList<CrisisExample>> Corpus = new(() => CrisisTrainingCorpus.Load(CorpusPath));

    [Fact]
    public void The_committed_model_was_trained_from_the_committed_corpus_with_the_current_settings()
    {
        var model = CrisisSemanticModel.LoadEmbedded();

        Assert.True(model.CorpusSha256 == CrisisTrainingCorpus.Sha256(CorpusPath), $"the training corpus changed since the model was trained; {Retrain}");
        Assert.True(model.Trainer == new CrisisSemanticTrainerSettings().ToString(), $"the trainer's settings changed; {Retrain}");
        Assert.Equal(CrisisSemanticTrainer.EmbeddingModelName, model.EmbeddingModel);
    }

    [Fact]
    public void The_model_covers_every_crisis_category_and_every_training_line()
    {
        var model = CrisisSemanticModel.LoadEmbedded();

        Assert.Equal(
            Enum.GetValues<CrisisCategory>().Where(c => c != CrisisCategory.PossibleCrisis).Order(),
            model.Classes.Order());
        Assert.Equal(Corpus.Value.Count, model.NeighbourLabels.Length);
        Assert.Equal(string.Concat(Corpus.Value.Select(e => e.IsRisky ? '1' : '0')), model.NeighbourLabels);
        Assert.InRange(model.Threshold, 0.05f, 0.95f);
        Assert.InRange(model.FramedThreshold, model.Threshold, 0.99f);
    }

    [Fact]
    public void The_committed_model_carries_its_networks_and_they_change_the_risk()
    {
        var model = CrisisSemanticModel.LoadEmbedded();
        var settings = new CrisisSemanticTrainerSettings();

        Assert.Equal(settings.Networks, model.Networks.Count);
        Assert.Equal(settings.NetworkWeight, model.NetworkWeight);
        var embedding = new float[IopGuideBot.Conversation.Semantics.SentenceEmbeddings.Dimensions];
        embedding[0] = 1;
        var withoutNetworks = new CrisisSemanticModel
        {
            EmbeddingModel = model.EmbeddingModel, CorpusSha256 = model.CorpusSha256, Trainer = model.Trainer,
            Threshold = model.Threshold, FramedThreshold = model.FramedThreshold, Neighbours = model.Neighbours,
            NeighbourWeight = model.NeighbourWeight, NeighbourVectors = model.NeighbourVectors, NeighbourLabels = model.NeighbourLabels,
            InputCenter = model.InputCenter, InputScale = model.InputScale, Classes = model.Classes, Weights = model.Weights, Bias = model.Bias,
        };
        Assert.NotEqual(withoutNetworks.Judge(embedding).Risk, model.Judge(embedding).Risk);
        Assert.InRange(model.NetworkRisk(embedding), 0f, 1f);
    }

    [Fact]
    public void A_network_trained_twice_from_the_same_seed_is_the_same_network()
    {
        var random = new Random(3);
        var inputs = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, IopGuideBot.Conversation.Semantics.SentenceEmbeddings.Dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 40).Select(i => i % 3).ToArray();

        var first = CrisisNetworkTrainer.Train(inputs, labels, classes: 3, hidden: 8, epochs: 3, l2: 0.01f, learningRate: 0.01f, batchSize: 16, seed: 1);
        var second = CrisisNetworkTrainer.Train(inputs, labels, classes: 3, hidden: 8, epochs: 3, l2: 0.01f, learningRate: 0.01f, batchSize: 16, seed: 1);
        var otherSeed = CrisisNetworkTrainer.Train(inputs, labels, classes: 3, hidden: 8, epochs: 3, l2: 0.01f, learningRate: 0.01f, batchSize: 16, seed: 2);

        Assert.Equal(first.Parameters, second.Parameters);
        Assert.NotEqual(first.Parameters, otherSeed.Parameters);
        Assert.True(first.IsWellFormed(3));
        var p = first.Probabilities(inputs[0], 3);
        Assert.Equal(1f, p.Sum(), 3);
    }

    [Fact]
    public void A_model_file_with_a_truncated_network_is_refused()
    {
        using var original = typeof(CrisisSemanticModel).Assembly.GetManifestResourceStream(CrisisSemanticModel.ResourceName)!;
        var json = System.Text.Json.Nodes.JsonNode.Parse(original)!;
        var parameters = json["networks"]![0]!["parameters"]!.GetValue<string>();
        json["networks"]![0]!["parameters"] = parameters[..(parameters.Length / 2 / 4 * 4)];
        using var broken = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Throws<InvalidDataException>(() => CrisisSemanticModel.Load(broken));
    }

    [Fact]
    public void The_training_corpus_is_big_and_varied()
    {
        var corpus = Corpus.Value;

        Assert.True(corpus.Count(e => e.IsRisky) >= 600, $"{corpus.Count(e => e.IsRisky)} risky lines");
        Assert.True(corpus.Count(e => !e.IsRisky) >= 600, $"{corpus.Count(e => !e.IsRisky)} benign lines");
        foreach (var category in Enum.GetValues<CrisisCategory>().Where(c => c is not CrisisCategory.None and not CrisisCategory.PossibleCrisis))
        {
            Assert.True(corpus.Count(e => e.Category == category) >= 10, $"only {corpus.Count(e => e.Category == category)} lines of {category}");
        }

        string[] riskyKinds = ["death-wish", "means", "misspelling", "slang", "selfharm", "overdose-self", "overdose-bystander", "withdrawal", "violence", "threat", "other-threat", "hidden", "spanish"];
        string[] benignKinds = ["figurative", "history", "info", "program", "denial", "everyday", "family-worry", "spanish", "triage-answer"];
        Assert.All(riskyKinds, k => Assert.True(corpus.Count(e => e.IsRisky && e.Kind == k) >= 10, $"risky kind '{k}'"));
        Assert.All(benignKinds, k => Assert.True(corpus.Count(e => !e.IsRisky && e.Kind == k) >= 10, $"benign kind '{k}'"));
        Assert.All(["self", "family", "friend", "partner", "teen"], v => Assert.Contains(corpus, e => e.Voice == v));
    }

    [Fact]
    public void No_evaluation_line_is_trained_on()
    {
        // Named by the training line only: an evaluation line (a sealed blind round's among them) is never printed.
        var evaluation = EvaluationLines().GroupBy(l => Simplify(l.Text), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(l => l.File).Distinct()), StringComparer.Ordinal);
        var shared = Corpus.Value.Where(e => evaluation.ContainsKey(Simplify(e.Text)))
            .Select(e => $"training line {e.Line} has the words of a line of {evaluation[Simplify(e.Text)]}").ToList();

        Assert.True(shared.Count == 0, "evaluation lines in the training corpus:\n" + string.Join('\n', shared));
    }

    [Fact]
    public void Nothing_close_to_a_blind_line_is_trained_on()
    {
        var blind = EvaluationLines().Where(l => l.File.StartsWith("crisis-blind-", StringComparison.Ordinal))
            .Select(l => (l.File, Words: Words(l.Text), WrittenBefore: CorpusLinesWrittenBefore(l.File))).ToList();
        var close = new List<string>();
        foreach (var example in Corpus.Value)
        {
            var words = Words(example.Text);
            if (words.Count < 3)
            {
                continue;
            }

            // A training line written before a blind set arrived cannot have been taken from it; shared everyday phrasing
            // ("what does naloxone do") is then coincidence, not copying.
            foreach (var (file, blindWords, _) in blind.Where(b => example.Line > b.WrittenBefore))
            {
                var overlap = (double)words.Intersect(blindWords).Count() / words.Union(blindWords).Count();
                if (overlap >= 0.4)
                {
                    // The blind line is not printed: a sealed round stays sealed when this test fails.
                    close.Add($"training line {example.Line} ~ a line of {file}");
                }
            }
        }

        Assert.True(close.Count == 0, "training lines too close to a blind line (write new ones in your own words):\n" + string.Join('\n', close));
    }

    private static IEnumerable<(string File, string Text)> EvaluationLines()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Safety"), "crisis-*.tsv"))
        {
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#')))
            {
                var parts = line.Split('\t');
                yield return (Path.GetFileName(file), parts[^1]);
            }
        }
    }

    /// <summary>
    /// The number of training-corpus lines written before the blind set arrived, from its header line
    /// <c># Training corpus lines written before this set arrived: N</c>; 0 (every line is checked) when it has none.
    /// </summary>
    private static int CorpusLinesWrittenBefore(string file)
    {
        const string Marker = "# Training corpus lines written before this set arrived:";
        var header = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Safety", file))
            .TakeWhile(l => l.StartsWith('#'))
            .FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        return header is null ? 0 : int.Parse(header[Marker.Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Simplify(string text) => string.Join(' ', Words(text).Order(StringComparer.Ordinal));

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal))
            .Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

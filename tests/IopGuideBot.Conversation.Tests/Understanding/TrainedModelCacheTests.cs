using IopGuideBot.Conversation.Understanding;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// The trained classifiers kept between runs (<c>intent-classifier.bin</c>, <c>meaning-classifier.bin</c>): a restart
/// loads exactly the model it would have trained, a file for other examples or settings is never used, and a damaged
/// file is ignored and replaced, never a reason for start-up to fail.
/// </summary>
public sealed class TrainedModelCacheTests : IDisposable
{
    private static readonly string[] Probes =
    [
        "how long is the program", "what does it cost", "can my boss find out", "thanks", "purple monkey dishwasher",
    ];

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"iopguidebot-test-model-{Guid.NewGuid():N}.bin");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void The_intent_classifier_is_trained_once_then_loaded_with_identical_predictions()
    {
        var examples = Sample(6);
        var trained = IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, _file);
        Assert.False(trained.FromCache);
        Assert.True(File.Exists(_file));

        var loaded = IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, _file);
        Assert.True(loaded.FromCache);
        Assert.Equal(trained.Intents, loaded.Intents);
        foreach (var probe in Probes)
        {
            Assert.Equal(trained.Classify(probe), loaded.Classify(probe), PredictionComparer.Instance);
        }
    }

    [Fact]
    public void The_intent_classifier_is_retrained_when_the_examples_change()
    {
        var examples = Sample(6);
        IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, _file);

        var oneFewer = IntentExamples.From(examples.All.Skip(1));
        var retrained = IntentClassifier.LoadOrTrain(oneFewer, UnderstandingOptions.DefaultSeed, _file);
        Assert.False(retrained.FromCache);
        Assert.Equal(IntentClassifier.Train(oneFewer).Classify(Probes[0]), retrained.Classify(Probes[0]), PredictionComparer.Instance);

        // One changed text, same count: also a different model.
        var reworded = IntentExamples.From(oneFewer.All.Select((e, i) => i == 0 ? (e.Intent, e.Text + " please") : e));
        Assert.False(IntentClassifier.LoadOrTrain(reworded, UnderstandingOptions.DefaultSeed, _file).FromCache);
        Assert.True(IntentClassifier.LoadOrTrain(reworded, UnderstandingOptions.DefaultSeed, _file).FromCache);
    }

    [Fact]
    public void The_intent_classifier_is_retrained_when_the_seed_changes()
    {
        var examples = Sample(6);
        IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, _file);
        Assert.False(IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed + 1, _file).FromCache);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    [InlineData("empty")]
    public void A_damaged_intent_classifier_file_is_ignored_and_replaced(string damage)
    {
        var examples = Sample(6);
        var expected = IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, _file);
        Damage(_file, damage);

        var rebuilt = IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, _file);
        Assert.False(rebuilt.FromCache);
        Assert.Equal(expected.Classify(Probes[0]), rebuilt.Classify(Probes[0]), PredictionComparer.Instance);
        Assert.True(IntentClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, _file).FromCache);
    }

    [Fact]
    public void The_meaning_classifier_is_trained_once_then_loaded_with_identical_predictions()
    {
        var examples = WithVectors(Sample(6));
        var trained = MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, MeaningClassifier.L2Regularization, _file);
        Assert.False(trained.FromCache);

        var loaded = MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, MeaningClassifier.L2Regularization, _file);
        Assert.True(loaded.FromCache);
        foreach (var probe in Probes)
        {
            var vector = SharedUnderstanding.Embeddings.Embed(probe);
            Assert.Equal(trained.Classify(probe, vector), loaded.Classify(probe, vector), PredictionComparer.Instance);
        }
    }

    [Fact]
    public void The_meaning_classifier_is_retrained_when_examples_vectors_or_settings_change()
    {
        var examples = WithVectors(Sample(6));
        MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, MeaningClassifier.L2Regularization, _file);

        Assert.False(MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, MeaningClassifier.L2Regularization * 2, _file).FromCache);
        Assert.False(MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed + 1, MeaningClassifier.L2Regularization * 2, _file).FromCache);
        Assert.False(MeaningClassifier.LoadOrTrain(examples.Skip(1).ToList(), UnderstandingOptions.DefaultSeed + 1, MeaningClassifier.L2Regularization * 2, _file).FromCache);

        // Same texts, one vector changed (e.g. another embedding model): a different model.
        var nudged = examples.Skip(1).Select((e, i) => i == 0 ? (e.Intent, e.Text, Vector: e.Vector.Select(v => v * 0.5f).ToArray()) : e).ToList();
        Assert.False(MeaningClassifier.LoadOrTrain(nudged, UnderstandingOptions.DefaultSeed + 1, MeaningClassifier.L2Regularization * 2, _file).FromCache);
        Assert.True(MeaningClassifier.LoadOrTrain(nudged, UnderstandingOptions.DefaultSeed + 1, MeaningClassifier.L2Regularization * 2, _file).FromCache);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    public void A_damaged_meaning_classifier_file_is_ignored_and_replaced(string damage)
    {
        var examples = WithVectors(Sample(6));
        MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, MeaningClassifier.L2Regularization, _file);
        Damage(_file, damage);

        Assert.False(MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, MeaningClassifier.L2Regularization, _file).FromCache);
        Assert.True(MeaningClassifier.LoadOrTrain(examples, UnderstandingOptions.DefaultSeed, MeaningClassifier.L2Regularization, _file).FromCache);
    }

    [Fact]
    public async Task The_semantic_matcher_loads_its_classifier_from_the_cache_file_on_the_next_build()
    {
        var embeddingsFile = _file + ".embeddings";
        try
        {
            var examples = Sample(6);
            var first = new SemanticMatcher(examples, SharedUnderstanding.Embeddings, embeddingsFile) { ClassifierCacheFile = _file };
            await first.StartBuilding().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.False(first.ClassifierFromCache);

            var second = new SemanticMatcher(examples, SharedUnderstanding.Embeddings, embeddingsFile) { ClassifierCacheFile = _file };
            await second.StartBuilding().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, second.NewlyEncoded);
            Assert.True(second.ClassifierFromCache);
            Assert.Equal(first.Match(Probes[1])!.Classified, second.Match(Probes[1])!.Classified, PredictionComparer.Instance);
        }
        finally
        {
            File.Delete(embeddingsFile);
        }
    }

    private static void Damage(string path, string how)
    {
        var bytes = File.ReadAllBytes(path);
        switch (how)
        {
            case "garbage":
                File.WriteAllText(path, "not a model file");
                break;
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped byte":
                bytes[bytes.Length - 100] ^= 0xFF;
                File.WriteAllBytes(path, bytes);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how));
        }
    }

    /// <summary>A few examples of a few intents: enough to train quickly.</summary>
    private static IntentExamples Sample(int intents) => IntentExamples.From(
        SharedUnderstanding.Examples.All.GroupBy(e => e.Intent).Take(intents).SelectMany(g => g.Take(5)));

    private static List<(Intent Intent, string Text, float[] Vector)> WithVectors(IntentExamples examples) =>
        examples.All.Select(e => (e.Intent, e.Text, SharedUnderstanding.Embeddings.Embed(e.Text))).ToList();

    /// <summary>Same intents in the same order with exactly the same scores.</summary>
    private sealed class PredictionComparer : IEqualityComparer<IntentPrediction>
    {
        public static readonly PredictionComparer Instance = new();

        public bool Equals(IntentPrediction? x, IntentPrediction? y) =>
            x is not null && y is not null && x.HasKnownWords == y.HasKnownWords && x.Ranked.SequenceEqual(y.Ranked);

        public int GetHashCode(IntentPrediction obj) => obj.Ranked.Count;
    }
}

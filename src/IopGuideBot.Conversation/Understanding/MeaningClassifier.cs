using IopGuideBot.Conversation.Semantics;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// A maximum-entropy classifier over each example's sentence embedding together with its word n-grams: the embedding
/// carries the meaning, the n-grams the telling words (an insurer's name, "detox"). Trained in the background once the
/// example embeddings are ready (about a second). Thread-safe: prediction engines come from a pool.
/// </summary>
public sealed class MeaningClassifier
{
    /// <summary>How much the embedding counts beside the n-grams (both are unit length before this); 3 read both development sets best (2 and 4 less well).</summary>
    public const float EmbeddingWeight = 3f;

    private readonly ObjectPool<PredictionEngine<Row, Prediction>> _engines;
    private readonly Intent[] _labels;

    private MeaningClassifier(ITransformer model, MLContext ml, DataViewSchema schema)
    {
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(schema)["Score"].GetSlotNames(ref slotNames);
        _labels = slotNames.DenseValues().Select(v => Intent.Parse(v.ToString())).ToArray();
        _engines = new DefaultObjectPool<PredictionEngine<Row, Prediction>>(
            new EnginePolicy(() => ml.Model.CreatePredictionEngine<Row, Prediction>(model)), Environment.ProcessorCount * 4);
    }

    /// <summary>Regularisation of the classifier: lower fits the examples more closely (peakier probabilities).</summary>
    public const float L2Regularization = 0.0001f;

    public static MeaningClassifier Train(IReadOnlyList<(Intent Intent, string Text, float[] Vector)> examples, int seed, float l2Regularization = L2Regularization) =>
        LoadOrTrain(examples, seed, l2Regularization, cacheFile: null);

    /// <summary>True when the model was read from the cache file rather than trained in this process.</summary>
    public bool FromCache { get; private init; }

    /// <summary>
    /// The model trained on <paramref name="examples"/> (with their vectors), <paramref name="seed"/> and
    /// <paramref name="l2Regularization"/>: read from <paramref name="cacheFile"/> when it holds exactly that model (see
    /// <see cref="TrainedModelFile"/>), otherwise trained and written there. Training is deterministic, so both give the
    /// same predictions; null <paramref name="cacheFile"/> always trains.
    /// </summary>
    public static MeaningClassifier LoadOrTrain(IReadOnlyList<(Intent Intent, string Text, float[] Vector)> examples, int seed, float l2Regularization, string? cacheFile)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ml = new MLContext(seed: seed);
        var key = cacheFile is null ? null : CacheKey(examples, seed, l2Regularization);
        if (key is not null && TrainedModelFile.TryRead(ml, cacheFile!, key, out var storedSchema) is { } stored)
        {
            return new MeaningClassifier(stored, ml, storedSchema!) { FromCache = true };
        }

        var rows = examples.Select(e => new Row { Text = e.Text, Embedding = Weighted(e.Vector), Label = e.Intent.Key }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Ngrams", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = null,
                KeepPunctuations = false,
                StopWordsRemoverOptions = new Microsoft.ML.Transforms.Text.StopWordsRemovingEstimator.Options { Language = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Language.English },
            }, nameof(Row.Text)))
            .Append(ml.Transforms.Concatenate("Features", nameof(Row.Embedding), "Ngrams"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, // deterministic
                MaximumNumberOfIterations = 100,
                L2Regularization = l2Regularization,
            }));
        var model = pipeline.Fit(data);
        if (key is not null)
        {
            TrainedModelFile.TryWrite(ml, cacheFile!, key, model, data.Schema);
        }

        return new MeaningClassifier(model, ml, data.Schema);
    }

    /// <summary>
    /// Everything the trained model depends on: the examples and their vectors in order, the seed, the regularisation,
    /// the embedding weight and the pipeline. The pipeline is code, so the key includes this assembly's build identity
    /// (deterministic builds give the same one for the same source): any change to the code retrains once.
    /// </summary>
    private static string CacheKey(IReadOnlyList<(Intent Intent, string Text, float[] Vector)> examples, int seed, float l2Regularization)
    {
        using var key = new TrainedModelFile.Key("meaning-classifier: embedding × weight + word 1-2 grams, English stop words; SDCA maximum entropy, 1 thread, 100 iterations")
            .Add(typeof(MeaningClassifier).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Add(seed)
            .Add(l2Regularization)
            .Add(EmbeddingWeight)
            .Add(examples.Count);
        foreach (var (intent, text, vector) in examples)
        {
            key.Add(intent.Key).Add(text).Add(vector);
        }

        return key.Finish();
    }

    /// <summary>Each intent's probability for a (normalised) message and its embedding, best first.</summary>
    public IntentPrediction Classify(string normalizedText, float[] embedding)
    {
        var engine = _engines.Get();
        float[] scores;
        try
        {
            scores = engine.Predict(new Row { Text = normalizedText, Embedding = Weighted(embedding) }).Score;
        }
        finally
        {
            _engines.Return(engine);
        }

        var ranked = new ScoredIntent[_labels.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new ScoredIntent(_labels[i], scores[i]);
        }

        Array.Sort(ranked, (a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.Intent.Key, b.Intent.Key));
        return new IntentPrediction(ranked, HasKnownWords: true);
    }

    private static float[] Weighted(float[] vector)
    {
        var weighted = new float[SentenceEmbeddings.Dimensions];
        for (var i = 0; i < weighted.Length; i++)
        {
            weighted[i] = vector[i] * EmbeddingWeight;
        }

        return weighted;
    }

    internal sealed class Row
    {
        public string Text { get; set; } = "";

        [VectorType(SentenceEmbeddings.Dimensions)]
        public float[] Embedding { get; set; } = [];

        public string Label { get; set; } = "";
    }

    internal sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class EnginePolicy(Func<PredictionEngine<Row, Prediction>> create) : IPooledObjectPolicy<PredictionEngine<Row, Prediction>>
    {
        public PredictionEngine<Row, Prediction> Create() => create();

        public bool Return(PredictionEngine<Row, Prediction> obj) => true;
    }
}

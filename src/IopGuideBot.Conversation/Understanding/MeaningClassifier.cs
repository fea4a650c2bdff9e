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

    public static MeaningClassifier Train(IReadOnlyList<(Intent Intent, string Text, float[] Vector)> examples, int seed, float l2Regularization = L2Regularization)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ml = new MLContext(seed: seed);
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
        return new MeaningClassifier(model, ml, data.Schema);
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

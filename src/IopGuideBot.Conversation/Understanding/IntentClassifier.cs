using System.Diagnostics;
using IopGuideBot.Conversation.Content;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>An intent and how strongly a matcher thinks the message asks for it.</summary>
public sealed record ScoredIntent(Intent Intent, float Score);

/// <summary>
/// Every intent with its score, best first. <see cref="HasKnownWords"/> is false when the message shares no meaningful
/// word with any example (gibberish, another language, a name): then the n-gram scores say nothing.
/// </summary>
public sealed record IntentPrediction(IReadOnlyList<ScoredIntent> Ranked, bool HasKnownWords)
{
    public ScoredIntent Top => Ranked[0];

    /// <summary>The best-scored intent other than <see cref="Top"/>.</summary>
    public ScoredIntent Second => Ranked.Count > 1 ? Ranked[1] : new ScoredIntent(Top.Intent, 0f);
}

/// <summary>
/// The fast path of understanding: an ML.NET text classifier (word and character n-grams + SDCA maximum entropy) trained
/// at start-up from <see cref="IntentExamples"/>, so editing content retrains the bot. About 10 µs a message, and very
/// precise when its top probability is high; it learns the examples' words rather than their meaning, so the cascade
/// asks <see cref="SemanticMatcher"/> when it is unsure. Thread-safe: prediction engines (which are not) come from a pool.
/// </summary>
public sealed class IntentClassifier
{
    private readonly ObjectPool<PredictionEngine<Example, Prediction>> _engines;
    private readonly Intent[] _labels;
    private readonly HashSet<string> _vocabulary;

    // Words too common to show that a message is about anything the bot knows.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "the", "and", "you", "are", "what", "how", "can", "for", "with", "this", "that", "have", "does", "will", "your",
        "about", "there", "its", "was", "not", "but", "get", "just", "who", "why", "when", "where", "is", "do", "my", "me",
        "it", "to", "of", "in", "on", "an", "or", "if", "be", "so", "at", "im", "am", "tell", "know", "want", "like",
    };

    private IntentClassifier(ITransformer model, MLContext ml, DataViewSchema inputSchema, TimeSpan trainingTime, HashSet<string> vocabulary)
    {
        _vocabulary = vocabulary;
        TrainingTime = trainingTime;
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref slotNames);
        _labels = slotNames.DenseValues().Select(v => Intent.Parse(v.ToString())).ToArray();
        _engines = new DefaultObjectPool<PredictionEngine<Example, Prediction>>(
            new EnginePolicy(() => ml.Model.CreatePredictionEngine<Example, Prediction>(model)), Environment.ProcessorCount * 4);
    }

    public TimeSpan TrainingTime { get; }

    public IReadOnlyList<Intent> Intents => _labels;

    /// <summary>Trains from every intent's examples in <paramref name="content"/>.</summary>
    public static IntentClassifier Train(ClinicContent content, int seed = UnderstandingOptions.DefaultSeed) =>
        Train(IntentExamples.From(content), seed);

    public static IntentClassifier Train(IntentExamples examples, int seed = UnderstandingOptions.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var watch = Stopwatch.StartNew();
        var ml = new MLContext(seed: seed);
        var rows = examples.All.Select(e => new Example { Text = e.Text, Label = e.Intent.Key }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                CaseMode = Microsoft.ML.Transforms.Text.TextNormalizingEstimator.CaseMode.Lower,
                KeepPunctuations = false,
                StopWordsRemoverOptions = new Microsoft.ML.Transforms.Text.StopWordsRemovingEstimator.Options { Language = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Language.English },
            }, nameof(Example.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1, // a single thread keeps training deterministic
                MaximumNumberOfIterations = 100,
                L2Regularization = 0.0001f,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        watch.Stop();
        var vocabulary = rows.SelectMany(r => r.Text.Split(' ')).Where(w => !CommonWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        return new IntentClassifier(model, ml, data.Schema, watch.Elapsed, vocabulary);
    }

    /// <summary>Scores <paramref name="text"/> against every intent (probabilities that sum to 1).</summary>
    public IntentPrediction Classify(string text)
    {
        var normal = TextNormalizer.Normalize(text);
        var engine = _engines.Get();
        float[] scores;
        try
        {
            scores = engine.Predict(new Example { Text = normal }).Score;
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
        return new IntentPrediction(ranked, normal.Split(' ').Any(_vocabulary.Contains));
    }

    internal sealed class Example
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    internal sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class EnginePolicy(Func<PredictionEngine<Example, Prediction>> create) : IPooledObjectPolicy<PredictionEngine<Example, Prediction>>
    {
        public PredictionEngine<Example, Prediction> Create() => create();

        public bool Return(PredictionEngine<Example, Prediction> obj) => true;
    }
}

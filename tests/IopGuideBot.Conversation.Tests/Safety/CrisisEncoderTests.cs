using System.Runtime.InteropServices;
using System.Text;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The tuned crisis encoder: its adapter changes exactly the weights it names and nothing is loaded that does not fit
/// the graph; without weight changes it is the shared embedding model; the committed adapter and its blend belong together.
/// </summary>
public sealed class CrisisEncoderTests
{
    private static readonly Lazy<byte[]> Graph = new(CrisisEncoder.ReadPackageGraph);

    /// <summary>A MatMul weight [384, 384] and a LayerNorm bias [384] of the package's graph.</summary>
    private static (OnnxInitializers.Tensor MatMul, OnnxInitializers.Tensor Bias) TwoWeights()
    {
        var tensors = new OnnxInitializers(Graph.Value).Tensors.Values;
        var matMul = tensors.First(t => t.Dims.SequenceEqual(new long[] { 384, 384 }));
        var bias = tensors.First(t => t.Name.EndsWith("LayerNorm.bias", StringComparison.Ordinal));
        return (matMul, bias);
    }

    [Fact]
    public void The_package_graph_exposes_every_encoder_weight()
    {
        var tensors = new OnnxInitializers(Graph.Value).Tensors;

        // 6 layers × (q, k, v, attention output, intermediate, output: weight and bias; 2 LayerNorms: weight and bias).
        Assert.True(tensors.Count >= 6 * 16, $"{tensors.Count} float initializers");
        Assert.Contains("encoder.layer.5.output.LayerNorm.weight", tensors.Keys);
        Assert.Equal(6, tensors.Values.Count(t => t.Dims.SequenceEqual(new long[] { 384, 1536 })));
    }

    [Fact]
    public void An_adapter_adds_its_low_rank_product_and_replaces_whole_tensors()
    {
        var (matMul, bias) = TwoWeights();
        var before = Floats(Graph.Value, matMul);
        float[] a = [.. Enumerable.Range(0, 384 * 2).Select(i => (i % 7) * 0.01f)];
        float[] b = [.. Enumerable.Range(0, 2 * 384).Select(i => ((i % 5) - 2) * 0.001f)];
        float[] newBias = [.. Enumerable.Range(0, 384).Select(i => i * 0.5f)];
        var adapter = Adapter(
            ["None", "OverdoseInProgress"],
            (matMul.Name, 1, 384, 384, 2, [.. a, .. b]),
            (bias.Name, 0, 384, 1, 0, newBias));
        var graph = (byte[])Graph.Value.Clone();

        var (classes, maxTokens, _, _) = CrisisEncoder.Apply(adapter, graph);

        Assert.Equal([CrisisCategory.None, CrisisCategory.OverdoseInProgress], classes);
        Assert.Equal(64, maxTokens);
        var after = Floats(graph, matMul);
        foreach (var (r, c) in new[] { (0, 0), (3, 17), (200, 383), (383, 5) })
        {
            var expected = before[(r * 384) + c] + (a[r * 2] * b[c]) + (a[(r * 2) + 1] * b[384 + c]);
            Assert.Equal(expected, after[(r * 384) + c], 1e-6f);
        }

        Assert.Equal(newBias, Floats(graph, bias));
        // Nothing else moved.
        var untouched = new OnnxInitializers(Graph.Value).Tensors.Values.First(t => t.Name != matMul.Name && t.Name != bias.Name && t.Dims.Length == 2);
        Assert.Equal(Floats(Graph.Value, untouched), Floats(graph, untouched));
    }

    [Fact]
    public void Adapters_that_do_not_fit_the_graph_are_refused()
    {
        var (matMul, _) = TwoWeights();
        var ok = (matMul.Name, 0, 384, 384, 0, new float[384 * 384]);
        Stream[] bad =
        [
            new MemoryStream(Encoding.ASCII.GetBytes("NOTADAPTER")),
            Adapter(["SuicideOrSelfHarm", "None"], ok),
            Adapter(["None", "Hunger"], ok),
            Adapter(["None", "OverdoseInProgress"], ("no.such.weight", 0, 384, 1, 0, new float[384])),
            Adapter(["None", "OverdoseInProgress"], (matMul.Name, 0, 384, 383, 0, new float[384 * 383])),
            Adapter(["None", "OverdoseInProgress"], (matMul.Name, 7, 384, 384, 0, new float[384 * 384])),
            Adapter(["None", "OverdoseInProgress"], ok, withHead: false),
            Truncated(Adapter(["None", "OverdoseInProgress"], ok)),
            WithTrailingByte(Adapter(["None", "OverdoseInProgress"], ok)),
        ];

        foreach (var adapter in bad)
        {
            var error = Record.Exception(() => CrisisEncoder.Apply(adapter, (byte[])Graph.Value.Clone()));
            Assert.True(error is InvalidDataException or EndOfStreamException, error?.ToString() ?? "accepted");
        }
    }

    [Fact]
    public void With_only_a_head_the_encoder_is_the_shared_embedding_model()
    {
        using var encoder = CrisisEncoder.Load(Adapter(["None", "SuicideOrSelfHarm"]));
        string[] texts = ["what time do the evening groups start", "i have not slept in three days and my hands will not stop shaking"];

        var pooled = encoder.Pool(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var unit = pooled[i].Select(v => v / MathF.Sqrt(pooled[i].Sum(x => x * x))).ToArray();
            Assert.True(SentenceEmbeddings.Similarity(unit, SharedCrisisDetector.Embeddings.Embed(texts[i])) > 0.9999f, texts[i]);
        }
    }

    [Fact]
    public void The_committed_adapter_loads_with_the_blend_chosen_for_it()
    {
        var blend = CrisisEncoderBlend.LoadEmbedded();
        using var encoder = CrisisEncoder.LoadEmbedded();

        Assert.Equal(CrisisCategory.None, encoder.Classes[0]);
        Assert.InRange(blend.EncoderWeight, 0.01f, 1f);
        var scores = encoder.Judge(["what time do the evening groups start", "i have the pills counted out and i am saying goodbye to everyone tonight"]);
        Assert.True(scores[0].Risk < blend.Threshold, $"benign {scores[0].Risk}");
        Assert.True(scores[1].Risk >= blend.Threshold, $"risky {scores[1].Risk}");
    }

    private static float[] Floats(byte[] graph, OnnxInitializers.Tensor tensor) =>
        MemoryMarshal.Cast<byte, float>(graph.AsSpan(tensor.Offset, tensor.Length)).ToArray();

    private static MemoryStream Adapter(string[] classes, params (string Name, int Kind, int Rows, int Cols, int Rank, float[] Values)[] entries) =>
        Adapter(classes, entries, withHead: true);

    private static MemoryStream Adapter(string[] classes, (string Name, int Kind, int Rows, int Cols, int Rank, float[] Values) entry, bool withHead) =>
        Adapter(classes, [entry], withHead);

    private static MemoryStream Adapter(string[] classes, (string Name, int Kind, int Rows, int Cols, int Rank, float[] Values)[] entries, bool withHead)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(CrisisEncoder.Magic));
            writer.Write(classes.Length);
            foreach (var c in classes)
            {
                WriteName(writer, c);
            }

            writer.Write(64);
            var all = entries.ToList();
            if (withHead)
            {
                all.Add(("head.weight", 0, classes.Length, 384, 0, new float[classes.Length * 384]));
                all.Add(("head.bias", 0, classes.Length, 1, 0, new float[classes.Length]));
            }

            writer.Write(all.Count);
            foreach (var (name, kind, rows, cols, rank, values) in all)
            {
                WriteName(writer, name);
                writer.Write(kind);
                writer.Write(rows);
                writer.Write(cols);
                writer.Write(rank);
                foreach (var v in values)
                {
                    writer.Write(v);
                }
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static void WriteName(BinaryWriter writer, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static MemoryStream Truncated(MemoryStream adapter) => new(adapter.ToArray()[..^10]);

    private static MemoryStream WithTrailingByte(MemoryStream adapter) => new([.. adapter.ToArray(), 0]);
}

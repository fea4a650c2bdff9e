using TorchSharp;
using static TorchSharp.torch;

namespace CrisisFineTune;

/// <summary>
/// all-MiniLM-L6-v2 as a BERT in TorchSharp, its parameters named and laid out exactly as the ONNX graph's initializers
/// (dense weights are [in, out], as the graph's MatMul inputs), so tuned weights can be written back into the graph.
/// 6 layers, hidden 384, 12 heads, intermediate 1536, GELU (erf), LayerNorm eps 1e-12; mean pooling over the mask.
/// </summary>
internal sealed class MiniLm : nn.Module<Tensor, Tensor, Tensor>
{
    public const int Layers = 6, Hidden = 384, Heads = 12, HeadSize = 32;
    private const double Eps = 1e-12;

    /// <summary>ONNX initializer name → parameter.</summary>
    public Dictionary<string, TorchSharp.Modules.Parameter> Weights { get; } = new(StringComparer.Ordinal);

    /// <summary>Our names (PyTorch style) → ONNX initializer names (the graph's anonymous MatMul weights).</summary>
    public Dictionary<string, string> OnnxNames { get; } = new(StringComparer.Ordinal);

    public double Dropout { get; set; } = 0.1;

    public MiniLm(OnnxWeights onnx) : base("minilm")
    {
        // Each MatMul's weight is named by the bias its output is added to.
        var matmulByBias = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in onnx.Nodes.Where(n => n.OpType == "MatMul"))
        {
            var weight = node.Inputs.FirstOrDefault(onnx.Initializers.ContainsKey);
            if (weight is null) continue;
            var add = onnx.Nodes.First(a => a.OpType == "Add" && a.Inputs.Contains(node.Outputs[0]));
            var bias = add.Inputs.First(onnx.Initializers.ContainsKey);
            matmulByBias[bias] = weight;
        }

        foreach (var (name, init) in onnx.Initializers)
        {
            if (init.DataType != 1 || name.StartsWith("pooler.", StringComparison.Ordinal)) continue;
            var ours = name;
            var weightFor = matmulByBias.FirstOrDefault(kv => kv.Value == name).Key;
            if (weightFor is not null) ours = weightFor[..^".bias".Length] + ".weight";
            if (matmulByBias.ContainsValue(name) && weightFor is null) throw new InvalidDataException(name);
            OnnxNames[ours] = name;
            var p = new TorchSharp.Modules.Parameter(tensor(init.Data, init.Dims));
            Weights[ours] = p;
            register_parameter(ours.Replace('.', '_'), p);
        }

        if (Weights.Count != 5 + (Layers * 16)) throw new InvalidDataException($"expected {5 + (Layers * 16)} tensors, found {Weights.Count}");
    }

    /// <summary>Our names of the tensors a .bin replaced (set by <see cref="Commands.Load"/>).</summary>
    public HashSet<string> Tuned { get; } = new(StringComparer.Ordinal);

    /// <summary>LoRA factors per MatMul weight (our name): W + A·B·<see cref="LoraScale"/>, A [in, r], B [r, out].</summary>
    public Dictionary<string, (TorchSharp.Modules.Parameter A, TorchSharp.Modules.Parameter B)> Lora { get; } = new(StringComparer.Ordinal);

    public double LoraScale { get; set; } = 1;

    /// <summary>The dense weights LoRA adapts: q, k, v, attention output, intermediate, output of every layer.</summary>
    public static IEnumerable<string> DenseWeights() =>
        Enumerable.Range(0, Layers).SelectMany(i => new[] { "attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense" }
            .Select(d => $"encoder.layer.{i}.{d}.weight"));

    /// <summary>Adds LoRA factors (A small random, B zero, so the model starts as the base).</summary>
    public void AddLora(int rank, double alpha, bool random = true)
    {
        LoraScale = alpha / rank;
        foreach (var name in DenseWeights())
        {
            var w = Weights[name];
            var a = new TorchSharp.Modules.Parameter(random ? randn(w.shape[0], rank).mul(1.0 / Math.Sqrt(w.shape[0])) : zeros(w.shape[0], rank));
            var b = new TorchSharp.Modules.Parameter(zeros(rank, w.shape[1]));
            Lora[name] = (a, b);
            register_parameter("lora_A_" + name.Replace('.', '_'), a);
            register_parameter("lora_B_" + name.Replace('.', '_'), b);
        }
    }

    private Tensor W(string name) =>
        Lora.TryGetValue(name, out var ab) ? Weights[name] + ab.A.matmul(ab.B).mul(LoraScale) : Weights[name];

    private Tensor Norm(Tensor x, string prefix) =>
        nn.functional.layer_norm(x, [Hidden], W(prefix + ".weight"), W(prefix + ".bias"), Eps);

    private Tensor Drop(Tensor x) => training && Dropout > 0 ? nn.functional.dropout(x, Dropout, true) : x;

    /// <summary>Token states [B, L, 384].</summary>
    public Tensor Tokens(Tensor ids, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var (b, l) = (ids.shape[0], ids.shape[1]);
        var positions = arange(l, dtype: ScalarType.Int64);
        var x = W("embeddings.word_embeddings.weight").index_select(0, ids.reshape(-1)).reshape(b, l, Hidden)
            + W("embeddings.position_embeddings.weight").index_select(0, positions).unsqueeze(0)
            + W("embeddings.token_type_embeddings.weight")[0];
        x = Drop(Norm(x, "embeddings.LayerNorm"));
        var additive = (1 - mask.to_type(ScalarType.Float32)).mul(-10000f).reshape(b, 1, 1, l);
        for (var i = 0; i < Layers; i++)
        {
            var p = $"encoder.layer.{i}.";
            Tensor Split(Tensor t) => t.reshape(b, l, Heads, HeadSize).transpose(1, 2);
            var q = Split(x.matmul(W(p + "attention.self.query.weight")) + W(p + "attention.self.query.bias"));
            var k = Split(x.matmul(W(p + "attention.self.key.weight")) + W(p + "attention.self.key.bias"));
            var v = Split(x.matmul(W(p + "attention.self.value.weight")) + W(p + "attention.self.value.bias"));
            var scores = q.matmul(k.transpose(2, 3)).div(Math.Sqrt(HeadSize)) + additive;
            var probs = Drop(scores.softmax(-1));
            var context = probs.matmul(v).transpose(1, 2).reshape(b, l, Hidden);
            var attended = Drop(context.matmul(W(p + "attention.output.dense.weight")) + W(p + "attention.output.dense.bias"));
            x = Norm(x + attended, p + "attention.output.LayerNorm");
            var h = nn.functional.gelu(x.matmul(W(p + "intermediate.dense.weight")) + W(p + "intermediate.dense.bias"));
            var o = Drop(h.matmul(W(p + "output.dense.weight")) + W(p + "output.dense.bias"));
            x = Norm(x + o, p + "output.LayerNorm");
        }

        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Mean-pooled sentence vectors [B, 384] (not yet normalised).</summary>
    public override Tensor forward(Tensor ids, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var states = Tokens(ids, mask);
        var m = mask.to_type(ScalarType.Float32).unsqueeze(-1);
        return (states * m).sum(1).div(m.sum(1).clamp_min(1e-9)).MoveToOuterDisposeScope();
    }

    /// <summary>LoRA training: only LayerNorm weights/biases and biases (if <paramref name="small"/>) and the LoRA factors learn.</summary>
    public void FreezeForLora(bool small)
    {
        foreach (var (name, p) in Weights)
        {
            var isSmall = name.StartsWith("encoder.", StringComparison.Ordinal) && (name.EndsWith(".bias", StringComparison.Ordinal) || name.Contains("LayerNorm", StringComparison.Ordinal));
            p.requires_grad = small && isSmall;
        }
    }

    /// <summary>Freezes the embeddings and the first <paramref name="layers"/> layers.</summary>
    public void Freeze(int layers)
    {
        foreach (var (name, p) in Weights)
        {
            var frozen = name.StartsWith("embeddings.", StringComparison.Ordinal)
                || Enumerable.Range(0, layers).Any(i => name.StartsWith($"encoder.layer.{i}.", StringComparison.Ordinal));
            p.requires_grad = !frozen;
        }
    }
}

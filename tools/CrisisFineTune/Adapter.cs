using System.Text;
using IopGuideBot.Conversation.Safety;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace CrisisFineTune;

/// <summary>
/// The adapter file the service applies to the package's ONNX graph (little-endian, float32):
/// "IOPADPT1"; int32 classCount, classCount × (int32 length + UTF-8 name), None first; int32 maxTokens;
/// int32 entryCount, entryCount × (int32 length + UTF-8 ONNX initializer name | "head.weight" | "head.bias";
/// int32 kind (0 replace, 1 W += A·B); int32 rows, cols, rank; values: kind 0 rows·cols floats row-major,
/// kind 1 A [rows, rank] then B [rank, cols], the LoRA scale folded into B).
/// Scoring: softmax(head.weight · meanpool + head.bias), meanpool = unnormalised mean of the last hidden states.
/// </summary>
internal static class Adapter
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("IOPADPT1");

    public sealed record Entry(string Name, int Kind, int Rows, int Cols, int Rank, float[] A, float[]? B = null);

    /// <summary>The head's classes: CrisisCategory values a corpus line may carry, None first (enum order).</summary>
    public static readonly string[] Classes =
        [.. Enum.GetValues<CrisisCategory>().Where(c => c != CrisisCategory.PossibleCrisis).Select(c => c.ToString())];

    public static void Write(string path, IReadOnlyList<string> classes, int maxTokens, IReadOnlyList<Entry> entries)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Magic);
        w.Write(classes.Count);
        foreach (var c in classes) WriteString(w, c);
        w.Write(maxTokens);
        w.Write(entries.Count);
        foreach (var e in entries)
        {
            WriteString(w, e.Name);
            w.Write(e.Kind);
            w.Write(e.Rows);
            w.Write(e.Cols);
            w.Write(e.Rank);
            var expected = e.Kind == 0 ? e.Rows * e.Cols : e.Rows * e.Rank;
            if (e.A.Length != expected || (e.Kind == 1 && e.B!.Length != e.Rank * e.Cols)) throw new InvalidDataException(e.Name);
            foreach (var f in e.A) w.Write(f);
            if (e.Kind == 1) foreach (var f in e.B!) w.Write(f);
        }
    }

    public static (string[] Classes, int MaxTokens, List<Entry> Entries) Read(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        if (!r.ReadBytes(8).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not an IOPADPT1 file");
        var classes = new string[r.ReadInt32()];
        for (var i = 0; i < classes.Length; i++) classes[i] = ReadString(r);
        var maxTokens = r.ReadInt32();
        var entries = new List<Entry>();
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(r);
            var (kind, rows, cols, rank) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            var a = Floats(r, kind == 0 ? rows * cols : rows * rank);
            var b = kind == 1 ? Floats(r, rank * cols) : null;
            entries.Add(new Entry(name, kind, rows, cols, rank, a, b));
        }

        if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("trailing bytes");
        return (classes, maxTokens, entries);
    }

    /// <summary>The base encoder with the adapter merged in (kind 0 replaced, kind 1 added), and its head.</summary>
    public static (MiniLm Model, nn.Module<Tensor, Tensor> Head, string[] Classes, int MaxTokens) Load(string path)
    {
        var (classes, maxTokens, entries) = Read(path);
        var model = new MiniLm(OnnxWeights.FromMiniLmPackage());
        var ours = model.OnnxNames.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        var head = nn.Linear(MiniLm.Hidden, classes.Length);
        using (no_grad())
        {
            foreach (var e in entries)
            {
                Tensor target = e.Name switch
                {
                    "head.weight" => head.weight!,
                    "head.bias" => head.bias!,
                    _ => model.Weights[ours[e.Name]],
                };
                if (target.numel() != (long)e.Rows * e.Cols) throw new InvalidDataException($"{e.Name}: {target.numel()} values, entry {e.Rows}x{e.Cols}");
                if (e.Kind == 0)
                {
                    target.copy_(tensor(e.A, target.shape));
                }
                else
                {
                    using var delta = tensor(e.A, [e.Rows, e.Rank]).matmul(tensor(e.B!, [e.Rank, e.Cols]));
                    target.add_(delta.reshape(target.shape));
                }
            }
        }

        model.eval();
        head.eval();
        return (model, head, classes, maxTokens);
    }

    /// <summary>Writes a trained .bin (full tensors, LoRA factors, binary or multi-class head) as an adapter.</summary>
    public static void Export(string binPath, string path, int maxTokens)
    {
        var (model, head, _) = Commands.Load(binPath);
        var entries = new List<Entry>();
        foreach (var (name, p) in model.Weights.Where(kv => model.Tuned.Contains(kv.Key)))
        {
            var rows = p.shape.Length == 2 ? (int)p.shape[0] : 1;
            var cols = p.shape.Length == 2 ? (int)p.shape[1] : (int)p.shape[0];
            if (p.shape.Length == 1) (rows, cols) = (cols, 1);
            entries.Add(new Entry(model.OnnxNames[name], 0, rows, cols, 0, Data(p)));
        }

        foreach (var (name, (a, b)) in model.Lora)
        {
            using var scaled = b.detach() * model.LoraScale;
            entries.Add(new Entry(model.OnnxNames[name], 1, (int)a.shape[0], (int)b.shape[1], (int)a.shape[1], Data(a), Data(scaled)));
        }

        var linear = (TorchSharp.Modules.Linear)head;
        var w = Data(linear.weight!);
        var bias = Data(linear.bias!);
        string[] classes;
        if (linear.weight!.shape[0] == 1)
        {
            // Binary head: softmax over [0, w·x + b] equals sigmoid(w·x + b).
            classes = [nameof(CrisisCategory.None), nameof(CrisisCategory.SuicideOrSelfHarm)];
            w = [.. new float[MiniLm.Hidden], .. w];
            bias = [0f, bias[0]];
        }
        else
        {
            classes = Classes;
            if (linear.weight.shape[0] != classes.Length) throw new InvalidDataException("head size");
        }

        entries.Add(new Entry("head.weight", 0, classes.Length, MiniLm.Hidden, 0, w));
        entries.Add(new Entry("head.bias", 0, classes.Length, 1, 0, bias));
        Write(path, classes, maxTokens, entries);
        var floats = entries.Sum(e => (long)e.A.Length + (e.B?.Length ?? 0));
        Console.WriteLine($"wrote {path}: {new FileInfo(path).Length / 1e6:0.000} MB, {entries.Count} entries ({entries.Count(e => e.Kind == 0)} replacements, {entries.Count(e => e.Kind == 1)} low-rank), {floats:N0} floats, classes {string.Join(",", classes)}, maxTokens {maxTokens}");
        // Round trip: the file, merged into the base encoder, scores as the .bin does.
        var (merged, mergedHead, _, _) = Load(path);
        var sentences = Commands.ParitySentences;
        var before = Commands.Score(model, head, sentences, maxTokens);
        var after = Commands.Score(merged, mergedHead, sentences, maxTokens);
        Console.WriteLine($"round trip on {sentences.Length} sentences: max |risk(.bin) - risk(adapter)| = {before.Zip(after).Max(x => Math.Abs(x.First - x.Second)):E2}");
        merged.Dispose();
        model.Dispose();
    }

    private static float[] Data(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static string ReadString(BinaryReader r) => Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt32()));

    private static float[] Floats(BinaryReader r, int count)
    {
        var bytes = r.ReadBytes(count * 4);
        var result = new float[count];
        Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
        return result;
    }
}

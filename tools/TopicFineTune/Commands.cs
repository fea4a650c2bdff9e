using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CrisisFineTune;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace TopicFineTune;

internal static class Commands
{
    private const int EvalMaxLength = 128;

    public static void Train(string root, string outDir, Options options)
    {
        var epochs = options.Int("epochs", 4);
        var batch = options.Int("batch", 32);
        var rank = options.Int("lora", 0);
        var lr = options.Dbl("lr", 5e-5);
        var headLr = options.Dbl("head-lr", rank > 0 ? 1e-3 : 2e-3);
        var freeze = options.Int("freeze", 0);
        var maxLength = options.Int("max-len", 64);
        var name = options.Str("name", "topic");
        var (data, classes, dropped) = TopicData.TrainingSet(root);
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (long)x.i, StringComparer.Ordinal);
        var examples = data.Select(e => (Ids: Tokens.Ids(e.Text, maxLength), Label: index[e.Label])).ToArray();
        Console.WriteLine($"training on {examples.Length} examples, {classes.Count} classes ({classes.Count(c => !c.StartsWith("topic:", StringComparison.Ordinal))} small talk / command), {dropped} examples of ids no eval set expects left out; mean tokens {examples.Average(e => e.Ids.Length):0.0}");
        using var model = new MiniLm(OnnxWeights.FromMiniLmPackage());
        if (rank > 0)
        {
            // CrisisFineTune's LoRA scheme: rank-r factors on the 36 MatMul weights, LayerNorms and biases tuned whole
            // (--small 0 freezes them), embeddings frozen.
            model.FreezeForLora(options.Int("small", 1) == 1);
            model.AddLora(rank, options.Dbl("alpha", 2 * rank));
        }
        else
        {
            model.Freeze(freeze);
        }

        using var head = nn.Linear(MiniLm.Hidden, classes.Count);
        var encoderParams = model.Weights.Values.Where(p => p.requires_grad).ToList();
        var loraParams = model.Lora.Values.SelectMany(ab => new[] { ab.A, ab.B }).ToList();
        var loraLr = options.Dbl("lora-lr", 5e-4);
        var encoderLr = rank > 0 ? options.Dbl("small-lr", 2e-4) : lr;
        Console.WriteLine(rank > 0
            ? $"LoRA rank {rank} (scale {model.LoraScale}, {loraParams.Sum(p => p.numel()):N0} values, lr {loraLr}) + whole LayerNorms/biases: tensors {encoderParams.Count}, values {encoderParams.Sum(p => p.numel()):N0} (lr {encoderLr}); head lr {headLr}; embeddings frozen; threads {torch.get_num_threads()}"
            : $"full fine-tune: tuned encoder tensors {encoderParams.Count}, values {encoderParams.Sum(p => p.numel()):N0}; embeddings frozen, {freeze} lower layers frozen; threads {torch.get_num_threads()}");
        var groups = new List<TorchSharp.Modules.AdamW.ParamGroup>
        {
            new(encoderParams, new TorchSharp.Modules.AdamW.Options { LearningRate = encoderLr, weight_decay = rank > 0 ? 0 : 0.01 }),
            new(head.parameters(), new TorchSharp.Modules.AdamW.Options { LearningRate = headLr, weight_decay = 0.01 }),
        };
        if (rank > 0) groups.Add(new(loraParams, new TorchSharp.Modules.AdamW.Options { LearningRate = loraLr, weight_decay = 0 }));
        using var optimizer = optim.AdamW(groups);
        var stepsPerEpoch = (examples.Length + batch - 1) / batch;
        var totalSteps = stepsPerEpoch * epochs;
        var warmup = Math.Max(1, totalSteps / 10);
        var baseRates = new[] { encoderLr, headLr, loraLr };
        var random = new Random(options.Int("seed", 7));
        var step = 0;
        var total = Stopwatch.StartNew();
        model.train();
        head.train();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var order = Enumerable.Range(0, examples.Length).OrderBy(_ => random.Next()).ToArray();
            var batches = order.Chunk(batch * 8).SelectMany(w => w.OrderBy(i => examples[i].Ids.Length).Chunk(batch)).OrderBy(_ => random.Next()).ToList();
            double lossSum = 0;
            var right = 0;
            foreach (var indices in batches)
            {
                using var scope = NewDisposeScope();
                step++;
                var scale = step <= warmup ? (double)step / warmup : Math.Max(0, (double)(totalSteps - step) / (totalSteps - warmup));
                var g = 0;
                foreach (var group in optimizer.ParamGroups) group.LearningRate = baseRates[g++] * scale;
                var (ids, mask) = Tokens.Batch([.. indices.Select(i => examples[i].Ids)]);
                var labels = tensor(indices.Select(i => examples[i].Label).ToArray());
                var logits = head.forward(nn.functional.dropout(model.forward(ids, mask), 0.1, true));
                var loss = nn.functional.cross_entropy(logits, labels);
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(encoderParams.Concat(head.parameters()).Concat(loraParams), 1.0);
                optimizer.step();
                lossSum += loss.item<float>();
                right += (int)logits.argmax(1).eq(labels).sum().item<long>();
                if (step % 20 == 0)
                {
                    Console.WriteLine($"  epoch {epoch} step {step}/{totalSteps} loss {lossSum / (step - ((epoch - 1) * stepsPerEpoch)):0.0000} {watch.Elapsed.TotalSeconds:0}s");
                }
            }

            Console.WriteLine($"epoch {epoch}: mean loss {lossSum / batches.Count:0.0000}, train acc (dropout on) {(double)right / examples.Length:P1}, {watch.Elapsed.TotalMinutes:0.00} min ({watch.Elapsed.TotalSeconds / batches.Count:0.00} s per batch of {batch})");
            Save(Path.Combine(outDir, $"{name}.bin"), model, head, classes);
        }

        Console.WriteLine($"trained in {total.Elapsed.TotalMinutes:0.0} min");
    }

    private static void Save(string path, MiniLm model, nn.Module head, IReadOnlyList<string> classes)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(classes.Count);
        foreach (var c in classes) w.Write(c);
        // LoRA factors as lora.A.<name> / lora.B.<name>, the scale folded into B (as CrisisFineTune stores them).
        var tensors = model.Weights.Where(kv => kv.Value.requires_grad).Select(kv => (kv.Key, (Tensor)kv.Value))
            .Concat(model.Lora.SelectMany(kv => new[] { ("lora.A." + kv.Key, (Tensor)kv.Value.A), ("lora.B." + kv.Key, kv.Value.B * model.LoraScale) }))
            .Concat(head.named_parameters().Select(p => ("head." + p.name, (Tensor)p.parameter))).ToList();
        w.Write(tensors.Count);
        foreach (var (name, t) in tensors)
        {
            w.Write(name);
            w.Write(t.shape.Length);
            foreach (var d in t.shape) w.Write(d);
            var data = t.detach().contiguous().data<float>().ToArray();
            w.Write(data.Length);
            w.Write(MemoryMarshal.AsBytes(data.AsSpan()));
        }
    }

    private static (MiniLm Model, nn.Module<Tensor, Tensor> Head, List<string> Classes) LoadAdapter(string path)
    {
        var (model, head, classes, maxTokens) = Adapter.Load(path);
        if (maxTokens != EvalMaxLength) throw new InvalidDataException($"{path}: maxTokens {maxTokens}, eval cuts at {EvalMaxLength}");
        Console.WriteLine($"adapter {Path.GetFileName(path)}: {new FileInfo(path).Length / 1e6:0.000} MB, {classes.Length} classes, maxTokens {maxTokens}");
        return (model, head, [.. classes]);
    }

    private static (MiniLm Model, nn.Module<Tensor, Tensor> Head, List<string> Classes) Load(string path)
    {
        var model = new MiniLm(OnnxWeights.FromMiniLmPackage());
        using var r = new BinaryReader(File.OpenRead(path));
        var classes = Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadString()).ToList();
        var head = nn.Linear(MiniLm.Hidden, classes.Count);
        var stored = new List<(string Name, long[] Dims, float[] Data)>();
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString();
            var dims = new long[r.ReadInt32()];
            for (var d = 0; d < dims.Length; d++) dims[d] = r.ReadInt64();
            var data = new float[r.ReadInt32()];
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
            stored.Add((name, dims, data));
        }

        CrisisFineTune.Commands.Restore(model, head, stored);
        return (model, head, classes);
    }

    /// <summary>
    /// Writes <c>name.bin</c> as an IOPADPT1 adapter (CrisisFineTune's format, <see cref="Adapter"/>): class names = the
    /// head's topic / small talk / command ids in its order; whole tuned tensors as kind 0, LoRA factors as kind 1 (scale in
    /// B), then head.weight [classes × 384] and head.bias. Then merges the file into the base encoder and compares the
    /// softmax of both on 20 sentences.
    /// </summary>
    public static void Export(string outDir, Options options)
    {
        var name = options.Str("name", "topic");
        var to = options.Str("to", Path.Combine(outDir, name + ".adapter"));
        var maxTokens = options.Int("max-tokens", EvalMaxLength);
        var (model, head, classes) = Load(Path.Combine(outDir, name + ".bin"));
        var entries = new List<Adapter.Entry>();
        foreach (var (n, p) in model.Weights.Where(kv => model.Tuned.Contains(kv.Key)))
        {
            var (rows, cols) = p.shape.Length == 2 ? ((int)p.shape[0], (int)p.shape[1]) : ((int)p.shape[0], 1);
            entries.Add(new Adapter.Entry(model.OnnxNames[n], 0, rows, cols, 0, Data(p)));
        }

        foreach (var (n, (a, b)) in model.Lora)
        {
            using var scaled = b.detach() * model.LoraScale;
            entries.Add(new Adapter.Entry(model.OnnxNames[n], 1, (int)a.shape[0], (int)b.shape[1], (int)a.shape[1], Data(a), Data(scaled)));
        }

        var linear = (TorchSharp.Modules.Linear)head;
        entries.Add(new Adapter.Entry("head.weight", 0, classes.Count, MiniLm.Hidden, 0, Data(linear.weight!)));
        entries.Add(new Adapter.Entry("head.bias", 0, classes.Count, 1, 0, Data(linear.bias!)));
        Adapter.Write(to, classes, maxTokens, entries);
        var floats = entries.Sum(e => (long)e.A.Length + (e.B?.Length ?? 0));
        Console.WriteLine($"wrote {to}: {new FileInfo(to).Length / 1e6:0.000} MB, {entries.Count} entries ({entries.Count(e => e.Kind == 0)} replacements, {entries.Count(e => e.Kind == 1)} low-rank, rank {entries.Where(e => e.Kind == 1).Select(e => e.Rank).DefaultIfEmpty(0).Max()}), {floats:N0} floats, {classes.Count} classes, maxTokens {maxTokens}");

        // Round trip: the file merged into the base encoder (the service's path) scores as the trained model does.
        var (merged, mergedHead, fileClasses, fileMax) = Adapter.Load(to);
        if (!fileClasses.SequenceEqual(classes) || fileMax != maxTokens) throw new InvalidDataException("classes or maxTokens differ after the round trip");
        var sentences = CrisisFineTune.Commands.ParitySentences;
        var before = Run(model, head, sentences).Probs!;
        var after = Run(merged, mergedHead, sentences).Probs!;
        var maxDiff = before.Zip(after).Max(x => x.First.Zip(x.Second).Max(y => Math.Abs(y.First - y.Second)));
        var sameTop = before.Zip(after).Count(x => Array.IndexOf(x.First, x.First.Max()) == Array.IndexOf(x.Second, x.Second.Max()));
        Console.WriteLine($"round trip on {sentences.Length} sentences: max |p(.bin) - p(adapter)| over all {classes.Count} classes = {maxDiff:E2}; same top class {sameTop}/{sentences.Length}");
        merged.Dispose();
        model.Dispose();
    }

    private static float[] Data(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    /// <summary>Unit-length sentence vectors and (with a head) softmax probabilities.</summary>
    private static (float[][] Vectors, float[][]? Probs) Run(MiniLm model, nn.Module<Tensor, Tensor>? head, IReadOnlyList<string> texts)
    {
        using var _ = no_grad();
        var tokens = texts.Select(t => Tokens.Ids(t, EvalMaxLength)).ToArray();
        var vectors = new float[texts.Count][];
        var probs = head is null ? null : new float[texts.Count][];
        foreach (var chunk in Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).Chunk(64))
        {
            using var scope = NewDisposeScope();
            var (ids, mask) = Tokens.Batch([.. chunk.Select(i => tokens[i])]);
            var pooled = model.forward(ids, mask);
            var unit = nn.functional.normalize(pooled, 2, 1);
            var p = head?.forward(pooled).softmax(1);
            for (var j = 0; j < chunk.Length; j++)
            {
                vectors[chunk[j]] = unit[j].data<float>().ToArray();
                if (p is not null) probs![chunk[j]] = p[j].data<float>().ToArray();
            }
        }

        return (vectors, probs);
    }

    private readonly record struct Prediction(string Label, float Confidence);

    private static Func<string, Prediction> Nearest(IReadOnlyList<(string Label, string Text)> train, float[][] trainVectors, Dictionary<string, float[]> vectors) => text =>
    {
        var v = vectors[text];
        var best = (Label: "", Score: float.MinValue);
        for (var i = 0; i < trainVectors.Length; i++)
        {
            float s = 0;
            var t = trainVectors[i];
            for (var d = 0; d < v.Length; d++) s += v[d] * t[d];
            if (s > best.Score) best = (train[i].Label, s);
        }

        return new Prediction(best.Label, best.Score);
    };

    private static bool IsRight(string expected, string got) => got == expected || (expected == "command:callback" && got == "command:person");

    public static void Evaluate(string root, string outDir, Options options)
    {
        var names = options.Str("name", "topic").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var (train, classes, _) = TopicData.TrainingSet(root);
        var known = classes.ToHashSet(StringComparer.Ordinal);
        // Read programmatically; only counts leave this method.
        var files = TopicData.EvalFiles(root).Select(f => (Name: Path.GetFileNameWithoutExtension(f).Replace("topics-", "", StringComparison.Ordinal), Rows: TopicData.LoadEval(f))).ToList();
        foreach (var (fileName, rows) in files)
        {
            var skipped = rows.Where(r => !known.Contains(r.Expected) && !(r.Expected == "command:callback" && known.Contains("command:person"))).GroupBy(r => r.Expected.Contains(':', StringComparison.Ordinal) ? r.Expected[..r.Expected.IndexOf(':', StringComparison.Ordinal)] + ":*" : r.Expected);
            Console.WriteLine($"{fileName}: {rows.Count} lines; skipped (id unknown to the model): {string.Join(", ", skipped.Select(g => $"{g.Key} {g.Count()}"))}");
        }

        files = [.. files.Select(f => (f.Name, Rows: f.Rows.Where(r => known.Contains(r.Expected) || (r.Expected == "command:callback" && known.Contains("command:person"))).ToList()))];
        var texts = files.SelectMany(f => f.Rows).Select(r => r.Text).Distinct().ToList();
        var trainTexts = train.Select(e => e.Text).ToList();

        var methods = new List<(string Name, Func<string, Prediction> Predict, float[] Thresholds)>();
        var watch = Stopwatch.StartNew();
        using (var frozen = new MiniLm(OnnxWeights.FromMiniLmPackage()))
        {
            frozen.eval();
            var trainVectors = Run(frozen, null, trainTexts).Vectors;
            var evalVectors = Run(frozen, null, texts).Vectors;
            var byText = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => evalVectors[x.i], StringComparer.Ordinal);
            methods.Add(("frozen MiniLM, nearest example (cosine)", Nearest(train, trainVectors, byText), [0.5f, 0.6f, 0.7f]));
        }

        Console.WriteLine($"frozen baseline embedded {trainTexts.Count} + {texts.Count} texts in {watch.Elapsed.TotalSeconds:0} s");
        var headProbs = new List<Dictionary<string, float[]>>();
        foreach (var n in names)
        {
            watch.Restart();
            // A name ending in .adapter is read from that IOPADPT1 file and merged into the base encoder (the service's path).
            var (model, head, modelClasses) = n.EndsWith(".adapter", StringComparison.Ordinal) ? LoadAdapter(Path.Combine(outDir, n)) : Load(Path.Combine(outDir, $"{n}.bin"));
            if (!modelClasses.SequenceEqual(classes)) throw new InvalidDataException($"{n}: classes differ from the content's");
            var (evalVectors, probs) = Run(model, head, texts);
            var trainVectors = Run(model, null, trainTexts).Vectors;
            var byText = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => evalVectors[x.i], StringComparer.Ordinal);
            var probsByText = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => probs![x.i], StringComparer.Ordinal);
            headProbs.Add(probsByText);
            methods.Add(($"tuned '{n}', head (softmax)", Head(probsByText, classes), [0.5f, 0.7f, 0.9f]));
            methods.Add(($"tuned '{n}', nearest example (cosine)", Nearest(train, trainVectors, byText), [0.6f, 0.7f, 0.8f]));
            Console.WriteLine($"tuned '{n}' scored in {watch.Elapsed.TotalSeconds:0} s");
            model.Dispose();
        }

        if (headProbs.Count > 1)
        {
            var mean = texts.ToDictionary(t => t, t => Enumerable.Range(0, classes.Count).Select(c => headProbs.Average(p => p[t][c])).ToArray(), StringComparer.Ordinal);
            methods.Add(($"mean of heads {string.Join("+", names)}", Head(mean, classes), [0.5f, 0.7f, 0.9f]));
        }

        var dev = files.Where(f => f.Name.StartsWith("dev", StringComparison.Ordinal)).SelectMany(f => f.Rows).ToList();
        var heldout = files.Where(f => f.Name.StartsWith("heldout", StringComparison.Ordinal)).SelectMany(f => f.Rows).ToList();
        var sets = files.Append(("dev pooled", dev)).Append(("heldout r1-r7 pooled", heldout)).ToList();
        foreach (var (methodName, predict, thresholds) in methods)
        {
            var predictions = texts.ToDictionary(t => t, predict, StringComparer.Ordinal);
            // t*: the lowest threshold whose confidently-wrong share on the pooled DEV sets is at most 3 % (held-out rounds only reported).
            var grid = Enumerable.Range(0, 100).Select(i => i / 100f).ToList();
            var chosen = grid.FirstOrDefault(t => dev.Count(r => predictions[r.Text].Confidence >= t && !IsRight(r.Expected, predictions[r.Text].Label)) <= 0.03 * dev.Count, 1f);
            var all = thresholds.Append(chosen).ToArray();
            Console.WriteLine();
            Console.WriteLine($"### {methodName}");
            Console.WriteLine($"right / fallback / confidently wrong (% of the file's known lines) at threshold t; t* = {chosen:0.00} chosen on pooled dev (≤ 3 % confidently wrong)");
            Console.WriteLine();
            Console.WriteLine($"| set | n | top-1 | family top-1 | {string.Join(" | ", all.Select((t, i) => i == all.Length - 1 ? $"t*={t:0.00}" : $"t={t:0.00}"))} |");
            Console.WriteLine("| --- | ---: | ---: | ---: |" + string.Concat(all.Select(_ => " ---: |")));
            foreach (var (setName, rows) in sets)
            {
                var family = rows.Where(r => r.Voice == "family").ToList();
                double Top1(List<TopicData.Row> rs) => rs.Count == 0 ? 0 : (double)rs.Count(r => IsRight(r.Expected, predictions[r.Text].Label)) / rs.Count;
                string At(float t)
                {
                    var right = rows.Count(r => predictions[r.Text].Confidence >= t && IsRight(r.Expected, predictions[r.Text].Label));
                    var fallback = rows.Count(r => predictions[r.Text].Confidence < t);
                    var wrong = rows.Count - right - fallback;
                    return string.Create(CultureInfo.InvariantCulture, $"{100.0 * right / rows.Count:0.0}/{100.0 * fallback / rows.Count:0.0}/{100.0 * wrong / rows.Count:0.0}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {setName} | {rows.Count} | {Top1(rows):P1} | {Top1(family):P1} ({family.Count}) | {string.Join(" | ", all.Select(At))} |"));
            }
        }
    }

    private static Func<string, Prediction> Head(Dictionary<string, float[]> probs, IReadOnlyList<string> classes) => text =>
    {
        var p = probs[text];
        var best = 0;
        for (var c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return new Prediction(classes[best], p[best]);
    };
}

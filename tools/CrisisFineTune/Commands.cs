using System.Diagnostics;
using System.Globalization;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;
using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<long>;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace CrisisFineTune;

internal static class Commands
{
    private const double FalseAlarmBudget = 0.05;
    private const int EvalMaxLength = 128;

    public static readonly string[] ParitySentences =
    [
        "how long is the program?", "i want to end my life", "i'm not thinking about ending it", "can i bring my dog to group",
        "my brother took a bunch of pills and won't wake up", "what time does the clinic open on saturday", "i relapsed last night",
        "that exam killed me lol", "years ago i tried to overdose but i'm doing fine now", "what are the signs of an overdose?",
        "i have the pills saved just in case", "do you take medicaid", "my lips are blue and i can't breathe right",
        "i'm pregnant and in withdrawal", "he said he will hurt me tonight", "need to reschedule my intake", "shaking sweating and seeing things",
        "i don't see the point anymore", "is suboxone covered by insurance", "thank you so much for your help today",
    ];

    public static void Parity()
    {
        var onnx = OnnxWeights.FromMiniLmPackage();
        using var model = new MiniLm(onnx);
        model.eval();
        using var reference = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 0 });
        var torchVectors = Embed(model, ParitySentences, 512);
        var cosines = ParitySentences.Select((s, i) => SentenceEmbeddings.Similarity(torchVectors[i], reference.Embed(s))).ToArray();
        Console.WriteLine($"parity on {cosines.Length} sentences: min cosine {cosines.Min():0.000000}, mean {cosines.Average():0.000000}");
    }

    /// <summary>Unit-length sentence vectors from the TorchSharp model.</summary>
    public static float[][] Embed(MiniLm model, IReadOnlyList<string> texts, int maxLength)
    {
        using var _ = no_grad();
        var result = new float[texts.Count][];
        foreach (var chunk in Enumerable.Range(0, texts.Count).Chunk(32))
        {
            using var scope = NewDisposeScope();
            var (ids, mask) = Tokens.Batch([.. chunk.Select(i => Tokens.Ids(texts[i], maxLength))]);
            var pooled = nn.functional.normalize(model.forward(ids, mask), 2, 1);
            for (var j = 0; j < chunk.Length; j++) result[chunk[j]] = pooled[j].data<float>().ToArray();
        }

        return result;
    }

    public static void Train(string root, string outDir, Options options)
    {
        var epochs = options.Int("epochs", 3);
        var batch = options.Int("batch", 32);
        var lr = options.Dbl("lr", 3e-5);
        var headLr = options.Dbl("head-lr", 1e-3);
        var freeze = options.Int("freeze", 0);
        var maxLength = options.Int("max-len", 64);
        var name = options.Str("name", "ft");
        var corpus = CrisisTrainingCorpus.Load(Path.Combine(root, CrisisTrainingCorpus.RelativePath));
        // One piece per line, cleaned exactly as the production trainer embeds it.
        var rank = options.Int("lora", 0);
        var multi = options.Int("multi", rank > 0 ? 1 : 0) == 1;
        var classIndex = Adapter.Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        // One piece per line, cleaned exactly as the production trainer embeds it; label = risky (binary) or category index.
        var examples = corpus.Select(e => (Ids: Tokens.Ids(CrisisSemanticSignal.Segments([e.Text])[0], maxLength), Label: multi ? classIndex[e.Category.ToString()] : e.IsRisky ? 1f : 0f)).ToArray();
        Console.WriteLine($"training on {examples.Length} pieces ({examples.Count(e => e.Label > 0)} risky), max length {maxLength}, mean tokens {examples.Average(e => e.Ids.Length):0.0}, head {(multi ? $"{Adapter.Classes.Length} classes" : "binary")}");
        var onnx = OnnxWeights.FromMiniLmPackage();
        using var model = new MiniLm(onnx);
        if (rank > 0)
        {
            model.FreezeForLora(options.Int("small", 1) == 1);
            model.AddLora(rank, options.Dbl("alpha", 2 * rank));
        }
        else
        {
            model.Freeze(freeze);
        }

        using var head = nn.Linear(MiniLm.Hidden, multi ? Adapter.Classes.Length : 1);
        var encoderParams = model.Weights.Values.Where(p => p.requires_grad).ToList();
        var loraParams = model.Lora.Values.SelectMany(ab => new[] { ab.A, ab.B }).ToList();
        Console.WriteLine($"tuned encoder tensors {encoderParams.Count}, values {encoderParams.Sum(p => p.numel()):N0}; LoRA rank {rank} ({loraParams.Sum(p => p.numel()):N0} values, scale {model.LoraScale}); embeddings frozen, {freeze} lower layers frozen");
        var loraLr = options.Dbl("lora-lr", 5e-4);
        var smallLr = rank > 0 ? options.Dbl("small-lr", 2e-4) : lr;
        var groups = new List<TorchSharp.Modules.AdamW.ParamGroup>
        {
            new(encoderParams, new TorchSharp.Modules.AdamW.Options { LearningRate = smallLr, weight_decay = rank > 0 ? 0 : 0.01 }),
            new(head.parameters(), new TorchSharp.Modules.AdamW.Options { LearningRate = headLr, weight_decay = 0.01 }),
        };
        if (rank > 0) groups.Add(new(loraParams, new TorchSharp.Modules.AdamW.Options { LearningRate = loraLr, weight_decay = 0 }));
        using var optimizer = optim.AdamW(groups);
        var stepsPerEpoch = (examples.Length + batch - 1) / batch;
        var totalSteps = stepsPerEpoch * epochs;
        var warmup = Math.Max(1, totalSteps / 10);
        var baseRates = new[] { smallLr, headLr, loraLr };
        var random = new Random(options.Int("seed", 7));
        var step = 0;
        model.train();
        head.train();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            // Shuffle, then sort within windows of 8 batches by length so padding stays small.
            var order = Enumerable.Range(0, examples.Length).OrderBy(_ => random.Next()).ToArray();
            var batches = order.Chunk(batch * 8).SelectMany(w => w.OrderBy(i => examples[i].Ids.Length).Chunk(batch)).OrderBy(_ => random.Next()).ToList();
            double lossSum = 0;
            foreach (var indices in batches)
            {
                using var scope = NewDisposeScope();
                step++;
                var scale = step <= warmup ? (double)step / warmup : Math.Max(0, (double)(totalSteps - step) / (totalSteps - warmup));
                var g = 0;
                foreach (var group in optimizer.ParamGroups) group.LearningRate = baseRates[g++] * scale;
                var (ids, mask) = Tokens.Batch([.. indices.Select(i => examples[i].Ids)]);
                var pooled = model.forward(ids, mask);
                var logits = head.forward(nn.functional.dropout(pooled, 0.1, true));
                var loss = multi
                    ? nn.functional.cross_entropy(logits, tensor(indices.Select(i => (long)examples[i].Label).ToArray()))
                    : nn.functional.binary_cross_entropy_with_logits(logits.squeeze(-1), tensor(indices.Select(i => examples[i].Label).ToArray()));
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(encoderParams.Concat(head.parameters()).Concat(loraParams), 1.0);
                optimizer.step();
                lossSum += loss.item<float>();
                if (step % 25 == 0)
                {
                    Console.WriteLine($"  epoch {epoch} step {step}/{totalSteps} loss {lossSum / (step - ((epoch - 1) * stepsPerEpoch)):0.0000} {watch.Elapsed.TotalSeconds:0}s");
                }
            }

            Console.WriteLine($"epoch {epoch}: mean loss {lossSum / batches.Count:0.0000}, {watch.Elapsed.TotalMinutes:0.00} min ({watch.Elapsed.TotalSeconds / batches.Count:0.00} s per batch of {batch})");
            Save(Path.Combine(outDir, $"{name}.bin"), model, head);
        }
    }

    private static void Save(string path, MiniLm model, nn.Module head)
    {
        using var w = new BinaryWriter(File.Create(path));
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
            foreach (var f in data) w.Write(f);
        }

        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1e6:0.0} MB after flush)");
    }

    /// <summary>
    /// Puts tensors read from a .bin into the encoder and the head: head.*, LoRA factors (lora.A.&lt;name&gt; /
    /// lora.B.&lt;name&gt;, scale folded into B, added with scale 1) and tuned weights; then both are set to eval.
    /// Shared with TopicFineTune, which links this file.
    /// </summary>
    public static void Restore(MiniLm model, nn.Module head, IReadOnlyList<(string Name, long[] Dims, float[] Data)> stored)
    {
        var loraA = stored.FirstOrDefault(t => t.Name.StartsWith("lora.A.", StringComparison.Ordinal));
        if (loraA.Name is not null) model.AddLora((int)loraA.Dims[1], loraA.Dims[1], random: false);
        using var _ = no_grad();
        foreach (var (name, dims, data) in stored)
        {
            Tensor target;
            if (name.StartsWith("head.", StringComparison.Ordinal)) target = head.named_parameters().First(p => p.name == name[5..]).parameter;
            else if (name.StartsWith("lora.A.", StringComparison.Ordinal)) target = model.Lora[name[7..]].A;
            else if (name.StartsWith("lora.B.", StringComparison.Ordinal)) target = model.Lora[name[7..]].B;
            else
            {
                target = model.Weights[name];
                model.Tuned.Add(name);
            }

            target.copy_(tensor(data, dims));
        }

        model.eval();
        head.eval();
    }

    public static (MiniLm Model, nn.Module<Tensor, Tensor> Head, int Tuned) Load(string path)
    {
        var model = new MiniLm(OnnxWeights.FromMiniLmPackage());
        var stored = new List<(string Name, long[] Dims, float[] Data)>();
        using (var r = new BinaryReader(File.OpenRead(path)))
        {
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var name = r.ReadString();
                var dims = new long[r.ReadInt32()];
                for (var d = 0; d < dims.Length; d++) dims[d] = r.ReadInt64();
                var data = new float[r.ReadInt32()];
                for (var j = 0; j < data.Length; j++) data[j] = r.ReadSingle();
                stored.Add((name, dims, data));
            }
        }

        // Binary (1 output) or multi-class head; LoRA factors stored as lora.A.<name> / lora.B.<name> (scale folded into B).
        var head = nn.Linear(MiniLm.Hidden, stored.First(t => t.Name == "head.weight").Dims[0]);
        Restore(model, head, stored);
        return (model, head, model.Tuned.Count);
    }

    private static (MiniLm, nn.Module<Tensor, Tensor>, int, int) LoadBin(string path)
    {
        var (model, head, tuned) = Load(path);
        return (model, head, tuned, EvalMaxLength);
    }

    private static (MiniLm, nn.Module<Tensor, Tensor>, int, int) LoadAdapter(string path)
    {
        var (model, head, classes, maxTokens) = Adapter.Load(path);
        Console.WriteLine($"adapter {Path.GetFileName(path)}: {new FileInfo(path).Length / 1e6:0.000} MB, classes {string.Join(",", classes)}, maxTokens {maxTokens} (pieces cut to it)");
        return (model, head, Adapter.Read(path).Entries.Count, maxTokens);
    }

    /// <summary>
    /// Category of the risky lines of crisis-corpus + crisis-heldout (the choosing sets that carry one; never the blind
    /// rounds): the class with the highest probability other than None, in the piece with the highest risk.
    /// </summary>
    public static void Categories(string root, string outDir, Options options)
    {
        var name = options.Str("name", "crisis-encoder.adapter");
        var (model, head, classes, maxTokens) = Adapter.Load(Path.Combine(outDir, name));
        var safetyTests = Path.Combine(root, "tests", "IopGuideBot.Conversation.Tests", "Safety");
        var lines = new[] { "crisis-corpus.tsv", "crisis-heldout.tsv" }
            .SelectMany(f => File.ReadLines(Path.Combine(safetyTests, f)))
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#')).Select(l => l.Split('\t'))
            .Where(p => p.Length == 2 && p[0] != "None").Select(p => (Category: p[0], Text: p[1])).ToList();
        var confusion = new Dictionary<(string, string), int>();
        using var _ = no_grad();
        foreach (var (category, text) in lines)
        {
            var pieces = CrisisSemanticSignal.Segments([text]);
            using var scope = NewDisposeScope();
            var (ids, mask) = Tokens.Batch([.. pieces.Select(p => Tokens.Ids(p, maxTokens))]);
            var probs = head.forward(model.forward(ids, mask)).softmax(1);
            var best = (1 - probs[.., 0]).argmax().item<long>();
            var row = probs[best].data<float>().ToArray();
            var predicted = classes[Enumerable.Range(1, classes.Length - 1).MaxBy(i => row[i])];
            confusion[(category, predicted)] = confusion.GetValueOrDefault((category, predicted)) + 1;
        }

        var correct = confusion.Where(kv => kv.Key.Item1 == kv.Key.Item2).Sum(kv => kv.Value);
        Console.WriteLine($"{name}: category of {lines.Count} risky lines (crisis-corpus + crisis-heldout): {correct} right ({(double)correct / lines.Count:P1})");
        foreach (var c in classes.Skip(1))
        {
            var row = confusion.Where(kv => kv.Key.Item1 == c).OrderByDescending(kv => kv.Value).ToList();
            Console.WriteLine($"  {c}: {row.Sum(kv => kv.Value)} lines; predicted {string.Join(", ", row.Select(kv => $"{kv.Key.Item2} {kv.Value}"))}");
        }
    }

    /// <summary>Risk of each piece: sigmoid of a binary head, 1 − P(None) of a multi-class head (class 0 = None).</summary>
    public static float[] Score(MiniLm model, nn.Module<Tensor, Tensor> head, IReadOnlyList<string> pieces, int maxLength = EvalMaxLength)
    {
        using var _ = no_grad();
        var tokens = pieces.Select(p => Tokens.Ids(p, maxLength)).ToArray();
        var result = new float[pieces.Count];
        foreach (var chunk in Enumerable.Range(0, pieces.Count).OrderBy(i => tokens[i].Length).Chunk(64))
        {
            using var scope = NewDisposeScope();
            var (ids, mask) = Tokens.Batch([.. chunk.Select(i => tokens[i])]);
            var logits = head.forward(model.forward(ids, mask));
            var risk = (logits.shape[1] == 1 ? logits.squeeze(-1).sigmoid() : 1 - logits.softmax(1)[.., 0]).data<float>().ToArray();
            for (var j = 0; j < chunk.Length; j++) result[chunk[j]] = risk[j];
        }

        return result;
    }

    private sealed record Example(bool Risky, string Text);

    /// <summary>Both evaluation formats, as CrisisSemanticReport reads them.</summary>
    private static List<Example> LoadEval(string path) =>
        File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => p.Length == 4 ? new Example(p[0] == "risky", p[3]) : new Example(p[0] != nameof(CrisisCategory.None), p[1]))
            .ToList();

    private readonly record struct Rate(int Caught, int Risky, int Flagged, int Benign)
    {
        public double Recall => Risky == 0 ? 0 : (double)Caught / Risky;

        public double FalseAlarms => Benign == 0 ? 0 : (double)Flagged / Benign;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Recall:P1} / {FalseAlarms:P1}");

        public string Long => string.Create(CultureInfo.InvariantCulture, $"{Recall:P1} ({Caught}/{Risky}) / {FalseAlarms:P1} ({Flagged}/{Benign})");
    }

    private static Rate Rates(IEnumerable<Example> examples, Func<string, bool> flagged)
    {
        var list = examples.ToList();
        return new Rate(list.Count(e => e.Risky && flagged(e.Text)), list.Count(e => e.Risky), list.Count(e => !e.Risky && flagged(e.Text)), list.Count(e => !e.Risky));
    }

    public static void Evaluate(string root, string outDir, Options options)
    {
        var name = options.Str("name", "ft");
        var framedFloor = (float)options.Dbl("framed", 0.9);
        var safetyTests = Path.Combine(root, "tests", "IopGuideBot.Conversation.Tests", "Safety");
        var train = CrisisTrainingCorpus.Load(Path.Combine(root, CrisisTrainingCorpus.RelativePath));
        var choose = new[] { "crisis-dev.tsv", "crisis-corpus.tsv", "crisis-heldout.tsv" }.SelectMany(f => LoadEval(Path.Combine(safetyTests, f))).ToList();
        // Blind rounds: read programmatically for counts only; no line is printed, copied or trained on.
        var rounds = Directory.EnumerateFiles(safetyTests, "crisis-blind-r*.tsv").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f).Replace("crisis-blind-", "", StringComparison.Ordinal), Set: LoadEval(f))).ToList();
        var older = rounds[..^1].SelectMany(r => r.Set).ToList();
        var allBlind = rounds.SelectMany(r => r.Set).ToList();
        var texts = choose.Concat(allBlind).Select(e => e.Text).Distinct().ToList();
        Console.WriteLine($"choosing on {choose.Count(e => e.Risky)} risky / {choose.Count(e => !e.Risky)} benign; blind rounds {string.Join(", ", rounds.Select(r => $"{r.Name} {r.Set.Count(e => e.Risky)}/{r.Set.Count(e => !e.Risky)}"))}");

        var lexicon = new CrisisDetector();
        var lexical = texts.ToDictionary(t => t, t => lexicon.Assess(t).IsCrisis);
        var pieces = texts.ToDictionary(t => t, t => CrisisSemanticSignal.Segments([t]));
        var allPieces = pieces.Values.SelectMany(p => p).Distinct().ToList();
        Console.WriteLine($"{texts.Count} distinct texts, {allPieces.Count} distinct pieces");

        // Production signal, as the report's quick mode builds it: trained on the corpus now, all three (mean), framing rule.
        var watch = Stopwatch.StartNew();
        using var encoder = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 50_000 });
        var trainVectors = encoder.EmbedMany([.. train.Select(e => CrisisSemanticSignal.Segments([e.Text])[0])]);
        var production = CrisisSemanticTrainer.Train([.. train.Select((e, i) => (trainVectors[i], e.Category))], new CrisisSemanticTrainerSettings(), "report");
        var pieceVectors = encoder.EmbedMany(allPieces);
        var prodRisk = allPieces.Select((p, i) => (p, production.Judge(pieceVectors[i]).Risk)).ToDictionary(x => x.p, x => x.Risk);
        Console.WriteLine($"production signal trained and scored in {watch.Elapsed.TotalSeconds:0} s");

        // One or more tuned models (comma-separated names); with several, their mean is also reported.
        var names = name.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var tunedRisks = new List<(string Name, Dictionary<string, float> Risk)>();
        foreach (var n in names)
        {
            watch.Restart();
            // "name" = a .bin from train; "name.adapter" = an adapter file merged into the base encoder (the service's path).
            var isAdapter = n.EndsWith(".adapter", StringComparison.Ordinal);
            var (model, head, tuned, cut) = isAdapter ? LoadAdapter(Path.Combine(outDir, n)) : LoadBin(Path.Combine(outDir, $"{n}.bin"));
            var ftScores = Score(model, head, allPieces, cut);
            tunedRisks.Add((n, allPieces.Select((p, i) => (p, ftScores[i])).ToDictionary(x => x.p, x => x.Item2)));
            Console.WriteLine($"fine-tuned '{n}' ({tuned} tuned tensors) scored {allPieces.Count} pieces in {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalMilliseconds / allPieces.Count:0.0} ms per piece, batched)");
            model.Dispose();
        }

        if (tunedRisks.Count > 1)
        {
            tunedRisks.Add(($"mean of {string.Join("+", names)}", allPieces.ToDictionary(p => p, p => tunedRisks.Average(r => r.Risk[p]))));
        }

        // The production signal's framing: history or denial colours the message; a question frames its own sentence.
        var framed = texts.ToDictionary(t => t, t =>
        {
            var frame = CrisisDetector.FrameOf(t);
            var messageFramed = frame.History || frame.Denial;
            return pieces[t].Select(p =>
            {
                var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                return messageFramed || words < 4 || CrisisDetector.FrameOf(p).IsAny || (frame.InformationRequest && words < 5);
            }).ToArray();
        });

        Func<float, Func<string, bool>> Variant(Func<string, float> risk, bool framing) => t => text =>
            pieces[text].Select((p, i) => risk(p) >= (framing && framed[text][i] ? Math.Max(t, framedFloor) : t)).Any(x => x);

        var variants = new List<(string Name, Func<float, Func<string, bool>> Flag)>
        {
            ("production (all three, framing rule) [report --quick]", t =>
            {
                var signal = new CrisisSemanticSignal(encoder, production.WithThresholds(t, Math.Max(t, 0.9f)));
                var flags = texts.ToDictionary(x => x, x => signal.Judge([x]).IsRisky);
                return x => flags[x];
            }),
        };

        foreach (var (n, risk) in tunedRisks)
        {
            variants.Add(($"tuned {n}, any piece", Variant(p => risk[p], false)));
            variants.Add(($"tuned {n}, framing rule", Variant(p => risk[p], true)));
            variants.Add(($"mean(tuned {n}, production), framing rule", Variant(p => (risk[p] + prodRisk[p]) / 2, true)));
            variants.Add(($"max(tuned {n}, production), framing rule", Variant(p => Math.Max(risk[p], prodRisk[p]), true)));
        }

        var header = $"| signal | t | choose: alone | choose: +lexicon | {string.Join(" | ", rounds.Select(r => r.Name))} | pooled r1-{rounds[^2].Name[1..]} | pooled r1-{rounds[^1].Name[1..]} | pooled all, semantic alone |";
        Console.WriteLine();
        Console.WriteLine("All blind columns are WITH the lexicon (flag = lexicon OR signal), recall / false alarms.");
        Console.WriteLine(header);
        Console.WriteLine("| --- | ---: | ---: | ---: |" + string.Concat(rounds.Select(_ => " ---: |")) + " ---: | ---: | ---: |");
        Console.WriteLine($"| lexicon alone | | | {Rates(choose, t => lexical[t])} | {string.Join(" | ", rounds.Select(r => Rates(r.Set, t => lexical[t]).ToString()))} | {Rates(older, t => lexical[t]).Long} | {Rates(allBlind, t => lexical[t]).Long} | |");
        var sweeps = new List<string>();
        var equal = new List<string>();
        double[] budgets = [0.03, 0.04, 0.05, 0.06, 0.08, 0.10];
        foreach (var (variantName, flagAt) in variants)
        {
            (float T, Rate With, Func<string, bool> Flag)? best = null;
            sweeps.Add($"{variantName}, every threshold (choose +lexicon; blind pooled +lexicon, reported only):");
            var atEqual = budgets.ToDictionary(b => b, _ => (Rate?)null);
            foreach (var t in Thresholds())
            {
                var flag = flagAt(t);
                var with = Rates(choose, x => lexical[x] || flag(x));
                var blindWith = Rates(allBlind, x => lexical[x] || flag(x));
                foreach (var budget in budgets)
                {
                    if (blindWith.FalseAlarms <= budget && (atEqual[budget] is not { } e || blindWith.Recall > e.Recall)) atEqual[budget] = blindWith;
                }

                sweeps.Add(string.Create(CultureInfo.InvariantCulture, $"    {t:0.000}: choose {with}; blind {Rates(allBlind, x => lexical[x] || flag(x)).Long}"));
                if (with.FalseAlarms > FalseAlarmBudget || (best is { } b && (b.With.Recall > with.Recall || (b.With.Recall == with.Recall && b.With.FalseAlarms <= with.FalseAlarms))))
                {
                    continue;
                }

                best = (t, with, flag);
            }

            equal.Add($"| {variantName} | {string.Join(" | ", budgets.Select(b => atEqual[b]?.Long ?? "—"))} |");
            if (best is not { } r)
            {
                Console.WriteLine($"| {variantName} | — | no threshold within the budget |");
                continue;
            }

            bool With(string x) => lexical[x] || r.Flag(x);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variantName} | {r.T:0.000} | {Rates(choose, r.Flag)} | {r.With} | {string.Join(" | ", rounds.Select(x => Rates(x.Set, With).ToString()))} | {Rates(older, With).Long} | {Rates(allBlind, With).Long} | {Rates(allBlind, r.Flag)} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"At equal false alarms (reported only; the threshold per column is the one with the highest blind recall whose pooled r1-{rounds[^1].Name[1..]} false alarms, with the lexicon, stay within the budget):");
        Console.WriteLine($"| signal (+ lexicon), pooled r1-{rounds[^1].Name[1..]} | {string.Join(" | ", budgets.Select(b => $"FA ≤ {b:P0}"))} |");
        Console.WriteLine("| --- |" + string.Concat(budgets.Select(_ => " ---: |")));
        equal.ForEach(Console.WriteLine);
        Console.WriteLine();
        sweeps.ForEach(Console.WriteLine);
    }

    private static IEnumerable<float> Thresholds()
    {
        for (var t = 0.05f; t < 0.951f; t += 0.025f) yield return MathF.Round(t, 3);
        foreach (var t in new[] { 0.96f, 0.97f, 0.98f, 0.99f, 0.995f, 0.998f, 0.999f }) yield return t;
    }

    /// <summary>Writes the tuned encoder back into the package's ONNX graph (same initializer names) and checks it with ONNX Runtime.</summary>
    public static void WriteOnnx(string outDir, Options options)
    {
        var name = options.Str("name", "ft");
        var onnx = OnnxWeights.FromMiniLmPackage();
        // "X.adapter": the adapter merged into the base weights (the service's path) instead of a .bin.
        var isAdapter = name.EndsWith(".adapter", StringComparison.Ordinal);
        var (model, head, tuned, cut) = isAdapter ? LoadAdapter(Path.Combine(outDir, name)) : LoadBin(Path.Combine(outDir, $"{name}.bin"));
        var bytes = (byte[])onnx.Bytes.Clone();
        var written = 0;
        foreach (var (ours, onnxName) in model.OnnxNames)
        {
            var init = onnx.Initializers[onnxName];
            var data = model.Weights[ours].detach().contiguous().data<float>().ToArray();
            if (init.RawOffset < 0 || data.Length * 4 != init.RawLength) throw new InvalidDataException(onnxName);
            Buffer.BlockCopy(data, 0, bytes, (int)init.RawOffset, init.RawLength);
            written++;
        }

        var path = Path.Combine(outDir, $"{(isAdapter ? name[..^".adapter".Length] + "-adapter" : name)}.onnx");
        File.WriteAllBytes(path, bytes);
        Console.WriteLine($"wrote {path}: {written} initializers replaced in place ({bytes.Length / 1e6:0.0} MB, same graph)");

        using var session = new InferenceSession(path, new SessionOptions { IntraOpNumThreads = 2, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });
        Console.WriteLine($"onnx inputs {string.Join(",", session.InputMetadata.Keys)}; outputs {string.Join(",", session.OutputMetadata.Keys)}");
        var torchVectors = Embed(model, ParitySentences, 512);
        var cosines = new List<float>();
        var times = new List<double>();
        for (var rep = 0; rep < 3; rep++)
        {
            for (var i = 0; i < ParitySentences.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                var vector = OrtEmbed(session, ParitySentences[i]);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (rep == 0) cosines.Add(SentenceEmbeddings.Similarity(vector, torchVectors[i]));
            }
        }

        Console.WriteLine($"ONNX Runtime with tuned weights vs TorchSharp: min cosine {cosines.Min():0.000000}; ORT {times.Skip(ParitySentences.Length).Average():0.00} ms per sentence (one at a time)");
        // Risk as the service computes it: head over the unnormalised ORT mean pool, softmax, 1 − P(None).
        var linear = (TorchSharp.Modules.Linear)head;
        var hw = linear.weight!.detach().data<float>().ToArray();
        var hb = linear.bias!.detach().data<float>().ToArray();
        var classes = hb.Length;
        var torchRisk = Score(model, head, ParitySentences, cut);
        var worst = 0f;
        for (var i = 0; i < ParitySentences.Length; i++)
        {
            var pooled = OrtEmbed(session, ParitySentences[i], normalise: false, cut);
            var logits = Enumerable.Range(0, classes).Select(c => hb[c] + Enumerable.Range(0, MiniLm.Hidden).Sum(d => hw[(c * MiniLm.Hidden) + d] * pooled[d])).ToArray();
            float risk;
            if (classes == 1) risk = 1 / (1 + MathF.Exp(-logits[0]));
            else
            {
                var max = logits.Max();
                var exp = logits.Select(l => MathF.Exp(l - max)).ToArray();
                risk = 1 - (exp[0] / exp.Sum());
            }

            worst = Math.Max(worst, Math.Abs(risk - torchRisk[i]));
        }

        Console.WriteLine($"risk from ONNX Runtime (head on the unnormalised mean pool, pieces cut to {cut}) vs TorchSharp: max difference {worst:E2} on {ParitySentences.Length} sentences");
        var torchTimes = new List<double>();
        using (no_grad())
        {
            for (var rep = 0; rep < 3; rep++)
            {
                foreach (var s in ParitySentences)
                {
                    var watch = Stopwatch.StartNew();
                    _ = Score(model, head, [s]);
                    torchTimes.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        Console.WriteLine($"TorchSharp: {torchTimes.Skip(ParitySentences.Length).Average():0.00} ms per sentence (one at a time, encoder + head)");
    }

    private static float[] OrtEmbed(InferenceSession session, string text, bool normalise = true, int maxLength = 512)
    {
        var ids = Tokens.Ids(text, maxLength);
        var shape = new[] { 1, ids.Length };
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor(Enumerable.Repeat(1L, ids.Length).ToArray(), shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor(new long[ids.Length], shape)),
        };
        using var results = session.Run(inputs);
        var states = results.First().AsTensor<float>();
        var vector = new float[MiniLm.Hidden];
        for (var j = 0; j < ids.Length; j++)
        {
            for (var d = 0; d < MiniLm.Hidden; d++) vector[d] += states[0, j, d] / ids.Length;
        }

        if (!normalise) return vector;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}

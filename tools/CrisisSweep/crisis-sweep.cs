#:project ../../src/IopGuideBot.Conversation/IopGuideBot.Conversation.csproj
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
using System.Text.Json;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

// Crisis sweep: the production detector (lexicon + CrisisSemanticSignal.Segments/Decide) over the seen crisis sets, the
// topic sets' questions (a crisis reply there is a false alarm) and an optional probe, with each piece's blended score
// cached on disk (valid only while the model and the adapter are unchanged: use a new cache= after retraining), so a
// threshold or a decision rule is swept in seconds. Run from the repository root:
//   dotnet run tools/CrisisSweep/crisis-sweep.cs -- /tmp/misses.tsv cache=/tmp/pieces.json exclude=r15 [probe=file.tsv]
//     [t=0.4] [variant=wl0.2,0.7 | agree0.2,0.8 | short6 | short0] [dump=/tmp/all.tsv]
// dump= writes every line's verdict: set, label, Spanish or not, the signals that fired, the semantic risk, the text.
// Sealed rounds must be named in exclude= (comma-separated): nothing of theirs is read. The misses file holds seen lines
// only; it is for the lead's eyes, never for the repository.
var T = "tests/IopGuideBot.Conversation.Tests/";
var excluded = (args.FirstOrDefault(a => a.StartsWith("exclude="))?[8..] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
bool Sealed(string f) => excluded.Any(x => Path.GetFileName(f).Contains(x + ".tsv"));
var emb = new SentenceEmbeddings();
var sig = CrisisSemanticSignal.LoadCommitted(emb);
var cachePath = args.FirstOrDefault(a => a.StartsWith("cache="))?[6..] ?? Path.Combine(Path.GetTempPath(), "crisis-sweep-pieces.json");
var cache = File.Exists(cachePath) ? JsonSerializer.Deserialize<Dictionary<string, float[]>>(File.ReadAllText(cachePath))! : new();
var variant = args.FirstOrDefault(a => a.StartsWith("variant="))?[8..] ?? "";
var thr = args.FirstOrDefault(a => a.StartsWith("t="))?[2..] is { } ts ? float.Parse(ts, System.Globalization.CultureInfo.InvariantCulture) : sig.Threshold;
var mcachePath = cachePath.Replace(".json", "-model.json");
var mcache = File.Exists(mcachePath) ? JsonSerializer.Deserialize<Dictionary<string, float>>(File.ReadAllText(mcachePath))! : new();
var wrap = new Cached(sig, cache, variant, thr, emb, mcache);
var det = new CrisisDetector(wrap);
var sets = new List<(string Name, List<(bool Risky, string Kind, string Text)> Lines)>();
foreach (var f in Directory.GetFiles($"{T}Safety", "crisis-*.tsv").Order())
{
    if (Sealed(f)) continue;
    var lines = File.ReadLines(f).Where(l => !l.StartsWith('#') && l.Length > 0).Select(l => l.Split('\t'))
        .Where(p => p.Length >= 4 && (p[0] is "risky" or "benign")).Select(p => (p[0] == "risky", p[1], p[3])).ToList();
    sets.Add((Path.GetFileNameWithoutExtension(f).Replace("crisis-", ""), lines));
}
var topics = new List<(bool, string, string)>();
foreach (var f in Directory.GetFiles($"{T}Understanding", "topics-*.tsv").Where(f => !Sealed(f)))
    topics.AddRange(File.ReadLines(f).Where(l => !l.StartsWith('#') && l.Length > 0).Select(l => l.Split('\t')).Where(p => p.Length == 3 && p[1] != "crisis").Select(p => (false, "topic", p[2])));
sets.Add(("topics", topics));
if (args.FirstOrDefault(a => a.StartsWith("probe="))?[6..] is { } probePath)
    sets.Add(("probe", File.ReadLines(probePath).Select(l => l.Split('\t')).Where(p => p.Length >= 4).Select(p => (p[0] == "risky", p[1], p[3])).ToList()));
int tr = 0, rr = 0, tb = 0, bb = 0;
var per = new List<string>();
var outLines = new List<string>();
var dump = new List<string>();
foreach (var (name, lines) in sets)
{
    int r = 0, rt = 0, b = 0, bt = 0;
    foreach (var (risky, kind, text) in lines)
    {
        var a = det.Assess(text);
        if (risky) { rt++; if (a.IsCrisis) r++; } else { bt++; if (a.IsCrisis) b++; }
        dump.Add($"{name}\t{(risky ? "risky" : "benign")}\t{(a.IsSpanish ? "es" : "-")}\t{a.Signals}\t{a.SemanticRisk:0.000}\t{text}");
        if (risky != a.IsCrisis) outLines.Add($"{name}\t{(risky ? "MISS" : "FA")}\t{kind}\t{text}");
    }
    per.Add($"{name} {r}/{rt} fa {b}/{bt}");
    if (name.StartsWith("blind")) { tr += rt; rr += r; tb += bt; bb += b; }
}
if (args.FirstOrDefault(a => a.StartsWith("dump="))?[5..] is { } dumpPath) File.WriteAllLines(dumpPath, dump);
File.WriteAllText(cachePath, JsonSerializer.Serialize(cache));
File.WriteAllText(mcachePath, JsonSerializer.Serialize(mcache));
File.WriteAllLines(args.FirstOrDefault(a => !a.Contains('=') && !a.StartsWith("--")) ?? Path.Combine(Path.GetTempPath(), "crisis-sweep-misses.tsv"), outLines.Order());
Console.WriteLine($"blind rounds pooled: recall {rr}/{tr}, false alarms {bb}/{tb}");
Console.WriteLine(string.Join("\n", per));

/// <summary>The committed signal with each piece's blended score read from the cache, and the decision variants under study.</summary>
sealed class Cached(CrisisSemanticSignal s, Dictionary<string, float[]> cache, string variant, float thr, SentenceEmbeddings emb, Dictionary<string, float> modelCache) : ICrisisSemanticSignal
{
    private static float F(string x) => float.Parse(x, System.Globalization.CultureInfo.InvariantCulture);

    public SemanticJudgement Judge(IReadOnlyList<string> parts)
    {
        var segments = CrisisSemanticSignal.Segments(parts);
        if (segments.Count == 0) return SemanticJudgement.NotRun;
        var missing = segments.Where(x => !cache.ContainsKey(x)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var scored = s.ScorePieces(missing);
            for (var i = 0; i < missing.Count; i++) cache[missing[i]] = [scored[i].Risk, (float)(int)scored[i].Category];
        }

        var scores = segments.Select(x => (cache[x][0], (CrisisCategory)(int)cache[x][1])).ToArray();
        var ordinary = s.OrdinaryMessage;
        if (variant.StartsWith("wl"))
        {
            // wl<whole>,<sentence>: the ordinary-message rule with other settings (see CrisisEncoderBlend.OrdinaryMessageBelow).
            var p = variant[2..].Split(',');
            ordinary = new CrisisSemanticSignal.OrdinaryMessageRule(F(p[0]), F(p[1]), ordinary?.ShortSentenceWords ?? 0);
        }
        else if (variant.StartsWith("agree"))
        {
            // agree<m>,<high>: a piece under <high> counts only when the committed model alone gives it at least <m>.
            var p = variant[5..].Split(',');
            var unscored = segments.Where(x => !modelCache.ContainsKey(x)).Distinct().ToList();
            if (unscored.Count > 0)
            {
                var vectors = emb.EmbedMany(unscored);
                for (var i = 0; i < unscored.Count; i++) modelCache[unscored[i]] = s.Model.Judge(vectors[i]).Risk;
            }

            for (var i = 0; i < segments.Count; i++)
                if (scores[i].Item1 >= thr && scores[i].Item1 < F(p[1]) && modelCache[segments[i]] < F(p[0]))
                    scores[i] = (thr - 0.0001f, scores[i].Item2);
        }

        else if (variant.StartsWith("short") && ordinary is not null)
        {
            // short<words>: in a message whose every whole part reads as ordinary, a sentence under <words> words needs the
            // framed threshold (the committed OrdinaryMessageRule.ShortSentenceWords at another setting; short0: none).
            ordinary = ordinary with { ShortSentenceWords = int.Parse(variant[5..], System.Globalization.CultureInfo.InvariantCulture) };
        }

        return CrisisSemanticSignal.Decide(parts, segments, scores, thr, s.FramedThreshold, ordinary);
    }
}

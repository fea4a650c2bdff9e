using System.Diagnostics;
using System.Globalization;
using System.Text;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// What one crisis check costs as a message grows from 100 bytes to 256 KB: the lexicon alone and the check users meet
/// (lexicon and learned signal, with no embedding cache, so every check embeds its text).
/// The check reads at most <see cref="SafetyOptions.MaxCheckedChars"/> characters (the start and the end of a longer
/// message), so past that size the cost per check must stay flat and the cost per KB fall.
/// Run: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-cost
/// </summary>
internal static class CrisisCheckCost
{
    private static readonly int[] Sizes = [100, 1_000, 4_000, 16_000, 64_000, 256_000];

    // Several kinds of text, because a rule's cost depends on how often its first words occur.
    private static readonly string[] Fillers =
    [
        "my son has been using pills and drinking again and i worry about withdrawal and whether he keeps his job. ",
        "i am shaking and sweating in withdrawal and i can't stop throwing up, is that normal. ",
        "he said he will hurt me, she is scared of him, they keep saying things. ",
        "aaaa bbbb i i i i he he he. ",
    ];

    public static void Run()
    {
        var options = new SafetyOptions();
        var lexicon = new CrisisDetector(null, options);

        // No embedding cache: every measured check embeds its text (a cache would hide the cost).
        using var embeddings = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 0 });
        var signal = CrisisSemanticSignal.LoadCommitted(embeddings);
        var full = new CrisisDetector(signal, options);
        // The model's own share of a judged piece (networks, regression, neighbour search), next to the embedding's and the
        // tuned encoder's (its graph and head, one piece at a time).
        var model = signal.Model;
        using var encoder = CrisisEncoder.LoadEmbedded();
        var encoderMs = Measure(() => encoder.Judge(["i can't stop shaking since i quit drinking two days ago"]));
        var vector = embeddings.Embed("i can't stop shaking since i quit drinking two days ago");
        var embedMs = Measure(() => embeddings.Embed("i can't stop shaking since i quit drinking two days ago"));
        _ = Measure(() => model.Judge(vector)); // the first 300 ms run partly in unoptimised (tier-0) code
        var modelMs = Measure(() => model.Judge(vector));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one piece: model {modelMs * 1000:F0} µs, embedding {embedMs:F2} ms, tuned encoder {encoderMs:F2} ms; encoder weight {CrisisEncoderBlend.LoadEmbedded().EncoderWeight:0.00} (1: the model and its embedding are not run)"));
        Console.WriteLine($"MaxCheckedChars = {options.MaxCheckedChars}");
        Console.WriteLine("| text | size | lexicon ms/check | lexicon ms/KB | full check ms/check | full check ms/KB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var run = 0;
        foreach (var filler in Fillers)
        {
            foreach (var size in Sizes)
            {
                var text = Repeat(filler, size);
                var lexiconMs = Measure(() => lexicon.Assess(text));

                var fullMs = Measure(() => full.Assess(text + (run++).ToString(CultureInfo.InvariantCulture)));
                var kb = size / 1000.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {filler[..24]}… | {size:N0} B | {lexiconMs:F2} | {lexiconMs / kb:F3} | {fullMs:F2} | {fullMs / kb:F3} |"));
            }
        }
    }

    private static string Repeat(string filler, int size)
    {
        var sb = new StringBuilder(size + filler.Length);
        while (sb.Length < size)
        {
            sb.Append(filler);
        }

        return sb.ToString(0, size);
    }

    /// <summary>Mean milliseconds per call over at least 300 ms and 3 calls, after one warm-up call.</summary>
    private static double Measure(Action check)
    {
        check();
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.ElapsedMilliseconds < 300 || calls < 3)
        {
            check();
            calls++;
        }

        return watch.Elapsed.TotalMilliseconds / calls;
    }
}

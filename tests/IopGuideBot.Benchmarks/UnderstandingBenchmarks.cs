using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// What understanding one message costs. Warm means (BenchmarkDotNet):
/// dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --filter '*UnderstandingBenchmarks*' --job short
/// p50/p95/p99 per path over many different messages (<see cref="UnderstandingCost"/>):
/// dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --understanding-p99
/// </summary>
[MemoryDiagnoser]
public class UnderstandingBenchmarks
{
    private MessageUnderstanding _understanding = null!;
    private SentenceEmbeddings _embeddings = null!;
    private int _counter;

    [GlobalSetup]
    public void Setup() => (_understanding, _embeddings) = UnderstandingCost.Build(cacheEntries: 0);

    [GlobalCleanup]
    public void Cleanup() => _embeddings.Dispose();

    /// <summary>A question the n-gram classifier is sure of: no embedding is computed.</summary>
    [Benchmark]
    public Understanding FastPath() => _understanding.Understand("how long is the program");

    /// <summary>A question the classifier is unsure of: one uncached embedding, the meaning classifier and the nearest examples.</summary>
    [Benchmark]
    public Understanding SemanticPath() => _understanding.Understand($"my stepdaughter keeps refusing every kind of help we offer her {_counter++ % 7}");

    [Benchmark]
    public IntentClassifier TrainFastClassifierAtStartup() => IntentClassifier.Train(_understanding.Examples);
}

/// <summary>Per-message cost percentiles of each path of the cascade, over many different messages (no embedding cache).</summary>
internal static class UnderstandingCost
{
    public static (MessageUnderstanding Understanding, SentenceEmbeddings Embeddings) Build(int cacheEntries)
    {
        var content = ContentLoader.Load(FindContent());
        var examples = IntentExamples.From(content);
        var embeddings = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = cacheEntries });
        var semantic = new SemanticMatcher(examples, embeddings, Path.Combine(Path.GetTempPath(), "iopguidebot-benchmark-embeddings.bin"));
        semantic.StartBuilding().GetAwaiter().GetResult();
        var understanding = new MessageUnderstanding(new CommandMatcher(content), IntentClassifier.Train(examples), semantic, examples, Options.Create(new UnderstandingOptions()));
        return (understanding, embeddings);
    }

    public static void Run()
    {
        var (understanding, embeddings) = Build(cacheEntries: 0);
        using var _ = embeddings;
        var root = Path.GetDirectoryName(FindContent())!;
        // Round 1 (short questions) and round 3 (long story-like and two-part messages, whose question sentences are
        // embedded too: up to 3 encodings).
        var messages = new[] { "topics-dev.tsv", "topics-dev-r3.tsv" }
            .SelectMany(f => File.ReadLines(Path.Combine(root, "tests/IopGuideBot.Conversation.Tests/Understanding", f)))
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 3)[2])
            .ToList();
        foreach (var message in messages.Take(20))
        {
            understanding.Understand(message); // warm up JIT and pools
        }

        var byPath = new Dictionary<string, List<double>>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var message in messages)
            {
                var watch = Stopwatch.StartNew();
                var understood = understanding.Understand(message, InquiryFor.Unknown);
                watch.Stop();
                var key = understood.Path + (understood.Path is UnderstandingPath.SemanticMatch or UnderstandingPath.Fallback
                    && MessageSegments.QuestionsOf(message, SemanticMatcher.DefaultMaxSegments).Count > 0 ? " (long: question sentences too)" : "");
                if (!byPath.TryGetValue(key, out var times))
                {
                    byPath[key] = times = [];
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"{messages.Count} different messages x 5 rounds, embedding cache off, {Environment.ProcessorCount} cores");
        Console.WriteLine("| path | messages | p50 | p95 | p99 | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (path, times) in byPath.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            times.Sort();
            Console.WriteLine($"| {path} | {times.Count} | {Percentile(times, 0.50):0.000} ms | {Percentile(times, 0.95):0.000} ms | {Percentile(times, 0.99):0.000} ms | {times[^1]:0.000} ms |");
        }

        var every = byPath.Values.SelectMany(t => t).Order().ToList();
        Console.WriteLine($"| all | {every.Count} | {Percentile(every, 0.50):0.000} ms | {Percentile(every, 0.95):0.000} ms | {Percentile(every, 0.99):0.000} ms | {every[^1]:0.000} ms |");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string FindContent()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "dialogs-content")))
                {
                    return Path.Combine(dir.FullName, "dialogs-content");
                }
            }
        }

        throw new DirectoryNotFoundException("dialogs-content");
    }
}

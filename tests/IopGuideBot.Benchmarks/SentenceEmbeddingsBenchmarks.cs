using BenchmarkDotNet.Attributes;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// Sentence embeddings: one uncached sentence (short and long), one cached, and a batch of 32.
/// Run: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --filter '*SentenceEmbeddings*' --job short
/// </summary>
[MemoryDiagnoser]
public class SentenceEmbeddingsBenchmarks
{
    private const string Short = "can my husband come to some of the sessions";
    private static readonly string Long = string.Join(' ', Enumerable.Repeat("I have been thinking about the program and my job and my family", 12));
    private static readonly string[] Batch = Enumerable.Range(0, 32).Select(i => $"question number {i} about the evening groups").ToArray();

    private SentenceEmbeddings _uncached = null!;
    private SentenceEmbeddings _cached = null!;

    [GlobalSetup]
    public void Setup()
    {
        _uncached = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 0 });
        _cached = new SentenceEmbeddings();
        _cached.Embed(Short);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _uncached.Dispose();
        _cached.Dispose();
    }

    [Benchmark]
    public float[] ShortSentenceUncached() => _uncached.Embed(Short);

    [Benchmark]
    public float[] LongMessageUncached() => _uncached.Embed(Long);

    [Benchmark]
    public float[] ShortSentenceCached() => _cached.Embed(Short);

    [Benchmark(OperationsPerInvoke = 32)]
    public float[][] BatchOf32Uncached() => _uncached.EmbedMany(Batch);
}

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// One crisis check at 50 B (a typical message), 1 KB and 256 KB: the lexicon alone, and both signals (lexicon and the
/// learned semantic signal). The full check appends a counter so every call embeds new text (no embedding cache, no
/// remembered verdict): the cost of a message nobody sent before. Past <see cref="SafetyOptions.MaxCheckedChars"/> only
/// the start and the end are read, so 256 KB costs about what 4 KB does. <c>Lexicon</c> is kept for its history, but since
/// round 20 it reads the detector's memory of short texts at 50 B, and since round 29 the start-up interpreter above it (nothing
/// here builds the linear-time regexes): <see cref="CrisisLexiconBenchmarks"/> measures the lexicon as the service runs it.
/// dotnet tests/IopGuideBot.Benchmarks/bin/Release/net10.0/IopGuideBot.Benchmarks.dll --filter '*CrisisCheckBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class CrisisCheckBenchmarks
{
    private const string Filler = "my son has been using pills and drinking again and i worry about withdrawal and whether he keeps his job. ";

    private CrisisDetector _lexicon = null!;
    private CrisisDetector _full = null!;
    private SentenceEmbeddings _embeddings = null!;
    private string _text = "";
    private int _counter;

    [Params(50, 1024, 262_144)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new SafetyOptions();
        _lexicon = new CrisisDetector(null, options);
        _embeddings = new SentenceEmbeddings(new SemanticsOptions { CacheEntries = 0 });
        _full = new CrisisDetector(CrisisSemanticSignal.LoadCommitted(_embeddings), options);
        var sb = new StringBuilder(Bytes + Filler.Length);
        while (sb.Length < Bytes - 6)
        {
            sb.Append(Filler);
        }

        _text = sb.ToString(0, Bytes - 6); // room for the counter
    }

    [GlobalCleanup]
    public void Cleanup() => _embeddings.Dispose();

    [Benchmark]
    public CrisisAssessment Lexicon() => _lexicon.Assess(_text);

    [Benchmark]
    public CrisisAssessment BothSignals() => _full.Assess(_text + " " + (_counter++ % 100_000).ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// A button click as the crisis check sees it: the same short label again ("Is an IOP right for me?"), so the whole
/// assessment is remembered (<see cref="CrisisDetector.Assess"/>); before round 20 only the semantic verdict was,
/// and the lexicon ran every time.
/// </summary>
[MemoryDiagnoser]
public class CrisisCheckRepeatedBenchmarks
{
    private CrisisDetector _full = null!;
    private SentenceEmbeddings _embeddings = null!;

    [GlobalSetup]
    public void Setup()
    {
        _embeddings = new SentenceEmbeddings(new SemanticsOptions());
        _full = new CrisisDetector(CrisisSemanticSignal.LoadCommitted(_embeddings), new SafetyOptions());
        _full.Assess("Is an IOP right for me?");
    }

    [GlobalCleanup]
    public void Cleanup() => _embeddings.Dispose();

    [Benchmark]
    public CrisisAssessment BothSignalsButtonLabel() => _full.Assess("Is an IOP right for me?");
}

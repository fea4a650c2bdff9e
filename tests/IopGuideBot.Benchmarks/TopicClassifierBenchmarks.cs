using BenchmarkDotNet.Attributes;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// Free-text understanding: one classification (target ≤ 20 µs) and training from all content at start-up.
/// Run: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --filter '*TopicClassifier*' --job short
/// </summary>
[MemoryDiagnoser]
public class TopicClassifierBenchmarks
{
    private ClinicContent _content = null!;
    private TopicClassifier _classifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        _content = ContentLoader.Load(FindContent());
        _classifier = TopicClassifier.Train(_content);
    }

    [Benchmark]
    public TopicPrediction ClassifyOneUtterance() => _classifier.Classify("can i keep my job while doing the program");

    [Benchmark]
    public TopicClassifier TrainAtStartup() => TopicClassifier.Train(_content);

    [Benchmark]
    public ClinicContent LoadAndValidateContent() => ContentLoader.Load(_content.Directory);

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

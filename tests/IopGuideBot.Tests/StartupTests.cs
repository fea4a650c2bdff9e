using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests;

/// <summary>
/// Start-up with its work in parallel and its models cached: bad content still stops the service before it listens, and
/// a restart loads both trained classifiers from the cache directory instead of training them.
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Bad_content_stops_start_up_before_the_service_listens()
    {
        var content = CopyOfContent();
        try
        {
            // A topic without examples: content validation rejects it.
            var topics = Path.Combine(content, "topics.yaml");
            await File.WriteAllTextAsync(topics, "- id: broken-topic\n  title: Broken\n  answer: Nothing here.\n  examples: []\n");
            await using var service = ServiceProcess.Start(new Dictionary<string, string>
            {
                ["Content__Directory"] = content,
                ["Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N")),
            });

            Assert.NotEqual(0, await service.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains(nameof(ContentValidationException), service.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", service.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task A_restart_loads_both_classifiers_from_the_cache_directory_and_answers_the_same()
    {
        var cache = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", "startup-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(cache);
        try
        {
            // The example vectors from the shared cache, so this test does not encode every example again; no classifiers yet.
            ExampleEmbeddingCache.EnsureBuilt();
            var files = new UnderstandingOptions { CacheDirectory = cache };
            File.Copy(new UnderstandingOptions { CacheDirectory = BotService.SharedEmbeddingCache }.EmbeddingCacheFile!, files.EmbeddingCacheFile!);
            var settings = new Dictionary<string, string?> { ["Understanding:CacheDirectory"] = cache };
            const string Typed = "my stepdaughter keeps refusing every kind of help we offer her";

            Understanding firstAnswer;
            await using (var first = new BotService(settings))
            {
                _ = first.BaseAddress;
                Assert.False(first.Services.GetRequiredService<IntentClassifier>().FromCache);
                var semantic = first.Services.GetRequiredService<SemanticMatcher>();
                await semantic.WhenReady.WaitAsync(TimeSpan.FromMinutes(2));
                Assert.False(semantic.ClassifierFromCache);
                firstAnswer = first.Services.GetRequiredService<MessageUnderstanding>().Understand(Typed);
            }

            Assert.True(File.Exists(files.IntentClassifierCacheFile));
            Assert.True(File.Exists(files.MeaningClassifierCacheFile));

            await using var restarted = new BotService(settings);
            _ = restarted.BaseAddress;
            Assert.True(restarted.Services.GetRequiredService<IntentClassifier>().FromCache);
            // Asked at once, before anyone waited for the matcher: the answer waits for it and is the same as before.
            var again = restarted.Services.GetRequiredService<MessageUnderstanding>().Understand(Typed);
            Assert.Equal((firstAnswer.Path, firstAnswer.Intent, firstAnswer.Score), (again.Path, again.Intent, again.Score));
            Assert.True(restarted.Services.GetRequiredService<SemanticMatcher>().ClassifierFromCache);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static string CopyOfContent()
    {
        var source = new IopGuideBot.Conversation.ContentOptions().ResolveDirectory();
        var target = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", "content-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}

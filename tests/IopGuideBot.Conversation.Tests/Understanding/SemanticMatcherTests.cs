using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation.Tests.Understanding;

public sealed class SemanticMatcherTests
{
    [Fact]
    public async Task Example_vectors_are_kept_in_the_cache_file_and_read_back_without_encoding()
    {
        var file = Path.Combine(Path.GetTempPath(), $"iopguidebot-test-{Guid.NewGuid():N}.bin");
        try
        {
            var examples = Sample(8);
            var first = new SemanticMatcher(examples, SharedUnderstanding.Embeddings, file);
            await first.StartBuilding().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(File.Exists(file));

            var second = new SemanticMatcher(examples, SharedUnderstanding.Embeddings, file);
            await second.StartBuilding().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, second.NewlyEncoded);
            Assert.Equal(first.Match("how long is the program")!.Nearest.Top, second.Match("how long is the program")!.Nearest.Top);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_damaged_cache_file_is_ignored_and_rebuilt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"iopguidebot-test-{Guid.NewGuid():N}.bin");
        try
        {
            await File.WriteAllTextAsync(file, "not an embedding file");
            var examples = Sample(3);
            var matcher = new SemanticMatcher(examples, SharedUnderstanding.Embeddings, file);
            await matcher.StartBuilding().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(examples.All.Count, matcher.NewlyEncoded);
            Assert.NotNull(matcher.Match("anything"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A few examples of a few intents: enough to build a matcher quickly.</summary>
    private static IntentExamples Sample(int intents) => IntentExamples.From(
        SharedUnderstanding.Examples.All.GroupBy(e => e.Intent).Take(intents).SelectMany(g => g.Take(4)));

    [Fact]
    public void Until_the_semantic_matcher_is_ready_the_fast_classifier_answers_alone()
    {
        // Start-up does not wait for the example vectors: a matcher that has not been built yet stands for those seconds.
        var notReady = new SemanticMatcher(SharedUnderstanding.Examples, SharedUnderstanding.Embeddings);
        var understanding = new MessageUnderstanding(new CommandMatcher(SharedUnderstanding.Content), SharedUnderstanding.Classifier, notReady,
            SharedUnderstanding.Examples, Options.Create(new UnderstandingOptions()));

        Assert.False(notReady.IsReady);
        Assert.Null(notReady.Match("how long is the program"));
        var clear = understanding.Understand("how long is the program", InquiryFor.Unknown);
        Assert.Equal((UnderstandingPath.FastClassifier, Intent.Topic("duration")), (clear.Path, clear.Intent!.Value));
        Assert.Equal(UnderstandingPath.Fallback, understanding.Understand("purple monkey dishwasher").Path);
    }

    [Fact]
    public void A_message_far_from_everything_is_not_answered_however_sure_the_classifier_is()
    {
        var understood = MessageUnderstanding.Decide(
            SharedUnderstanding.Classifier.Classify("zzzz"),
            SharedUnderstanding.Semantic.Match("can you recommend a good dentist"),
            InquiryFor.Unknown,
            new UnderstandingOptions(),
            SharedUnderstanding.Examples.AudienceOf);
        Assert.Equal(UnderstandingPath.Fallback, understood.Path);
    }
}

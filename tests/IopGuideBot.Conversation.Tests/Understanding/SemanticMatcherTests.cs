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
    public void A_message_that_arrives_before_the_semantic_matcher_is_ready_waits_for_it_and_gets_the_same_answer()
    {
        // Nobody has started building this matcher (as if the message came in the first second after start-up): reading a
        // message the fast classifier is unsure of builds it and waits, rather than answering from the fast classifier alone.
        // No limit on the wait here: on a fresh checkout under load the first build can take longer than the service's.
        var notReady = new SemanticMatcher(SharedUnderstanding.Examples, SharedUnderstanding.Embeddings, Path.Combine(AppContext.BaseDirectory, "example-embeddings.bin"))
        {
            BuildWaitLimit = Timeout.InfiniteTimeSpan,
        };
        var early = new MessageUnderstanding(new CommandMatcher(SharedUnderstanding.Content), SharedUnderstanding.Classifier, notReady,
            SharedUnderstanding.Examples, Options.Create(new UnderstandingOptions()));
        var ready = new MessageUnderstanding(new CommandMatcher(SharedUnderstanding.Content), SharedUnderstanding.Classifier, SharedUnderstanding.Semantic,
            SharedUnderstanding.Examples, Options.Create(new UnderstandingOptions()));
        const string Unsure = "my stepdaughter keeps refusing every kind of help we offer her";

        Assert.False(notReady.IsReady);
        var answer = early.Understand(Unsure, InquiryFor.FamilyMember);
        Assert.True(notReady.IsReady);
        Assert.Equal(UnderstandingPath.SemanticMatch, answer.Path); // the fast classifier alone is not sure of this one
        Assert.Equal(ready.Understand(Unsure, InquiryFor.FamilyMember), answer, UnderstandingComparer.Instance);
        Assert.Equal(ready.Understand("purple monkey dishwasher"), early.Understand("purple monkey dishwasher"), UnderstandingComparer.Instance);
    }

    [Fact]
    public void A_message_waits_for_the_first_build_only_as_long_as_the_limit_then_the_fast_classifier_answers()
    {
        // A first install: nothing cached, so the build encodes every example (far longer than this limit).
        var examples = Sample(intents: 30);
        var file = Path.Combine(Path.GetTempPath(), $"iopguidebot-wait-{Guid.NewGuid():N}.bin");
        try
        {
            using var cold = new SemanticMatcher(examples, SharedUnderstanding.Embeddings, file) { BuildWaitLimit = TimeSpan.FromMilliseconds(1) };
            var understanding = new MessageUnderstanding(new CommandMatcher(SharedUnderstanding.Content), SharedUnderstanding.Classifier, cold,
                SharedUnderstanding.Examples, Options.Create(new UnderstandingOptions()));

            var answer = understanding.Understand("my stepdaughter keeps refusing every kind of help we offer her", InquiryFor.FamilyMember);

            Assert.False(cold.IsReady);
            Assert.NotEqual(UnderstandingPath.SemanticMatch, answer.Path); // read without the matcher, not held until it is built
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Same path, intent, score and suggestions.</summary>
    private sealed class UnderstandingComparer : IEqualityComparer<IopGuideBot.Conversation.Understanding.Understanding>
    {
        public static readonly UnderstandingComparer Instance = new();

        public bool Equals(IopGuideBot.Conversation.Understanding.Understanding? x, IopGuideBot.Conversation.Understanding.Understanding? y) =>
            x is not null && y is not null && x.Path == y.Path && x.Intent == y.Intent && x.Score == y.Score && x.Suggestions.SequenceEqual(y.Suggestions);

        public int GetHashCode(IopGuideBot.Conversation.Understanding.Understanding obj) => obj.Path.GetHashCode();
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

    [Fact]
    public void A_sure_meaning_seconded_by_the_word_classifier_is_answered_though_no_example_is_close()
    {
        // "do you accept bcbs ppo": the meaning classifier sure of insurance, the n-gram classifier first on it too, and the
        // closest insurance example under the minimum similarity (the plan's letters are in no example).
        var insurance = Intent.Topic("insurance");
        var cost = Intent.Topic("cost");
        var byWords = new IntentPrediction([new ScoredIntent(insurance, 0.39f), new ScoredIntent(cost, 0.10f)], HasKnownWords: true);
        var byMeaning = new MeaningPrediction(
            new IntentPrediction([new ScoredIntent(insurance, 0.81f), new ScoredIntent(cost, 0.03f)], HasKnownWords: true),
            new IntentPrediction([new ScoredIntent(cost, 0.44f), new ScoredIntent(insurance, 0.42f)], HasKnownWords: true));

        var answered = MessageUnderstanding.Decide(byWords, byMeaning, InquiryFor.Unknown, new UnderstandingOptions(), SharedUnderstanding.Examples.AudienceOf);
        // The agreement rule (on since round 32) would answer this too (both classifiers first on insurance, mean 0.6), so it
        // is switched off with this rule to show the rule's own work.
        var withoutTheRule = MessageUnderstanding.Decide(byWords, byMeaning, InquiryFor.Unknown, new UnderstandingOptions { MeaningAloneConfidence = 1, AgreementConfidence = 1 }, SharedUnderstanding.Examples.AudienceOf);

        Assert.Equal((UnderstandingPath.SemanticMatch, insurance), (answered.Path, answered.Intent));
        Assert.Equal(UnderstandingPath.Fallback, withoutTheRule.Path);
    }

    [Fact]
    public void Three_readings_that_agree_are_answered_though_none_is_sure_alone()
    {
        // A family member asking what the clinic has for families: the n-gram classifier, the meaning classifier and the
        // closest example all put the family topic first, none of them sure or far ahead.
        var forFamily = Intent.Topic("for-family");
        var education = Intent.Topic("family-education");
        var familyPrivacy = Intent.Topic("family-confidentiality");
        var byWords = new IntentPrediction([new ScoredIntent(forFamily, 0.34f), new ScoredIntent(education, 0.09f)], HasKnownWords: true);
        var byMeaning = new MeaningPrediction(
            new IntentPrediction([new ScoredIntent(forFamily, 0.32f), new ScoredIntent(education, 0.27f)], HasKnownWords: true),
            new IntentPrediction([new ScoredIntent(forFamily, 0.76f), new ScoredIntent(familyPrivacy, 0.69f)], HasKnownWords: true));

        var answered = MessageUnderstanding.Decide(byWords, byMeaning, InquiryFor.Unknown, new UnderstandingOptions(), SharedUnderstanding.Examples.AudienceOf);
        var withoutTheRule = MessageUnderstanding.Decide(byWords, byMeaning, InquiryFor.Unknown, new UnderstandingOptions { UnanimousConfidence = 1 }, SharedUnderstanding.Examples.AudienceOf);
        var nearestDisagrees = MessageUnderstanding.Decide(
            byWords,
            byMeaning with { Nearest = new IntentPrediction([new ScoredIntent(familyPrivacy, 0.76f), new ScoredIntent(forFamily, 0.69f)], HasKnownWords: true) },
            InquiryFor.Unknown,
            new UnderstandingOptions(),
            SharedUnderstanding.Examples.AudienceOf);

        Assert.Equal((UnderstandingPath.SemanticMatch, forFamily), (answered.Path, answered.Intent));
        Assert.Equal(UnderstandingPath.Fallback, withoutTheRule.Path);
        Assert.Equal(UnderstandingPath.Fallback, nearestDisagrees.Path);
    }
}

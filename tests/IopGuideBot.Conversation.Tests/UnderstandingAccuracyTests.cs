using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests;

/// <summary>
/// How well free text finds the right topic, on phrasings the classifier never saw. The held-out set is written the way
/// people type: lower case, short, sometimes misspelt.
/// </summary>
public sealed class UnderstandingAccuracyTests(ITestOutputHelper output)
{
    private static readonly (string Text, string Topic)[] HeldOut =
    [
        ("whats an intensive outpatient program anyway", "what-is-iop"),
        ("can you explain what iop is", "what-is-iop"),
        ("will i have a therapist just for me", "individual-therapy"),
        ("do i get one on one time with a counselor", "individual-therapy"),
        ("what goes on in group therapy", "group-counseling"),
        ("do i have to share my story with the group", "group-counseling"),
        ("can my parents come to therapy with me", "family-involvement"),
        ("how is my family involved in treatment", "family-involvement"),
        ("can i still have a normal life during the program", "flexibility"),
        ("how flexible is it", "flexibility"),
        ("how many weeks does the program last", "duration"),
        ("how long until i finish", "duration"),
        ("how many hours per week is it", "schedule"),
        ("how many sessions do i go to each week", "schedule"),
        ("are there groups in the evening", "evening-groups"),
        ("do you have night groups after work", "evening-groups"),
        ("will i lose my job", "keep-job"),
        ("can i keep working full time", "keep-job"),
        ("can i keep going to college", "school"),
        ("will this mess up my school", "school"),
        ("is it covered by insurance", "cost"),
        ("how much will i have to pay", "cost"),
        ("will my employer know", "confidentiality"),
        ("is what i say kept private", "confidentiality"),
        ("what are the different kinds of care", "compare-care"),
        ("what treatment options are there", "compare-care"),
        ("do i have to stay at the facility", "compare-inpatient"),
        ("is this the same as rehab", "compare-inpatient"),
        ("how is this different from weekly therapy", "compare-outpatient"),
        ("whats the difference with regular outpatient", "compare-outpatient"),
        ("how do i know if i need this", "iop-right-for-me"),
        ("is an iop a good fit for me", "iop-right-for-me"),
        ("do you use cbt", "therapies"),
        ("what kind of therapy methods do you use", "therapies"),
        ("what happens once i finish the program", "aftercare"),
        ("is there support after the program ends", "aftercare"),
        ("can you give me suboxone", "medication"),
        ("can i get meds for withdrawal", "medication"),
        ("how do i start the program", "how-to-start"),
        ("how do i sign up for iop", "how-to-start"),
        ("what should i bring the first day", "first-day"),
        ("whats my first day going to be like", "first-day"),
        ("what if i end up using again", "relapse"),
        ("will i be kicked out if i relapse", "relapse"),
        ("my son has a drug problem", "for-family"),
        ("im worried about my sister", "for-family"),
        ("how do i help my son who refuses treatment", "family-support"),
        ("how do i get my husband to go to treatment", "family-support"),
        ("is my daughter in your program", "family-confidentiality"),
        ("can you tell me if my son is a patient", "family-confidentiality"),
        ("do you have classes for families", "family-education"),
        ("is there a family education group", "family-education"),
        ("where is your clinic", "location-hours"),
        ("what are your opening hours", "location-hours"),
        ("what number do i call", "contact"),
        ("how do i get in touch with you", "contact"),
        ("can i do sessions online", "telehealth"),
        ("do you offer video sessions", "telehealth"),
        ("do you drug test people", "drug-testing"),
        ("will i be drug tested", "drug-testing"),
        ("do you treat teens", "age-requirements"),
        ("is there a minimum age", "age-requirements"),
    ];

    [Fact]
    public void Held_out_phrasings_are_not_in_the_training_examples()
    {
        var content = ContentLoader.Load(ContentPaths.Content);
        var training = content.Topics.All
            .SelectMany(t => t.Examples.Select(e => e.Value).Append(t.Title).Append(t.Label.Value))
            .Select(TextNormalizer.Normalize)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(HeldOut.Length >= 40);
        Assert.All(HeldOut, h => Assert.DoesNotContain(TextNormalizer.Normalize(h.Text), training));
        Assert.All(HeldOut, h => Assert.True(content.Topics.TryGet(h.Topic, out _), h.Topic));
        Assert.All(content.Topics.All, t => Assert.Contains(HeldOut, h => h.Topic == t.Id));
    }

    [Fact]
    public void Top1_accuracy_is_at_least_90_percent_on_held_out_phrasings()
    {
        var content = ContentLoader.Load(ContentPaths.Content);
        var classifier = TopicClassifier.Train(content);
        var correct = 0;
        var fallback = 0;
        var confidentAndWrong = 0;
        foreach (var (text, topic) in HeldOut)
        {
            var prediction = classifier.Classify(text);
            var hit = prediction.Top.TopicId == topic;
            correct += hit ? 1 : 0;
            fallback += prediction.IsConfident ? 0 : 1;
            confidentAndWrong += prediction.IsConfident && !hit ? 1 : 0;
            if (!hit || !prediction.IsConfident)
            {
                output.WriteLine($"  {(hit ? "low " : "MISS")} '{text}' → {prediction.Top.TopicId} {prediction.Top.Score:0.00} (expected {topic}; 2nd {prediction.Ranked[1].TopicId} {prediction.Ranked[1].Score:0.00})");
            }
        }

        var accuracy = (double)correct / HeldOut.Length;
        var fallbackRate = (double)fallback / HeldOut.Length;
        output.WriteLine($"held-out phrasings: {HeldOut.Length}; top-1 accuracy: {accuracy:P1} ({correct}/{HeldOut.Length}); " +
            $"fallback rate at threshold {classifier.ConfidenceThreshold}: {fallbackRate:P1} ({fallback}); confident and wrong: {confidentAndWrong}; " +
            $"training: {classifier.TrainingTime.TotalMilliseconds:0} ms");
        Assert.True(accuracy >= 0.90, $"top-1 accuracy {accuracy:P1}");
        Assert.True(fallbackRate <= 0.20, $"fallback rate {fallbackRate:P1}");
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var content = ContentLoader.Load(ContentPaths.Content);
        var a = TopicClassifier.Train(content).Classify("can my boss find out");
        var b = TopicClassifier.Train(content).Classify("can my boss find out");
        Assert.Equal(a.Ranked, b.Ranked);
    }

    [Fact]
    public void Gibberish_is_not_answered_with_confidence()
    {
        var classifier = TopicClassifier.Train(ContentLoader.Load(ContentPaths.Content));
        Assert.False(classifier.Classify("purple monkey dishwasher").IsConfident);
        Assert.False(classifier.Classify("asdfgh qwerty").IsConfident);
    }
}

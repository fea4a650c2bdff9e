using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>Which step of the cascade understood a message.</summary>
public enum UnderstandingPath
{
    /// <summary>The text is a button's label (a click arrives as its label).</summary>
    ButtonLabel,

    /// <summary>The text contains a command phrase ("talk to a person").</summary>
    CommandPhrase,

    /// <summary>The n-gram classifier was sure on its own.</summary>
    FastClassifier,

    /// <summary>The sentence-embedding matcher was sure, or agreed with the classifier.</summary>
    SemanticMatch,

    /// <summary>Nothing was sure enough: the bot says so, offers <see cref="Understanding.Suggestions"/> (if any) and a person.</summary>
    Fallback,
}

/// <summary>What a message asks for (<see cref="Intent"/>, null on a fallback), how it was found, and on a fallback the closest topics.</summary>
public sealed record Understanding(UnderstandingPath Path, Intent? Intent, float Score, IReadOnlyList<Intent> Suggestions)
{
    public static Understanding Fallback(IReadOnlyList<Intent> suggestions, float score = 0f) => new(UnderstandingPath.Fallback, null, score, suggestions);
}

/// <summary>
/// The matching cascade, cheapest first: an exact button label or command phrase → the fast n-gram classifier when it
/// is sure → the semantic matcher (sentence embeddings) when it is not → an honest fallback whose suggestions are topics
/// genuinely close in meaning, or none. Who the conversation is about tips unclear questions toward family topics.
/// Thresholds: <see cref="UnderstandingOptions"/>. Thread-safe.
/// </summary>
public sealed class MessageUnderstanding(CommandMatcher commands, IntentClassifier fast, SemanticMatcher semantic, IntentExamples examples, IOptions<UnderstandingOptions> options)
{
    private readonly UnderstandingOptions _options = options.Value;

    public SemanticMatcher Semantic => semantic;

    /// <summary>Reads one message from the main conversation; <paramref name="about"/> is who the conversation is about so far.</summary>
    public Understanding Understand(string? text, InquiryFor about = InquiryFor.Unknown)
    {
        if (TextNormalizer.Normalize(text).Length == 0)
        {
            return Understanding.Fallback([]);
        }

        if (commands.MatchLabel(text) is { } label)
        {
            var intent = label.Kind == ActionKind.Topic ? Intent.Topic(label.Id) : Intent.Command(label.Id);
            return new Understanding(UnderstandingPath.ButtonLabel, intent, 1f, []);
        }

        if (commands.MatchCommand(text, globalOnly: false) is { } command)
        {
            return new Understanding(UnderstandingPath.CommandPhrase, Intent.Command(command.Id), 1f, []);
        }

        var byWords = fast.Classify(text!);
        if (byWords.HasKnownWords && byWords.Top.Score >= _options.FastConfidence)
        {
            return new Understanding(UnderstandingPath.FastClassifier, byWords.Top.Intent, byWords.Top.Score, []);
        }

        return Decide(byWords, semantic.Match(text!), about, _options, examples.AudienceOf);
    }

    /// <summary>
    /// The cascade after the fast path: given both matchers' scores, answer, or fall back with close suggestions.
    /// <paramref name="byMeaning"/> is null while the semantic matcher is still being built.
    /// </summary>
    public static Understanding Decide(IntentPrediction byWords, IntentPrediction? byMeaning, InquiryFor about, UnderstandingOptions options, Func<Intent, TopicAudience> audienceOf)
    {
        ArgumentNullException.ThrowIfNull(byWords);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(audienceOf);
        if (byWords.HasKnownWords && byWords.Top.Score >= options.FastConfidence)
        {
            return new Understanding(UnderstandingPath.FastClassifier, byWords.Top.Intent, byWords.Top.Score, []);
        }

        if (byMeaning is null)
        {
            if (byWords.HasKnownWords && byWords.Top.Score >= options.FastOnlyConfidence)
            {
                return new Understanding(UnderstandingPath.FastClassifier, byWords.Top.Intent, byWords.Top.Score, []);
            }

            var guesses = byWords.HasKnownWords
                ? byWords.Ranked.Where(s => s.Intent.Kind == IntentKind.Topic).Take(2).Where(s => s.Score >= options.FastOnlyConfidence / 3).Select(s => s.Intent).ToList()
                : [];
            return Understanding.Fallback(guesses, byWords.Top.Score);
        }

        // Meaning first; the classifier's probability and who the conversation is about tip close calls.
        var fastWeight = byWords.HasKnownWords ? (float)options.FastWeight : 0f;
        var familyBonus = about == InquiryFor.FamilyMember ? (float)options.FamilyContextBonus : 0f;
        var probability = fastWeight > 0 ? byWords.Ranked.ToDictionary(s => s.Intent, s => s.Score) : null;
        var ranked = fastWeight > 0 || familyBonus > 0
            ? byMeaning.Ranked
                .Select(s => s with
                {
                    Score = s.Score
                        + (probability is null ? 0f : fastWeight * probability.GetValueOrDefault(s.Intent))
                        + (audienceOf(s.Intent) == TopicAudience.Family ? familyBonus : 0f),
                })
                .OrderByDescending(s => s.Score).ThenBy(s => s.Intent.Key, StringComparer.Ordinal).ToList()
            : byMeaning.Ranked;
        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Score : 0f;
        if (top.Score >= options.SemanticConfidence && top.Score - second >= options.SemanticMargin)
        {
            return new Understanding(UnderstandingPath.SemanticMatch, top.Intent, top.Score, []);
        }

        if (byWords.HasKnownWords && byWords.Top.Intent == top.Intent
            && byWords.Top.Score >= options.AgreementFastConfidence && top.Score >= options.AgreementSemanticConfidence)
        {
            return new Understanding(UnderstandingPath.SemanticMatch, top.Intent, top.Score, []);
        }

        var suggestions = ranked
            .Where(s => s.Intent.Kind == IntentKind.Topic && s.Score >= options.SuggestionSimilarity && s.Score >= top.Score - options.SuggestionSpread)
            .Take(2).Select(s => s.Intent).ToList();
        return Understanding.Fallback(suggestions, top.Score);
    }
}

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

    /// <summary>Neither was sure of a message of a few words, and its telling words all belong to one intent (<see cref="DistinctiveWords"/>).</summary>
    DistinctiveWord,

    /// <summary>
    /// A message asking several things that was not sure as a whole: its first question that is sure on its own (the
    /// others stay as asked; the answer's buttons lead on).
    /// </summary>
    OneOfSeveralQuestions,

    /// <summary>Nothing was sure enough: the bot says so, offers <see cref="Understanding.Suggestions"/> (if any) and a person.</summary>
    Fallback,
}

/// <summary>What a message asks for (<see cref="Intent"/>, null on a fallback), how it was found, and on a fallback the closest topics.</summary>
public sealed record Understanding(UnderstandingPath Path, Intent? Intent, float Score, IReadOnlyList<Intent> Suggestions)
{
    /// <summary>The message was in Spanish and was understood through its English gloss (<see cref="SpanishQuestion"/>).</summary>
    public bool InSpanish { get; init; }

    /// <summary>The classifiers (or a distinctive word) answered: not a button, a command phrase or a fallback.</summary>
    public bool IsClassified => Path is UnderstandingPath.FastClassifier or UnderstandingPath.SemanticMatch or UnderstandingPath.DistinctiveWord or UnderstandingPath.OneOfSeveralQuestions;

    public static Understanding Fallback(IReadOnlyList<Intent> suggestions, float score = 0f) => new(UnderstandingPath.Fallback, null, score, suggestions);
}

/// <summary>
/// The matching cascade, cheapest first: an exact button label or command phrase → (the question with its texting
/// shorthand and typos repaired, <see cref="WordRepair"/>) the fast n-gram classifier when it is sure → the semantic
/// matcher (sentence embeddings) when it is not → for a message of a few words, the one intent its distinctive words
/// belong to (<see cref="DistinctiveWords"/>) → an honest fallback whose suggestions are topics genuinely close in
/// meaning, or none. A question in Spanish goes through the cascade as its English gloss (<see cref="SpanishQuestion"/>).
/// Who the conversation is about tips unclear questions toward family topics.
/// Thresholds: <see cref="UnderstandingOptions"/>. Thread-safe.
/// </summary>
public sealed class MessageUnderstanding(CommandMatcher commands, IntentClassifier fast, SemanticMatcher semantic, IntentExamples examples, IOptions<UnderstandingOptions> options)
{
    private readonly UnderstandingOptions _options = options.Value;
    private readonly WordRepair _repair = WordRepair.For(examples);
    private readonly DistinctiveWords _distinctive = DistinctiveWords.From(examples);

    public SemanticMatcher Semantic => semantic;

    public IntentExamples Examples => examples;

    /// <summary>Reads one message from the main conversation; <paramref name="about"/> is who earlier turns were about.</summary>
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

        var command = commands.FindCommand(text, globalOnly: false);
        if (command is { Embedded: false })
        {
            return new Understanding(UnderstandingPath.CommandPhrase, Intent.Command(command.Command.Id), 1f, []);
        }

        var read = Read(text!, about);
        if (command is not null && (OffersANumberToCall(command.Command.Id, text!) || !EmbeddedCommandGivesWay(command.Command.Id, read)))
        {
            return new Understanding(UnderstandingPath.CommandPhrase, Intent.Command(command.Command.Id), 1f, []);
        }

        return read;
    }

    /// <summary>
    /// The command a message asks for, as <see cref="CommandMatcher.FindCommand"/> finds it, unless its phrase is a small
    /// part of a longer message that is asking something else (<see cref="EmbeddedCommandGivesWay"/>).
    /// </summary>
    public Command? CommandIn(string? text, bool globalOnly, InquiryFor about = InquiryFor.Unknown) =>
        commands.FindCommand(text, globalOnly) is { } found
        && (!found.Embedded || OffersANumberToCall(found.Command.Id, text!) || !EmbeddedCommandGivesWay(found.Command.Id, Read(text!, about)))
            ? found.Command
            : null;

    /// <summary>Digits in a message that asks to be called: enough for a local number, though not always a whole one.</summary>
    private const int DigitsOfANumber = 7;

    /// <summary>
    /// "Please call me, my number is 555-0142": a request to be called that gives a number is a callback request however
    /// the rest reads (the classifiers read "my number" as asking for the clinic's). A whole number starts the callback
    /// request anywhere (<c>AnswerReader.Phones</c>); this also holds one missing its area code, which the request then asks for.
    /// </summary>
    private static bool OffersANumberToCall(string commandId, string text) =>
        commandId == CommandIds.Callback && text.Count(char.IsAsciiDigit) >= DigitsOfANumber;

    /// <summary>
    /// Whether a command phrase that is a small part of a longer message gives way to the classifiers' reading of it: to
    /// a confident topic or small talk ("can she keep going to school during the program" is about school); and for
    /// "start over" and "keep going", also to a fallback that has topics to offer ("does one drink mean I start over?",
    /// "can I keep going to my meetings?"). Here both phrases could only show the menu (a questionnaire in progress reads
    /// "keep going" itself, before this), and a question answered with the menu looks understood when it was not; the
    /// fallback says so and offers the close topics, the menu and a person.
    /// </summary>
    public static bool EmbeddedCommandGivesWay(string commandId, Understanding read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return (read.IsClassified && read.Intent is { Kind: IntentKind.Topic or IntentKind.SmallTalk })
            || (commandId is CommandIds.Menu or CommandIds.Resume && read.Path == UnderstandingPath.Fallback && read.Suggestions.Count > 0);
    }

    /// <summary>
    /// The classifiers' reading of a message (no labels or command phrases). A message in Spanish is read through its
    /// English gloss when the gloss is understood: the examples and the encoder are English, so the Spanish as typed mostly
    /// lands on the language topic or nowhere.
    /// </summary>
    private Understanding Read(string text, InquiryFor about)
    {
        if (!SpanishQuestion.Looks(text))
        {
            return ReadAsTyped(text, about);
        }

        // The Spanish as typed is read only when its gloss is not understood.
        var glossed = ReadAsTyped(SpanishQuestion.Gloss(text), about);
        return glossed.Path != UnderstandingPath.Fallback ? glossed with { InSpanish = true } : ReadAsTyped(text, about);
    }

    private Understanding ReadAsTyped(string text, InquiryFor about)
    {
        var question = _repair.Repair(MessageSegments.WithoutInterjection(text));
        var decided = Classify(question, about);
        if (decided.Path != UnderstandingPath.Fallback)
        {
            return decided;
        }

        if (_distinctive.SoleIntentOf(question) is { } sole)
        {
            return new Understanding(UnderstandingPath.DistinctiveWord, sole, decided.Score, []);
        }

        return FirstSureQuestion(question, about) ?? decided;
    }

    /// <summary>The n-gram classifier when it is sure on its own (no embedding needed), else the cascade of <see cref="Decide"/>.</summary>
    private Understanding Classify(string question, InquiryFor about)
    {
        var byWords = fast.Classify(question);
        return byWords.HasKnownWords && byWords.Top.Score >= _options.FastConfidence
            ? new Understanding(UnderstandingPath.FastClassifier, byWords.Top.Intent, byWords.Top.Score, [])
            : Decide(byWords, semantic.Match(question), about, _options, examples.AudienceOf);
    }

    /// <summary>Questions of one message read on their own when the whole is unsure ("how much is it? do you take medicaid? is there parking").</summary>
    private const int MaxQuestionsReadAlone = 3;

    /// <summary>
    /// Two or three questions in one message blur into a reading sure of none; read alone, in the order asked, the first
    /// that is surely about a topic is answered. Null when the message asks fewer than two things or none is sure.
    /// </summary>
    private Understanding? FirstSureQuestion(string text, InquiryFor about)
    {
        var questions = MessageSegments.QuestionsOf(text, MaxQuestionsReadAlone);
        if (questions.Count < 2)
        {
            return null;
        }

        foreach (var question in questions.Reverse())
        {
            var read = Classify(question, about);
            if (read.IsClassified && read.Intent is { Kind: IntentKind.Topic } intent)
            {
                return new Understanding(UnderstandingPath.OneOfSeveralQuestions, intent, read.Score, []);
            }
        }

        return null;
    }

    /// <summary>
    /// The cascade after the fast path: given both matchers' scores, answer, or fall back with close suggestions.
    /// <paramref name="byMeaning"/> is null only when the semantic matcher could not be built (an error already logged);
    /// a message that arrives while it is being built waits for it.
    /// </summary>
    public static Understanding Decide(IntentPrediction byWords, MeaningPrediction? byMeaning, InquiryFor about, UnderstandingOptions options, Func<Intent, TopicAudience> audienceOf)
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

        // The meaning classifier's probabilities; who the conversation is about tips close calls toward family topics.
        var familyBonus = about == InquiryFor.FamilyMember ? (float)options.FamilyContextBonus : 0f;
        var ranked = familyBonus > 0
            ? byMeaning.Classified.Ranked
                .Select(s => audienceOf(s.Intent) == TopicAudience.Family ? s with { Score = s.Score + familyBonus } : s)
                .OrderByDescending(s => s.Score).ThenBy(s => s.Intent.Key, StringComparer.Ordinal).ToList()
            : byMeaning.Classified.Ranked;
        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Score : 0f;

        // However sure the classifier is, the message must be near something the bot was taught.
        var closeEnough = byMeaning.Nearest.Ranked.FirstOrDefault(s => s.Intent == top.Intent)?.Score >= options.MinimumSimilarity;
        // Below SoleConfidence the classifier needs a second opinion: the closest example is of the same intent, or the
        // n-gram classifier ranks it first too.
        var seconded = top.Score >= options.SoleConfidence || byMeaning.Nearest.Ranked[0].Intent == top.Intent
            || (byWords.HasKnownWords && byWords.Top.Intent == top.Intent);
        if (closeEnough && seconded && top.Score >= options.SemanticConfidence && top.Score - second >= options.SemanticMargin)
        {
            return new Understanding(UnderstandingPath.SemanticMatch, top.Intent, top.Score, []);
        }

        // Sure, leading, and first for the n-gram classifier too: answered even though no example is close.
        if (top.Score >= options.MeaningAloneConfidence && top.Score - second >= options.SemanticMargin
            && byWords.HasKnownWords && byWords.Top.Intent == top.Intent)
        {
            return new Understanding(UnderstandingPath.SemanticMatch, top.Intent, top.Score, []);
        }

        // A near-paraphrase of one example that the classifier also ranks first needs no further margin.
        var nearest = byMeaning.Nearest.Ranked;
        if (nearest[0].Intent == top.Intent && nearest[0].Score >= options.NearParaphraseSimilarity)
        {
            return new Understanding(UnderstandingPath.SemanticMatch, top.Intent, top.Score, []);
        }

        // One intent's examples clearly closer than any other's, and the classifier ranks it among its first two.
        var nearestSecond = nearest.Count > 1 ? nearest[1].Score : 0f;
        if (nearest[0].Score >= options.NearestConfidence && nearest[0].Score - nearestSecond >= options.NearestMargin
            && (nearest[0].Intent == top.Intent || (ranked.Count > 1 && nearest[0].Intent == ranked[1].Intent)))
        {
            return new Understanding(UnderstandingPath.SemanticMatch, nearest[0].Intent, nearest[0].Score, []);
        }

        // Both classifiers, each unsure alone, put the same intent first.
        if (byWords.HasKnownWords && byWords.Top.Intent == top.Intent && (byWords.Top.Score + top.Score) / 2 >= options.AgreementConfidence)
        {
            return new Understanding(UnderstandingPath.SemanticMatch, top.Intent, top.Score, []);
        }

        // The n-gram classifier, the meaning classifier and the closest example all put the same intent first.
        if (byWords.HasKnownWords && byWords.Top.Intent == top.Intent && nearest[0].Intent == top.Intent
            && byWords.Top.Score >= options.UnanimousConfidence && top.Score >= options.UnanimousConfidence && nearest[0].Score >= options.UnanimousSimilarity)
        {
            return new Understanding(UnderstandingPath.SemanticMatch, top.Intent, top.Score, []);
        }

        // Suggest only topics both measures find close: among the classifier's first three, and with an example near enough.
        var likely = ranked.Take(3).Select(s => s.Intent).ToHashSet();
        var candidates = nearest.Where(s => s.Intent.Kind == IntentKind.Topic && likely.Contains(s.Intent) && s.Score >= options.SuggestionSimilarity).ToList();
        var suggestions = candidates
            .Where(s => s.Score >= candidates[0].Score - options.SuggestionSpread)
            .Take(options.SuggestionCount).Select(s => s.Intent).ToList();
        return Understanding.Fallback(suggestions, top.Score);
    }
}

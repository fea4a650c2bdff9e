using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Recognizers.Text.Number;

namespace IopGuideBot.Conversation.Questions;

/// <summary>How an answer reads.</summary>
public enum ReadingKind
{
    /// <summary>Read: <see cref="AnswerReading.Answer"/>.</summary>
    Answer,

    /// <summary>It could mean any of <see cref="AnswerReading.Candidates"/>: ask which.</summary>
    Ambiguous,

    /// <summary>The person doesn't know.</summary>
    Unsure,

    /// <summary>Too long for what was asked (a name of a hundred characters): ask again, saying why.</summary>
    TooLong,

    NotUnderstood,
}

public sealed record AnswerReading(ReadingKind Kind, QuestionAnswer? Answer = null, IReadOnlyList<QuestionAnswer>? Candidates = null)
{
    public static AnswerReading NotUnderstood { get; } = new(ReadingKind.NotUnderstood);

    public static AnswerReading Unsure { get; } = new(ReadingKind.Unsure);

    public static AnswerReading TooLong { get; } = new(ReadingKind.TooLong);

    public static AnswerReading Of(QuestionAnswer answer) => new(ReadingKind.Answer, answer);

    public static AnswerReading AskBack(IEnumerable<QuestionAnswer> candidates)
    {
        var list = candidates.ToList();
        return list.Count switch
        {
            0 => NotUnderstood,
            1 => Of(list[0]),
            _ => new AnswerReading(ReadingKind.Ambiguous, Candidates: list),
        };
    }
}

/// <summary>
/// Reads an answer to a <see cref="GuidedQuestion"/> in the person's own words, by the question's kind: yes/no inside
/// sentences, ages, counts and frequencies (negation and hedges never flip an answer), every substance named, numbers on a
/// scale, phone numbers, e-mail addresses, names, and when to call. Something that could mean two things comes back
/// <see cref="ReadingKind.Ambiguous"/> with the readings to ask about, never guessed. Skip, back and "not sure" are the
/// prompt's (<see cref="NavigationPhrases"/>); this reads everything else.
/// </summary>
public sealed partial class AnswerReader(AnswersContent answers, TimeProvider time)
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "why", "how", "who", "where", "when", "is", "are", "do", "does", "can", "could", "will", "would",
        "should", "which", "wait", "huh", "explain",
    };

    // Words that name nothing: a message of only these is not "something else" the person uses.
    private static readonly HashSet<string> NamesNothing = new(StringComparer.Ordinal)
    {
        "hmm", "hm", "um", "umm", "uh", "huh", "ok", "okay", "k", "what", "lol", "eh", "meh", "well", "so", "yeah", "yes", "no",
        "nah", "wait", "sorry", "i", "im", "me", "my", "you", "it", "its", "that", "this", "the", "a", "an", "and", "or", "just",
        "like", "idk", "dunno", "stuff", "things", "thing", "everything", "anything", "nothing", "whatever", "hello", "hi",
        "hey", "thanks", "thank", "please", "ugh", "oh", "ah", "haha", "really", "use", "used", "using", "take", "took", "do",
        "did", "dont", "know", "not", "sure", "maybe", "some", "lots", "lot", "of", "too", "much", "many", "all", "kinds",
    };

    public AnswersContent Answers { get; } = answers;

    /// <summary>Reads <paramref name="text"/> as an answer to <paramref name="question"/>.</summary>
    /// <param name="question">The question.</param>
    /// <param name="text">What the person typed.</param>
    /// <param name="clarifying">The readings the bot asked the person to choose between, if it just asked back.</param>
    public AnswerReading Read(GuidedQuestion question, string? text, IReadOnlyList<QuestionAnswer>? clarifying = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var said = Clean(text);
        if (said.Length == 0)
        {
            return AnswerReading.NotUnderstood;
        }

        // "honestly no idea" is unsure, even where "no" would be an answer — unless a choice says exactly that.
        if (Answers.Navigation.IsOnlyUnsure(said) && !NamesAChoice(question, said))
        {
            return clarifying is { Count: > 0 } ? AnswerReading.NotUnderstood : AnswerReading.Unsure;
        }

        var reading = question.Kind switch
        {
            QuestionKind.YesNo or QuestionKind.Offer or QuestionKind.Age or QuestionKind.Choice or QuestionKind.Multi
                or QuestionKind.Frequency or QuestionKind.Number => ReadKind(question, said),
            QuestionKind.Text => ReadName(question, said),
            QuestionKind.Phone => ReadPhone(question, said),
            QuestionKind.Email => ReadEmail(question, said),
            QuestionKind.Time => ReadTime(question, said),
            QuestionKind.ContactMethod => ReadContactMethod(question, said),
            _ => AnswerReading.NotUnderstood,
        };

        if (reading.Kind is ReadingKind.Ambiguous or ReadingKind.NotUnderstood && Focus(question, said) is { } focused)
        {
            reading = focused;
        }

        if (clarifying is { Count: > 0 } && reading.Kind != ReadingKind.Answer && Pick(question, said, clarifying) is { } picked)
        {
            return AnswerReading.Of(picked);
        }

        return reading;
    }

    private AnswerReading ReadKind(GuidedQuestion question, string said) => question.Kind switch
    {
        QuestionKind.YesNo or QuestionKind.Offer => ReadYesNo(question, said),
        QuestionKind.Age => ReadAge(question, said),
        QuestionKind.Choice => ReadChoice(question, said),
        QuestionKind.Multi => ReadMulti(question, said),
        QuestionKind.Frequency => ReadFrequency(question, said),
        QuestionKind.Number => ReadNumber(question, said),
        _ => AnswerReading.NotUnderstood,
    };

    /// <summary>
    /// Several sentences that together read two ways: a correction counts from where it starts ("never?? no. daily"),
    /// else an answer given first and then explained ("for me. my wife told me to look into it…").
    /// </summary>
    private AnswerReading? Focus(GuidedQuestion question, string said)
    {
        var sentences = SentenceBreak().Split(said).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count < 2)
        {
            return null;
        }

        for (var i = sentences.Count - 1; i >= 1; i--)
        {
            if (Correction().Match(sentences[i]) is { Success: true } correction)
            {
                var after = string.Join(". ", [sentences[i][correction.Length..], .. sentences.Skip(i + 1)]).Trim(' ', ',', '.');
                if (after.Length > 0 && ReadKind(question, after) is { Kind: ReadingKind.Answer } corrected)
                {
                    return corrected;
                }
            }
        }

        return NamesAChoice(question, sentences[0]) && ReadKind(question, sentences[0]) is { Kind: ReadingKind.Answer } first ? first : null;
    }

    /// <summary>How an answer is said back to the person ("weekly", "alcohol, cannabis", "18 or older").</summary>
    public string Describe(GuidedQuestion question, QuestionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        switch (question.Kind)
        {
            case QuestionKind.YesNo or QuestionKind.Offer or QuestionKind.Age:
                var yes = answer.Is("yes");
                var label = yes ? question.YesLabel ?? Answers[AnswersContent.ButtonYes].Text.Value : question.NoLabel ?? Answers[AnswersContent.ButtonNo].Text.Value;
                return question.Kind == QuestionKind.Age && answer.Number is { } age ? $"{age} ({label})" : label;
            case QuestionKind.Number:
                return answer.Number?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            case QuestionKind.Phone:
                return FormatPhone(answer.Text);
            case QuestionKind.ContactMethod when answer.Text is { } contact:
                return $"{ChoiceLabels(question, answer)} ({(contact.StartsWith('+') ? FormatPhone(contact) : contact)})";
            case QuestionKind.Text or QuestionKind.Email or QuestionKind.Time:
                return answer.Text ?? string.Empty;
            default:
                var labels = ChoiceLabels(question, answer);
                return answer.Values.SequenceEqual(["other"]) && answer.Text is { } typed ? $"{labels} (“{typed}”)" : labels;
        }
    }

    /// <summary>A US number as people write it: "(312) 555-9021"; others as given.</summary>
    public static string FormatPhone(string? e164) =>
        e164 is { Length: 12 } && e164.StartsWith("+1", StringComparison.Ordinal)
            ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}"
            : e164 ?? string.Empty;

    /// <summary>Strips control characters and extra spaces: nothing invisible is ever recorded.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool NamesAChoice(GuidedQuestion question, string said) =>
        question.Choices.Count > 0 && ChoiceRecognizer.Recognize(said, Choices(question)) is { MatchKind: ChoiceMatchKind.Exact or ChoiceMatchKind.Synonym };

    private static string ChoiceLabels(GuidedQuestion question, QuestionAnswer answer) =>
        string.Join(", ", answer.Values.Select(v => question.Choice(v)?.Label ?? v));

    private static QuestionAnswer Answer(GuidedQuestion q, bool interpreted, params string[] values) =>
        new() { QuestionId = q.Id, Values = [.. values], Interpreted = interpreted };

    private static bool LooksLikeAQuestion(string said)
    {
        var tokens = ChoiceTokens(said);
        return said.Contains('?', StringComparison.Ordinal) || (tokens.Length > 0 && QuestionWords.Contains(tokens[0]));
    }

    private static string[] ChoiceTokens(string text) => TextNormalizerTokens(text);

    private static string[] TextNormalizerTokens(string text) =>
        Content.TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static List<Choice> Choices(GuidedQuestion q) =>
        [.. q.Choices.Select(c => new Choice(c.Id.Replace('_', ' '), [c.Label, .. c.Synonyms]))];

    /// <summary>Picks one of the readings the bot asked about ("the first one", "weekly", "yes").</summary>
    private QuestionAnswer? Pick(GuidedQuestion question, string said, IReadOnlyList<QuestionAnswer> clarifying)
    {
        var options = clarifying.Select(c => new Choice(
            Describe(question, c),
            [.. c.Values.Select(v => question.Choice(v)?.Label ?? v), .. c.Values.SelectMany(v => question.Choice(v)?.Synonyms ?? []),
             .. c.Number is { } n ? [n.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()])).ToList();
        var found = ChoiceRecognizer.Recognize(said, options);
        if (found is not null)
        {
            var picked = clarifying[found.Index];
            return new QuestionAnswer { QuestionId = picked.QuestionId, Values = [.. picked.Values], Number = picked.Number, Text = picked.Text, Interpreted = true };
        }

        // "yes" / "no" to "is that a yes or a no?"
        if (clarifying.All(c => c.Values.Count == 1 && c.Values[0] is "yes" or "no") && YesNoLexicon.Recognize(said) is { } yes)
        {
            return clarifying.FirstOrDefault(c => c.Is(yes ? "yes" : "no"));
        }

        return null;
    }

    private AnswerReading ReadYesNo(GuidedQuestion q, string said)
    {
        // The question's own phrases first: "please don't mention the clinic" is a no to "may we leave a voicemail?".
        // No values: only the phrases themselves count (a plain "no" is read below, and not echoed).
        var own = new List<Choice> { new(string.Empty, q.YesPhrases), new(string.Empty, q.NoPhrases) };
        var mentions = ChoiceMentions.Find(said, own).Where(m => !m.Negated).Select(m => m.Index).Distinct().ToList();
        if (mentions.Count == 2)
        {
            return AnswerReading.AskBack([Answer(q, true, "yes"), Answer(q, true, "no")]);
        }

        if (mentions.Count == 1)
        {
            // "for now yes, but we might be evicted": the question's own words and a plain yes or no disagree.
            var plain = YesNoLexicon.Read(said, statements: false);
            var ownReading = mentions[0] == 0 ? YesNoReading.Yes : YesNoReading.No;
            return plain is YesNoReading.Yes or YesNoReading.No && plain != ownReading
                ? AnswerReading.AskBack([Answer(q, true, "yes"), Answer(q, true, "no")])
                : AnswerReading.Of(Answer(q, true, ownReading == YesNoReading.Yes ? "yes" : "no"));
        }

        if (AskBackFor(q, said) is { } group)
        {
            return group;
        }

        var interpreted = ChoiceTokens(said).Length > 3;
        return YesNoLexicon.Read(said, statements: q.Kind != QuestionKind.Offer) switch
        {
            YesNoReading.Yes => AnswerReading.Of(Answer(q, interpreted, "yes")),
            YesNoReading.No => AnswerReading.Of(Answer(q, interpreted, "no")),
            YesNoReading.Unsure => AnswerReading.Unsure,
            YesNoReading.Ambiguous => AnswerReading.AskBack([Answer(q, true, "yes"), Answer(q, true, "no")]),
            _ => AnswerReading.NotUnderstood,
        };
    }

    private AnswerReading ReadAge(GuidedQuestion q, string said)
    {
        var threshold = q.Min ?? 18;
        var ages = Ages(said, time.GetUtcNow().Year);
        if (ages.Count > 0)
        {
            var adult = ages.Select(a => a >= threshold).Distinct().ToList();
            if (adult.Count > 1)
            {
                return AnswerReading.AskBack([Answer(q, true, "yes"), Answer(q, true, "no")]);
            }

            var answer = Answer(q, true, adult[0] ? "yes" : "no");
            answer.Number = ages.Count == 1 && ages[0] is >= 1 and <= 120 ? ages[0] : null;
            return AnswerReading.Of(answer);
        }

        return ReadYesNo(q, said);
    }

    /// <summary>Ages in the text: "34", "hes 19", "nineteen", "born in 1990", "in his 20s", "over 21" (22), "almost 18" (17).</summary>
    private static List<int> Ages(string said, int thisYear)
    {
        var t = " " + said.ToLowerInvariant() + " ";
        var ages = new List<int>();
        foreach (Match m in Decade().Matches(t))
        {
            var value = m.Groups["d"].Success
                ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)
                : m.Groups["w"].Value switch { "twenties" => 20, "thirties" => 30, "forties" => 40, "fifties" => 50, "sixties" => 60, "seventies" => 70, _ => 80 };
            ages.Add(value + (m.Groups["early"].Success ? 1 : 5));
            t = t.Replace(m.Value, " ", StringComparison.Ordinal);
        }

        foreach (Match m in BornIn().Matches(t))
        {
            ages.Add(thisYear - int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture));
            t = t.Replace(m.Value, " ", StringComparison.Ordinal);
        }

        foreach (var result in NumberRecognizer.RecognizeNumber(t, Microsoft.Recognizers.Text.Culture.English))
        {
            if (!double.TryParse(Convert.ToString(result.Resolution.GetValueOrDefault("value"), CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                || number != Math.Floor(number) || number is < 1 or > 120)
            {
                continue;
            }

            // Counts and durations are not ages ("1 drink", "2 kids", "for 10 years").
            var before = t[..result.Start];
            var after = t[(result.Start + result.Text.Length)..];
            if ((AgeUnitAfter().IsMatch(after) && !YearsAfter().IsMatch(after)) || DurationBefore().IsMatch(before))
            {
                continue;
            }

            var age = (int)number;
            if (OverBefore().IsMatch(before) || PlusAfter().IsMatch(after))
            {
                age++;
            }
            else if (UnderBefore().IsMatch(before) || NextAfter().IsMatch(after))
            {
                age--;
            }

            ages.Add(age);
        }

        return ages;
    }

    private AnswerReading ReadChoice(GuidedQuestion q, string said)
    {
        var choices = Choices(q);
        var found = ChoiceRecognizer.Recognize(said, choices);
        if (found is { MatchKind: not ChoiceMatchKind.Partial })
        {
            return AnswerReading.Of(Answer(q, false, q.Choices[found.Index].Id));
        }

        var mentions = ChoiceMentions.Find(said, choices);

        // A negated choice may name another ("not managed" is worrying).
        var meant = mentions.Select(m => m.Negated
            ? q.Choices[m.Index].WhenNegated is { } other ? q.Choices.ToList().FindIndex(c => c.Id == other) : -1
            : m.Index);
        var named = Winners(q, [.. meant.Where(i => i >= 0).Distinct()]);
        if (named.Count > 0)
        {
            return AnswerReading.AskBack(named.Select(i => Answer(q, true, q.Choices[i].Id)));
        }

        if (AskBackFor(q, said) is { } group)
        {
            return group;
        }

        var negated = mentions.Where(m => m.Negated).Select(m => m.Index).Distinct().ToList();
        if (negated.Count == 1 && q.Choices.Count == 2)
        {
            // "not me" to "you, or someone you care about?"
            return AnswerReading.Of(Answer(q, true, q.Choices[1 - negated[0]].Id));
        }

        // "only after 5pm", "9 to 12": a time of day names the choice that covers it.
        if (PartOfDay(said) is { } part && ChoiceMentions.Find(part, choices) is [{ } byTime])
        {
            return AnswerReading.Of(Answer(q, true, q.Choices[byTime.Index].Id));
        }

        // Words shared with one choice's label or synonyms ("someone I care about"), when they carry meaning.
        if (found is { MatchKind: ChoiceMatchKind.Partial, Synonym: { } matched } && !LooksLikeAQuestion(said)
            && ChoiceTokens(said).Intersect(ChoiceTokens(matched)).Any(w => w.Length >= 4 && !WeakWords.Contains(w)))
        {
            return AnswerReading.Of(Answer(q, true, q.Choices[found.Index].Id));
        }

        return YesNoLexicon.Read(said) == YesNoReading.Unsure ? AnswerReading.Unsure : AnswerReading.NotUnderstood;
    }

    private static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal)
    {
        "not", "never", "dont", "yes", "yeah", "sure", "maybe", "probably", "really", "that", "this", "with", "have", "just",
        "about", "would", "could", "should", "some", "thing", "things", "work", "works",
    };

    /// <summary>Of several choices named, those no other named choice beats ("either" over "day" and "evening").</summary>
    private static List<int> Winners(GuidedQuestion q, List<int> named) =>
        [.. named.Where(i => !named.Any(j => j != i && q.Choices[j].Beats?.Contains(q.Choices[i].Id) == true))];

    /// <summary>"morning", "afternoon" or "evening" for a time of day in the text, or null.</summary>
    private static string? PartOfDay(string said)
    {
        var time = BestTimeReader.Read(said);
        if (time.Part is { } part)
        {
            return part;
        }

        if (time.Anytime)
        {
            return "anytime";
        }

        var hour = time.After?.Hour ?? time.Around?.Hour;
        if (hour is { } from)
        {
            return from >= 17 ? "evening" : from >= 12 ? "afternoon" : "morning";
        }

        return time.Before is { } before ? (before.Hour <= 12 ? "morning" : before.Hour <= 17 ? "afternoon" : null) : null;
    }

    private static AnswerReading? AskBackFor(GuidedQuestion q, string said)
    {
        foreach (var group in q.AskBack)
        {
            var phrases = new List<Choice> { new(string.Empty, group.Phrases) };
            if (ChoiceMentions.Find(said, phrases).Any(m => !m.Negated))
            {
                return AnswerReading.AskBack(group.Between.Select(id => Answer(q, true, id)));
            }
        }

        return null;
    }

    private AnswerReading ReadMulti(GuidedQuestion q, string said)
    {
        var choices = Choices(q);
        var whole = ChoiceRecognizer.Recognize(said, choices);
        if (whole is { MatchKind: ChoiceMatchKind.Exact or ChoiceMatchKind.Synonym or ChoiceMatchKind.Index })
        {
            return AnswerReading.Of(Answer(q, whole.MatchKind == ChoiceMatchKind.Synonym, q.Choices[whole.Index].Id));
        }

        var mentions = ChoiceMentions.Find(said, choices);
        var named = mentions.Where(m => !m.Negated).Select(m => q.Choices[m.Index].Id).Distinct().ToList();
        if (named.Count > 0)
        {
            var answer = Answer(q, true, [.. named]);
            if (named.Contains("other"))
            {
                answer.Text = Cap(said, Answers.TextMaxCharacters);
            }

            return AnswerReading.Of(answer);
        }

        if (AskBackFor(q, said) is { } group)
        {
            return group;
        }

        // Something no choice covers ("gabapentin") is an answer too, kept as typed for staff — if it is short enough to note.
        var tokens = ChoiceTokens(said);
        if (mentions.Count == 0 && said.Length > Answers.TextMaxCharacters)
        {
            return AnswerReading.TooLong;
        }

        if (mentions.Count == 0 && tokens.Length is > 0 and <= 8 && !tokens.All(NamesNothing.Contains) && !LooksLikeAQuestion(said)
            && YesNoLexicon.Read(said) is YesNoReading.None && q.Choice("other") is not null)
        {
            var other = Answer(q, true, "other");
            other.Text = Cap(said, Answers.TextMaxCharacters);
            return AnswerReading.Of(other);
        }

        return YesNoLexicon.Read(said) == YesNoReading.Unsure ? AnswerReading.Unsure : AnswerReading.NotUnderstood;
    }

    private AnswerReading ReadFrequency(GuidedQuestion q, string said)
    {
        var choices = Choices(q);
        var whole = ChoiceRecognizer.Recognize(said, choices);
        if (whole is { MatchKind: ChoiceMatchKind.Exact or ChoiceMatchKind.Synonym or ChoiceMatchKind.Index or ChoiceMatchKind.Ordinal })
        {
            return AnswerReading.Of(Answer(q, whole.MatchKind == ChoiceMatchKind.Synonym && !IsLabelOf(q, whole.Index, said), q.Choices[whole.Index].Id));
        }

        // "used to be every day, now weekends": what happens now counts.
        foreach (var clause in NowClauses(said).Append(said))
        {
            var reading = FrequencyIn(q, clause);
            if (reading.Kind != ReadingKind.NotUnderstood)
            {
                return reading;
            }
        }

        return YesNoLexicon.Read(said) == YesNoReading.Unsure ? AnswerReading.Unsure : AnswerReading.NotUnderstood;
    }

    private static bool IsLabelOf(GuidedQuestion q, int index, string said) =>
        Content.TextNormalizer.Normalize(q.Choices[index].Label) == Content.TextNormalizer.Normalize(said);

    private AnswerReading FrequencyIn(GuidedQuestion q, string said)
    {
        var positive = new List<int>();
        var negated = new List<int>();
        var counts = FrequencyCounts.Find(said, out var rest);
        foreach (var count in counts)
        {
            var indexes = count.TimesAYear.Select(v => ScaleIndex(q, v)).Where(i => i >= 0).Distinct();
            (count.Negated ? negated : positive).AddRange(indexes);
        }

        // Words a count already read ("twice" in "twice a month") are not read again as a choice.
        foreach (var mention in ChoiceMentions.Find(rest, Choices(q)))
        {
            (mention.Negated ? negated : positive).Add(mention.Index);
        }

        positive = [.. positive.Distinct().Except(negated).Order()];
        if (positive.Count > 0)
        {
            return AnswerReading.AskBack(positive.Select(i => Answer(q, true, q.Choices[i].Id)));
        }

        if (AskBackFor(q, said) is { } group)
        {
            return group;
        }

        if (negated.Count > 0)
        {
            // "not every day": less often than that, but how much less is the person's to say.
            var lowest = negated.Min();
            var below = new[] { lowest - 1, lowest - 2 }.Where(i => i >= 1).ToList();
            return below.Count > 0 ? AnswerReading.AskBack(below.Select(i => Answer(q, true, q.Choices[i].Id))) : AnswerReading.NotUnderstood;
        }

        return AnswerReading.NotUnderstood;
    }

    /// <summary>The highest choice whose <see cref="QuestionChoice.FromTimesAYear"/> the count reaches; -1 for none.</summary>
    private static int ScaleIndex(GuidedQuestion q, double timesAYear)
    {
        var index = -1;
        for (var i = 0; i < q.Choices.Count; i++)
        {
            if (q.Choices[i].FromTimesAYear is { } from && from > 0 && timesAYear >= from)
            {
                index = i;
            }
        }

        return index;
    }

    private static IEnumerable<string> NowClauses(string said)
    {
        var match = NowMarker().Match(said);
        if (!match.Success)
        {
            yield break;
        }

        // The clause that holds the marker: from the last break before it to the next break after it.
        var start = ClauseBreak().Matches(said[..match.Index]).LastOrDefault() is { } b ? b.Index + b.Length : 0;
        var endMatch = ClauseBreak().Match(said, match.Index + match.Length);
        var end = endMatch.Success ? endMatch.Index : said.Length;
        yield return said[start..end];
    }

    private AnswerReading ReadNumber(GuidedQuestion q, string said)
    {
        var words = q.NumberWords.Select(w => new Choice(w.Value.ToString(CultureInfo.InvariantCulture), w.Phrases)).ToList();
        var fromWords = ChoiceMentions.Find(said, words).Where(m => !m.Negated).Select(m => q.NumberWords[m.Index].Value).Distinct().ToList();

        var t = " " + said.ToLowerInvariant() + " ";
        var numbers = new List<int>();
        foreach (Match m in Percent().Matches(t))
        {
            if (q.Max == 10 && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
            {
                numbers.Add((int)Math.Round(percent / 10.0));
            }

            t = t.Replace(m.Value, " ", StringComparison.Ordinal);
        }

        t = OutOf().Replace(t, " ");
        foreach (var result in NumberRecognizer.RecognizeNumber(t, Microsoft.Recognizers.Text.Culture.English))
        {
            if (double.TryParse(Convert.ToString(result.Resolution.GetValueOrDefault("value"), CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value == Math.Floor(value))
            {
                numbers.Add((int)value);
            }
        }

        var inRange = numbers.Where(n => (q.Min is null || n >= q.Min) && (q.Max is null || n <= q.Max)).Distinct().ToList();
        if (inRange.Count == 0)
        {
            inRange = fromWords;
        }

        return inRange.Count switch
        {
            1 => AnswerReading.Of(new QuestionAnswer { QuestionId = q.Id, Number = inRange[0], Interpreted = !int.TryParse(said.Trim(), out _) }),
            >= 2 and <= 4 => AnswerReading.AskBack(inRange.Order().Select(n => new QuestionAnswer { QuestionId = q.Id, Number = n, Interpreted = true })),
            _ => AnswerReading.NotUnderstood,
        };
    }

    private AnswerReading ReadName(GuidedQuestion q, string said)
    {
        var yesNo = YesNoLexicon.Read(said);
        if (yesNo == YesNoReading.No && ChoiceTokens(said).Length <= 3)
        {
            // "no thanks" to an optional question.
            return AnswerReading.Of(QuestionAnswer.Skip(q.Id));
        }

        var name = NameIntroduction().Match(said) is { Success: true } m ? m.Groups["name"].Value : said;
        name = name.Trim().TrimEnd('.', '!', ',');
        if (name.Length > Answers.NameMaxCharacters)
        {
            return AnswerReading.TooLong;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (name.Length == 0 || words.Length > 4 || LooksLikeAQuestion(said) || name.Any(c => char.IsDigit(c) || c is '@' or '?'))
        {
            return AnswerReading.NotUnderstood;
        }

        return AnswerReading.Of(new QuestionAnswer { QuestionId = q.Id, Text = name, Interpreted = name != said });
    }

    private static AnswerReading ReadPhone(GuidedQuestion q, string said)
    {
        var phones = Phones(said);
        return phones.Count switch
        {
            0 => AnswerReading.NotUnderstood,
            1 => AnswerReading.Of(new QuestionAnswer { QuestionId = q.Id, Text = phones[0], Interpreted = true }),
            _ => AnswerReading.AskBack(phones.Select(p => new QuestionAnswer { QuestionId = q.Id, Text = p, Interpreted = true })),
        };
    }

    /// <summary>Every valid phone number in the text, E.164; spelled digits ("five five five…") count.</summary>
    public static List<string> Phones(string said)
    {
        var digits = SpelledDigits().Replace(" " + said.ToLowerInvariant() + " ", m => DigitOf(m.Value.Trim()) + " ");
        var found = new List<string>();
        foreach (Match run in DigitRun().Matches(digits))
        {
            if (PhonePrompt.RecognizePhone(run.Value.Replace(",", " ", StringComparison.Ordinal).Trim()) is { } phone && !found.Contains(phone))
            {
                found.Add(phone);
            }
        }

        return found;
    }

    private static string DigitOf(string word) => word switch
    {
        "zero" or "oh" or "o" => "0", "one" => "1", "two" => "2", "three" => "3", "four" => "4", "five" => "5", "six" => "6",
        "seven" => "7", "eight" => "8", "nine" => "9", _ => word,
    };

    private AnswerReading ReadEmail(GuidedQuestion q, string said)
    {
        var email = EmailPrompt.RecognizeEmail(said) ?? EmailPrompt.RecognizeEmail(SpelledEmail(said));
        return email is null ? AnswerReading.NotUnderstood : AnswerReading.Of(new QuestionAnswer { QuestionId = q.Id, Text = Cap(email, Answers.TextMaxCharacters), Interpreted = true });
    }

    private static string SpelledEmail(string said) =>
        SpelledDot().Replace(SpelledAt().Replace(said, "@"), ".");

    private AnswerReading ReadTime(GuidedQuestion q, string said)
    {
        var best = BestTimeReader.Read(said);
        if (!best.IsEmpty)
        {
            return AnswerReading.Of(new QuestionAnswer { QuestionId = q.Id, Text = best.ToString(), Interpreted = true });
        }

        if (YesNoLexicon.Read(said) == YesNoReading.Unsure)
        {
            return AnswerReading.Unsure;
        }

        if (said.Length > Answers.TextMaxCharacters)
        {
            return AnswerReading.TooLong;
        }

        // Not a time the bot can read ("once the kids are asleep"): a person can, so keep it as typed.
        return LooksLikeAQuestion(said) || ChoiceTokens(said).Length > 12
            ? AnswerReading.NotUnderstood
            : AnswerReading.Of(new QuestionAnswer { QuestionId = q.Id, Text = Cap(said, Answers.TextMaxCharacters) });
    }

    private AnswerReading ReadContactMethod(GuidedQuestion q, string said)
    {
        var phones = Phones(said);
        var email = EmailPrompt.RecognizeEmail(said);
        var choices = Choices(q);
        var whole = ChoiceRecognizer.Recognize(said, choices);
        List<int> named = whole is { MatchKind: not ChoiceMatchKind.Partial }
            ? [whole.Index]
            : [.. ChoiceMentions.Find(said, choices).Where(m => !m.Negated).Select(m => m.Index).Distinct()];
        if (named.Count == 0 && email is not null && q.Choice("email") is not null)
        {
            named.Add(q.Choices.ToList().FindIndex(c => c.Id == "email"));
        }
        else if (named.Count == 0 && phones.Count > 0 && q.Choice("call") is not null)
        {
            named.Add(q.Choices.ToList().FindIndex(c => c.Id == "call"));
        }

        if (named.Count == 0)
        {
            return AskBackFor(q, said) ?? (YesNoLexicon.Read(said) == YesNoReading.Unsure ? AnswerReading.Unsure : AnswerReading.NotUnderstood);
        }

        var candidates = named.Select(i =>
        {
            var answer = Answer(q, whole is null or { MatchKind: ChoiceMatchKind.Partial }, q.Choices[i].Id);
            answer.Text = q.Choices[i].Id == "email" ? email : phones.Count == 1 && q.Choices[i].Id is "call" or "text" ? phones[0] : null;
            return answer;
        });
        return AnswerReading.AskBack(candidates);
    }

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";

    [GeneratedRegex(@"\b(?:(?<early>early|mid|late)[\s-]*)?(?:(?<d>[2-9]0)'?s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Decade();

    [GeneratedRegex(@"\bborn (?:in )?(?:'|’)?(?<y>19\d\d|20[0-2]\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BornIn();

    [GeneratedRegex(@"^\s*(?:x|times|drinks?|kids?|children|sons?|daughters?|days?|weeks?|months?|hours?|am|pm|o'?clock|percent|%|out of|/)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeUnitAfter();

    [GeneratedRegex(@"^\s*(?:years?|yrs?|y/?o|yo)\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearsAfter();

    [GeneratedRegex(@"(?:\bfor|\bsince|\bin the (?:last|past)|\bover the (?:last|past)|\bthe (?:last|past))\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationBefore();

    [GeneratedRegex(@"(?:\bover|\bolder than|\babove|\bpast)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex OverBefore();

    [GeneratedRegex(@"^\s*(?:\+|plus\b|or older\b|and up\b|and over\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PlusAfter();

    [GeneratedRegex(@"(?:\bunder|\byounger than|\bbelow|\balmost|\bnearly|\bturning|\bturns|\bturn|\bnot (?:yet )?|\bnot even)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnderBefore();

    [GeneratedRegex(@"^\s*(?:next|in a few|soon|in (?:a|two|three|\d+) (?:weeks?|months?))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NextAfter();

    [GeneratedRegex(@"\b(?:now|these days|nowadays|lately|currently|at the moment|right now|this year|anymore)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NowMarker();

    [GeneratedRegex(@"[,;.!]|\bbut\b|\bthough\b|\bwhereas\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"(?<n>\d{1,3})\s*(?:%|percent\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?:/|\bout of|\bof|\bde|\bsobre)\s*(?:10|ten|diez)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OutOf();

    [GeneratedRegex(@"^(?:(?:hi|hey|hello|ok|okay|sure|yes|yeah)[,!.]?\s+)?(?:my name is|my name's|name is|names|name's|i am|i'm|im|call me|you can call me|it's|its|it is|this is|just)\s+(?<name>.+)$|^(?<name>.+?)\s+here[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameIntroduction();

    [GeneratedRegex(@"\b(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)\b(?=(?:[\s,.-]+(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\d)\b){6,})|(?<=\b(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\d)[\s,.-]+)\b(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpelledDigits();

    [GeneratedRegex(@"\+?[\d(][\d\s().,+-]{5,}\d", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[.!?;]+\s*|\s+lol\s+|\s+jk\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^(?:no+|nope|nah|actually|i mean|wait|sorry|jk|scratch that|correction|well actually)\b[\s,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Correction();

    [GeneratedRegex(@"\s+(?:at|\[at\]|\(at\))\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledAt();

    [GeneratedRegex(@"\s+(?:dot|\[dot\]|\(dot\))\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledDot();
}

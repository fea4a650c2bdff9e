namespace IopGuideBot.Dialogs.Choices;

/// <summary>How an answer to a yes/no question reads.</summary>
public enum YesNoReading
{
    /// <summary>Neither yes nor no, nor a hedge: not an answer to the question.</summary>
    None,

    Yes,

    No,

    /// <summary>The person doesn't know ("not sure", "maybe", "no idea").</summary>
    Unsure,

    /// <summary>It could be either ("yes and no", "kind of", "no... well yes").</summary>
    Ambiguous,
}

/// <summary>
/// Recognises yes or no in English and Spanish (Recognizers.Text.Choice, which Bot Builder uses, is not available
/// here), also inside sentences: "yes please", "nope never", "no, not really", "he did once" (a statement answers a
/// yes/no question: yes, unless it is negated), "I haven't" (no). Whole words only, accents ignored. A correction
/// ("no wait, actually yes") counts from the correction on. Hedges ("not sure", "maybe", "no sé") read as unsure;
/// "yes and no", "kind of" or a yes and a no together read as ambiguous.
/// </summary>
public static class YesNoLexicon
{
    // Longer phrases are matched first and their words are not read again: "no problem" is a yes, not a no.
    private static readonly string[] YesPhrases =
    [
        "yes", "yeah", "yep", "yup", "yea", "ya", "yah", "yass", "ye", "sure", "ok", "okay", "okey", "okie", "k", "kk", "okk",
        "of course", "definitely", "please", "y", "correct", "right", "absolutely", "alright", "aight", "fine", "totally",
        "for sure", "sure thing", "go ahead", "go for it", "lets do it", "lets do this", "do it", "lets go", "lets start",
        "sounds good", "sounds great", "that works", "works for me", "why not", "no problem", "no worries", "no doubt",
        "i think so", "i guess so", "i believe so", "true", "thats right", "affirmative", "uh huh", "mhm", "mhmm",
        "i would like that", "id like that", "that would be great", "please do", "yes please", "dont mind", "do not mind",
        "not a problem", "dont see why not",
        "si", "claro", "vale", "por supuesto", "de acuerdo", "bueno", "dale", "esta bien",
    ];

    private static readonly string[] NoPhrases =
    [
        "no", "nope", "nah", "naw", "not really", "no thanks", "no thank you", "n", "never", "negative", "not at all",
        "no way", "i dont think so", "i do not think so", "dont think so", "not now", "not today", "not yet", "maybe later",
        "not at the moment", "not at this time", "better not", "id prefer not", "prefer not", "would rather not", "not really no",
        "not for me",
        "later", "another time", "some other time", "ill pass", "i will pass", "no gracias", "nunca", "para nada",
        "of course not", "absolutely not", "definitely not", "not ok", "not okay", "not fine", "rather not", "id rather not",
        "i dont", "i do not", "i havent", "i have not", "i am not", "im not", "dont", "do not", "please dont", "please do not",
    ];

    private static readonly string[] HedgePhrases =
    [
        "not sure", "unsure", "maybe", "perhaps", "dont know", "do not know", "idk", "dunno", "no idea", "no clue",
        "not certain", "hard to say", "cant remember", "dont remember", "cant say", "no se", "no estoy seguro",
        "no estoy segura", "tal vez", "quizas", "quiza", "who knows",
    ];

    private static readonly string[] EitherPhrases =
    [
        "yes and no", "yes or no", "kind of", "kinda", "sort of", "sorta", "somewhat", "more or less", "a little",
        "a bit", "sometimes", "not always", "partly", "mostly", "half", "in a way", "mas o menos", "a veces", "it depends",
        "depends", "depending",
    ];

    // Phrases that contain a yes or no word without meaning one: "right now" is a time, "no matter" a turn of phrase.
    private static readonly string[] NeutralPhrases =
    [
        "right now", "right away", "right after", "right before", "right here", "right there", "right when", "no matter",
        "no one", "sure how",
    ];

    // On a tie in length, hedges and "either" come before a plain yes or no ("not sure" is not "not ..." + "sure").
    private static readonly (string[] Words, YesNoReading Kind)[] AllPhrases =
    [
        .. NeutralPhrases.Select(p => (ChoiceText.Tokens(p), YesNoReading.None))
            .Concat(EitherPhrases.Select(p => (ChoiceText.Tokens(p), YesNoReading.Ambiguous)))
            .Concat(HedgePhrases.Select(p => (ChoiceText.Tokens(p), YesNoReading.Unsure)))
            .Concat(NoPhrases.Select(p => (ChoiceText.Tokens(p), YesNoReading.No)))
            .Concat(YesPhrases.Select(p => (ChoiceText.Tokens(p), YesNoReading.Yes)))
            .OrderByDescending(p => p.Item1.Length),
    ];

    // A correction restarts the reading: "no wait, yes" is a yes.
    private static readonly string[] Corrections = ["actually", "i mean", "wait", "sorry", "scratch that", "correction", "oops"];

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
    {
        "i", "ive", "id", "im", "he", "hes", "she", "shes", "they", "theyve", "theyre", "we", "weve", "were", "it", "its",
        "my", "our", "their", "his", "her", "yo", "el", "ella",
    };

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "have", "had", "has", "did", "do", "does", "was", "were", "am", "is", "are", "been", "went", "got", "get", "gets",
        "can", "could", "will", "would", "used", "tried", "done", "felt", "feel", "feels", "live", "lives", "stay", "stays",
        "see", "saw", "use", "uses", "needed", "need", "needs", "go", "goes", "ive", "hes", "shes", "im", "theyve", "its",
        "quit", "stopped", "detoxed", "relapsed", "completed", "finished", "attended", "hasnt", "havent", "hadnt", "didnt",
        "doesnt", "dont", "wasnt", "werent", "isnt", "arent", "cant", "wont", "wouldnt", "couldnt",
    };

    private static readonly HashSet<string> PastVerbs = new(StringComparer.Ordinal)
    {
        "did", "had", "went", "saw", "got", "tried", "was", "were", "been", "used", "detoxed", "relapsed", "completed",
        "finished", "attended", "stayed", "spent", "lived", "quit", "stopped", "started", "joined", "seen", "done",
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "never", "dont", "didnt", "doesnt", "havent", "hasnt", "hadnt", "wasnt", "werent", "isnt", "arent", "cant",
        "cannot", "couldnt", "wont", "wouldnt", "no", "nothing", "none", "nobody", "nowhere", "neither", "nor", "aint",
    };

    /// <summary>Recognises yes (true), no (false) or neither (null); unsure and ambiguous answers are neither.</summary>
    /// <param name="utterance">The user's answer.</param>
    /// <returns>True, false or null.</returns>
    public static bool? Recognize(string? utterance) => Read(utterance) switch
    {
        YesNoReading.Yes => true,
        YesNoReading.No => false,
        _ => null,
    };

    /// <summary>Reads an answer to a yes/no question.</summary>
    /// <param name="utterance">The user's answer.</param>
    /// <returns>How it reads.</returns>
    public static YesNoReading Read(string? utterance) => Read(utterance, statements: true);

    /// <summary>Reads an answer to a yes/no question or an offer.</summary>
    /// <param name="utterance">The user's answer.</param>
    /// <param name="statements">
    /// Whether a statement answers ("he did once" → yes). True for a question about facts; false for an offer ("Shall we
    /// start?"), where only a word of acceptance or refusal counts — "I'm worried about my brother" accepts nothing.
    /// </param>
    /// <returns>How it reads.</returns>
    public static YesNoReading Read(string? utterance, bool statements)
    {
        var text = ChoiceText.Normalize(utterance);
        if (text.Length == 0)
        {
            return YesNoReading.None;
        }

        // Read from the last correction on, if what follows it answers.
        foreach (var correction in Corrections)
        {
            var at = LastPhraseEnd(text, correction);
            if (at > 0 && at < text.Length && ReadPlain(text[at..].Trim(), statements) is YesNoReading.Yes or YesNoReading.No or YesNoReading.Ambiguous)
            {
                return ReadPlain(text[at..].Trim(), statements);
            }
        }

        return ReadPlain(text, statements);
    }

    private static YesNoReading ReadPlain(string text, bool statements)
    {
        var tokens = ChoiceText.Tokens(text);
        var found = Mark(tokens);
        var either = found[YesNoReading.Ambiguous];
        var hedge = found[YesNoReading.Unsure];
        var no = found[YesNoReading.No];
        var yes = found[YesNoReading.Yes];

        if (either > 0 || (yes > 0 && no > 0))
        {
            return YesNoReading.Ambiguous;
        }

        // "not ok": a yes word under a negation is a no; so are "not (right) now" and a preference against ("rather you didn't").
        if ((yes > 0 && no == 0 && NegatedYes(tokens)) || (yes == 0 && hedge == 0 && (PrefersNot(tokens) || NotNow(tokens))))
        {
            return YesNoReading.No;
        }

        if (yes > 0 || no > 0)
        {
            // "maybe yes", "probably not": a hedge beside a firm word leans that way.
            return yes > 0 ? YesNoReading.Yes : YesNoReading.No;
        }

        if (hedge > 0)
        {
            return YesNoReading.Unsure;
        }

        return statements ? ReadStatement(tokens) : YesNoReading.None;
    }

    private static bool NotNow(string[] tokens)
    {
        var at = Array.IndexOf(tokens, "not");
        return at >= 0 && tokens.Skip(at + 1).SkipWhile(t => t == "right").FirstOrDefault() is "now" or "away" or "today" or "tonight" or "yet";
    }

    private static bool PrefersNot(string[] tokens)
    {
        var at = Array.FindIndex(tokens, t => t is "rather" or "prefer" or "prefered" or "preferred");
        return at >= 0 && tokens.Skip(at + 1).Take(3).Any(Negators.Contains);
    }

    private static bool NegatedYes(string[] tokens)
    {
        for (var i = 1; i < tokens.Length; i++)
        {
            if (tokens[i - 1] is "not" or "never" && YesPhrases.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sentence with a subject and a verb answers a yes/no question: yes, or no when negated.</summary>
    private static YesNoReading ReadStatement(string[] tokens)
    {
        // People often drop the subject: "saw a counselor for a while", "went to rehab".
        var subject = Array.FindIndex(tokens, Subjects.Contains);
        var droppedSubject = tokens.Length > 1 && PastVerbs.Contains(tokens[0]);
        if (!droppedSubject && (subject < 0 || !tokens.Skip(subject).Any(Verbs.Contains)))
        {
            return YesNoReading.None;
        }

        return tokens.Any(Negators.Contains) ? YesNoReading.No : YesNoReading.Yes;
    }

    /// <summary>Counts the phrases of each kind in the answer, longest first across all kinds; a word is read once.</summary>
    private static Dictionary<YesNoReading, int> Mark(string[] tokens)
    {
        var used = new bool[tokens.Length];
        var found = new Dictionary<YesNoReading, int>
        {
            [YesNoReading.Yes] = 0, [YesNoReading.No] = 0, [YesNoReading.Unsure] = 0, [YesNoReading.Ambiguous] = 0, [YesNoReading.None] = 0,
        };
        foreach (var (phrase, kind) in AllPhrases)
        {
            for (var start = 0; start + phrase.Length <= tokens.Length; start++)
            {
                var matches = true;
                for (var i = 0; i < phrase.Length && matches; i++)
                {
                    matches = !used[start + i] && tokens[start + i] == phrase[i];
                }

                if (matches)
                {
                    Array.Fill(used, true, start, phrase.Length);
                    found[kind]++;
                }
            }
        }

        return found;
    }

    private static int LastPhraseEnd(string text, string phrase)
    {
        var index = text.LastIndexOf(phrase, StringComparison.Ordinal);
        while (index >= 0)
        {
            var end = index + phrase.Length;
            if ((index == 0 || text[index - 1] == ' ') && (end == text.Length || text[end] == ' '))
            {
                return end;
            }

            index = index == 0 ? -1 : text.LastIndexOf(phrase, index - 1, StringComparison.Ordinal);
        }

        return -1;
    }
}

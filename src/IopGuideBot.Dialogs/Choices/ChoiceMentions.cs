namespace IopGuideBot.Dialogs.Choices;

/// <summary>One choice named inside a free-text answer.</summary>
/// <param name="Index">The choice's index in the list.</param>
/// <param name="Phrase">The value, title or synonym that matched (normalised).</param>
/// <param name="Start">The first word's position in the answer.</param>
/// <param name="Length">How many words matched.</param>
/// <param name="Negated">Whether a negation governs it ("not alcohol", "I don't drink").</param>
public sealed record ChoiceMention(int Index, string Phrase, int Start, int Length, bool Negated);

/// <summary>
/// Finds every choice a sentence names ("mostly beer, some weed" names alcohol and cannabis), unlike
/// <see cref="ChoiceRecognizer"/>, which finds the one choice an answer picks.
/// </summary>
/// <remarks>
/// Each value, action title and synonym is looked for as whole words, the longest first, and words already matched are
/// not matched again ("not managed" wins over "managed"). Words match exactly, by a light stem ("drinking" ~ "drink",
/// "pills" ~ "pill"), or with one typo in words of five letters or more (two from nine letters); up to two intensifiers
/// may sit between the words of a phrase ("got really confused" ~ "got confused"). A negation word up to
/// three words before a mention, in the same clause, marks it negated; "but", "just", "only", "and" and punctuation-free
/// turns like "now" end the clause, so in "not alcohol, just weed" only alcohol is negated.
/// </remarks>
public static class ChoiceMentions
{
    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt",
        "without", "none", "nor", "neither", "zero", "quit", "stopped", "cant", "wont", "aint", "nunca", "sin",
    };

    // Words that may sit inside a phrase without changing it: "got really confused" says "got confused".
    private static readonly HashSet<string> Intensifiers = new(StringComparer.Ordinal)
    {
        "really", "very", "so", "super", "pretty", "quite", "totally", "extremely", "kinda", "like", "just", "real", "bad",
        "badly", "all", "too", "way",
    };

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal)
    {
        "but", "just", "only", "and", "also", "though", "although", "however", "except", "now", "mostly", "mainly", "plus",
        "then", "instead", "rather", "pero", "solo", "y",
    };

    /// <summary>Finds the choices named in <paramref name="utterance"/>.</summary>
    /// <param name="utterance">The user's answer.</param>
    /// <param name="choices">The choices.</param>
    /// <returns>The mentions in the order they occur.</returns>
    public static IReadOnlyList<ChoiceMention> Find(string? utterance, IList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var tokens = ChoiceText.Tokens(ChoiceText.Normalize(utterance));
        if (tokens.Length == 0)
        {
            return [];
        }

        var phrases = new List<(int Index, string Phrase, string[] Words)>();
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var phrase in Phrases(choices[i]))
            {
                var normalized = ChoiceText.Normalize(phrase);
                if (normalized.Length > 0)
                {
                    phrases.Add((i, normalized, ChoiceText.Tokens(normalized)));
                }
            }
        }

        var used = new bool[tokens.Length];
        var mentions = new List<ChoiceMention>();
        foreach (var (index, phrase, words) in phrases.OrderByDescending(p => p.Words.Length).ThenByDescending(p => p.Phrase.Length))
        {
            for (var start = 0; start + words.Length <= tokens.Length; start++)
            {
                var length = Matches(tokens, used, start, words);
                if (length == 0)
                {
                    continue;
                }

                Array.Fill(used, true, start, length);
                mentions.Add(new ChoiceMention(index, phrase, start, length, IsNegated(tokens, start)));
            }
        }

        return [.. mentions.OrderBy(m => m.Start)];
    }

    /// <summary>Whether two words are the same word, allowing a light stem and a typo in longer words.</summary>
    /// <param name="said">The word in the answer.</param>
    /// <param name="known">The word of the phrase.</param>
    /// <returns>True when they match.</returns>
    public static bool WordMatches(string said, string known)
    {
        ArgumentNullException.ThrowIfNull(said);
        ArgumentNullException.ThrowIfNull(known);
        if (said == known)
        {
            return true;
        }

        if (said.Any(char.IsDigit) || known.Any(char.IsDigit))
        {
            return false;
        }

        if (Stem(said) == Stem(known))
        {
            return true;
        }

        // One typo from five letters ("wieed" for "weed" counts the longer word), two from nine.
        var shorter = Math.Min(said.Length, known.Length);
        var longer = Math.Max(said.Length, known.Length);
        var allowed = shorter >= 9 ? 2 : shorter >= 5 || (shorter >= 4 && longer >= 5) ? 1 : 0;
        return allowed > 0 && Math.Abs(said.Length - known.Length) <= allowed && EditDistance.Compute(said, known, allowed) <= allowed;
    }

    private static IEnumerable<string> Phrases(Choice choice)
    {
        yield return choice.Value;
        if (choice.Action?.Title is { } title)
        {
            yield return title;
        }

        foreach (var synonym in choice.Synonyms ?? [])
        {
            yield return synonym;
        }
    }

    /// <summary>How many words the phrase covers from <paramref name="start"/> (intensifiers between its words included); 0 for no match.</summary>
    private static int Matches(string[] tokens, bool[] used, int start, string[] words)
    {
        var at = start;
        for (var i = 0; i < words.Length; i++)
        {
            // Between the words of a phrase, at most two intensifiers may be passed over.
            var skipped = 0;
            while (i > 0 && at < tokens.Length && skipped < 2 && !used[at] && Intensifiers.Contains(tokens[at]) && !WordMatches(tokens[at], words[i]))
            {
                at++;
                skipped++;
            }

            if (at >= tokens.Length || used[at] || !WordMatches(tokens[at], words[i]))
            {
                return 0;
            }

            at++;
        }

        return at - start;
    }

    private static bool IsNegated(string[] tokens, int start)
    {
        for (var i = start - 1; i >= 0 && i >= start - 3; i--)
        {
            if (ClauseBreaks.Contains(tokens[i]))
            {
                return false;
            }

            if (Negators.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;
    }
}

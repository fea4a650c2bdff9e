using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace IopGuideBot.Dialogs.Choices;

/// <summary>
/// Finds which of a list of choices an answer picks. Usable on its own, outside prompts.
/// </summary>
/// <remarks>
/// Strategies, first hit wins: exact value or action title, then synonym (both case- and accent-insensitive), then the
/// choice's number ("2", "option 2", "two"), then an ordinal ("the second one", "2nd", "last"), then a
/// partial match by word overlap that must score at least <c>minPartialScore</c> and beat every other choice.
/// Numbers and ordinals only count when the rest of the answer is filler ("the", "one", "please"), so
/// "second hand smoke" is not "the second choice".
/// </remarks>
public static class ChoiceRecognizer
{
    /// <summary>The default minimum score of a partial match.</summary>
    public const double DefaultMinPartialScore = 0.5;

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "one", "option", "number", "no", "choice", "answer", "please", "pls", "i", "id", "im", "ill", "want",
        "would", "like", "take", "choose", "pick", "select", "go", "with", "for", "me", "my", "is", "it", "that", "this", "of",
        "to", "and", "or", "just", "ok", "okay", "el", "la", "los", "las", "lo", "un", "una", "uno", "opcion", "numero", "de",
        "por", "favor", "quiero", "me", "mi", "y", "o", "que", "es", "eso",
    };

    /// <summary>Recognises the choice an answer picks.</summary>
    /// <param name="utterance">The user's answer.</param>
    /// <param name="choices">The choices, in display order.</param>
    /// <param name="culture">A Recognizers.Text culture ("en-us", "es-es"); English when null.</param>
    /// <param name="minPartialScore">The least score a partial match needs.</param>
    /// <returns>The picked choice, or null.</returns>
    public static FoundChoice? Recognize(string? utterance, IList<Choice> choices, string? culture = null, double minPartialScore = DefaultMinPartialScore)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = ChoiceText.Normalize(utterance);
        if (text.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        culture ??= Culture.English;
        return MatchWhole(text, choices)
            ?? MatchIndex(text, choices, culture)
            ?? MatchOrdinal(utterance!, text, choices, culture)
            ?? MatchPartial(text, choices, minPartialScore);
    }

    private static FoundChoice? MatchWhole(string text, IList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (ChoiceText.Normalize(choice.Value) == text)
            {
                return Found(choice, i, 1.0, choice.Value, ChoiceMatchKind.Exact);
            }

            if (choice.Action?.Title is { } title && ChoiceText.Normalize(title) == text)
            {
                return Found(choice, i, 1.0, title, ChoiceMatchKind.Exact);
            }
        }

        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var synonym in choices[i].Synonyms ?? [])
            {
                if (ChoiceText.Normalize(synonym) == text)
                {
                    return Found(choices[i], i, 1.0, synonym, ChoiceMatchKind.Synonym);
                }
            }
        }

        return null;
    }

    private static FoundChoice? MatchIndex(string text, IList<Choice> choices, string culture)
    {
        var tokens = ChoiceText.Tokens(text);
        var meaningful = tokens.Where(t => !Filler.Contains(t)).ToArray();
        if (meaningful.Length != 1)
        {
            return null;
        }

        var candidate = meaningful[0];
        if (!int.TryParse(candidate, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // "two": only when the number word is all there is.
            var results = NumberRecognizer.RecognizeNumber(candidate, culture);
            if (results.Count != 1 || results[0].Text.Length != candidate.Length
                || !TryGetInt(results[0].Resolution, "value", out number))
            {
                return null;
            }
        }

        return number >= 1 && number <= choices.Count
            ? Found(choices[number - 1], number - 1, 1.0, candidate, ChoiceMatchKind.Index)
            : null;
    }

    private static FoundChoice? MatchOrdinal(string utterance, string text, IList<Choice> choices, string culture)
    {
        var results = NumberRecognizer.RecognizeOrdinal(utterance, culture);
        if (results.Count != 1)
        {
            return null;
        }

        var ordinal = results[0];
        var rest = ChoiceText.Tokens(text).Except(ChoiceText.Tokens(ChoiceText.Normalize(ordinal.Text)));
        if (rest.Any(t => !Filler.Contains(t)))
        {
            return null;
        }

        int index;
        if (ordinal.Resolution.TryGetValue("relativeTo", out var relativeTo) && relativeTo as string == "end")
        {
            // "last" is offset 0 from the end.
            index = choices.Count - 1 + (TryGetInt(ordinal.Resolution, "offset", out var offset) ? offset : 0);
        }
        else if (TryGetInt(ordinal.Resolution, "value", out var position))
        {
            index = position - 1;
        }
        else
        {
            return null;
        }

        return index >= 0 && index < choices.Count
            ? Found(choices[index], index, 1.0, ordinal.Text, ChoiceMatchKind.Ordinal)
            : null;
    }

    private static FoundChoice? MatchPartial(string text, IList<Choice> choices, double minScore)
    {
        var said = ChoiceText.Tokens(text).Where(t => !Filler.Contains(t)).ToHashSet(StringComparer.Ordinal);
        if (said.Count == 0)
        {
            return null;
        }

        FoundChoice? best = null;
        var bestScore = 0.0;
        var secondScore = 0.0;
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var choiceBest = 0.0;
            string? matched = null;
            foreach (var phrase in Phrases(choice))
            {
                var words = ChoiceText.Tokens(ChoiceText.Normalize(phrase)).Where(t => !Filler.Contains(t)).ToHashSet(StringComparer.Ordinal);
                if (words.Count == 0)
                {
                    continue;
                }

                var overlap = words.Count(said.Contains);

                // Coverage of the choice counts most; coverage of what was said keeps long answers from matching everything.
                var score = (0.7 * overlap / words.Count) + (0.3 * overlap / said.Count);
                if (score > choiceBest)
                {
                    choiceBest = score;
                    matched = phrase;
                }
            }

            if (choiceBest > bestScore)
            {
                secondScore = bestScore;
                bestScore = choiceBest;
                best = Found(choice, i, Math.Round(choiceBest, 3), matched, ChoiceMatchKind.Partial);
            }
            else if (choiceBest > secondScore)
            {
                secondScore = choiceBest;
            }
        }

        // A tie is not confident.
        return bestScore >= minScore && bestScore > secondScore ? best : null;
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

    private static bool TryGetInt(IDictionary<string, object> resolution, string key, out int value)
    {
        value = 0;
        return resolution.TryGetValue(key, out var raw)
            && double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == Math.Floor(number)
            && (value = (int)number) == number;
    }

    private static FoundChoice Found(Choice choice, int index, double score, string? synonym, ChoiceMatchKind kind) =>
        new() { Value = choice.Value, Index = index, Score = score, Synonym = synonym, MatchKind = kind };
}

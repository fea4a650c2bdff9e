using IopGuideBot.Dialogs.Choices;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>What the user asked for instead of answering.</summary>
public enum PromptNavigationKind
{
    /// <summary>Move on without an answer.</summary>
    Skip,

    /// <summary>Return to the question before.</summary>
    Back,
}

/// <summary>
/// The result a prompt ends with when the user asked to skip the question or go back (and the prompt's
/// <see cref="PromptOptions"/> allow it). The next waterfall step checks <c>stepContext.Result is PromptNavigation</c>.
/// </summary>
public sealed class PromptNavigation
{
    private PromptNavigation(PromptNavigationKind kind)
    {
        Kind = kind;
    }

    /// <summary>Gets the result of a skipped question.</summary>
    public static PromptNavigation Skip { get; } = new(PromptNavigationKind.Skip);

    /// <summary>Gets the result of "go back".</summary>
    public static PromptNavigation Back { get; } = new(PromptNavigationKind.Back);

    /// <summary>Gets what the user asked for.</summary>
    public PromptNavigationKind Kind { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{nameof(PromptNavigation)}.{Kind}";
}

/// <summary>
/// The phrases with which people skip a question, go back, or say they don't know (usually from content, so staff can
/// add their own). Matching ignores case, accents and punctuation.
/// </summary>
/// <remarks>
/// Skip and back are commands, so they must be (nearly) the whole message — the phrase plus filler words such as
/// "please", "can we", "this one", "the last question" — or open it ("wait, go back, I meant a text"; "rather not say my
/// age"): "I don't want to go back to rehab" does not navigate. "Not sure" is a reading rather than a command: a message that is only
/// an unsure phrase ("honestly no idea") is unsure at once; one that also says something else is read as an answer
/// first, and counts as unsure only when that fails.
/// </remarks>
public sealed class NavigationPhrases
{
    private static readonly HashSet<string> CommandFiller = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "just", "can", "could", "we", "i", "id", "want", "wanna", "to", "the", "this", "that", "one",
        "question", "last", "previous", "lets", "let", "me", "ok", "okay", "actually", "wait", "hmm", "um", "uh", "sorry", "oh",
        "oops", "so", "then", "you", "it", "a", "an", "now", "go", "ahead", "and", "for", "thanks", "thank", "by",
    };

    private static readonly HashSet<string> UnsureFiller = new(StringComparer.Ordinal)
    {
        "honestly", "really", "tbh", "lol", "sorry", "hmm", "um", "uh", "well", "i", "im", "just", "to", "be", "honest", "so",
        "exactly", "at", "all", "the", "answer", "that", "this", "one", "about", "it", "ok", "okay", "man", "haha", "ugh",
        "yet", "right", "now", "anymore", "tho", "though", "guess", "either", "really", "kinda", "kind", "of",
    };

    private readonly string[] _skip;
    private readonly string[] _back;
    private readonly string[] _unsure;

    /// <summary>Initializes a new instance of the <see cref="NavigationPhrases"/> class.</summary>
    /// <param name="skip">Phrases that skip a question ("skip", "pass", "rather not say").</param>
    /// <param name="back">Phrases that go back ("go back", "change my answer").</param>
    /// <param name="unsure">Phrases that mean the person doesn't know ("not sure", "idk").</param>
    public NavigationPhrases(IEnumerable<string> skip, IEnumerable<string> back, IEnumerable<string> unsure)
    {
        ArgumentNullException.ThrowIfNull(skip);
        ArgumentNullException.ThrowIfNull(back);
        ArgumentNullException.ThrowIfNull(unsure);
        _skip = Prepare(skip);
        _back = Prepare(back);
        _unsure = Prepare(unsure);
    }

    /// <summary>Whether the message is a skip or back command.</summary>
    /// <param name="text">The user's message.</param>
    /// <returns>The command, or null.</returns>
    public PromptNavigationKind? MatchCommand(string? text)
    {
        var normalized = ChoiceText.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        // The longer phrase wins: "skip back" is unlikely, but "go back" must not lose to a skip phrase "go".
        var skip = LongestCommand(normalized, _skip);
        var back = LongestCommand(normalized, _back);
        return (skip, back) switch
        {
            (null, null) => null,
            (not null, null) => PromptNavigationKind.Skip,
            (null, not null) => PromptNavigationKind.Back,
            _ => back!.Length >= skip!.Length ? PromptNavigationKind.Back : PromptNavigationKind.Skip,
        };
    }

    /// <summary>Whether the message says only that the person doesn't know ("idk", "honestly not sure").</summary>
    /// <param name="text">The user's message.</param>
    /// <returns>True when nothing but an unsure phrase and filler remains.</returns>
    public bool IsOnlyUnsure(string? text)
    {
        var normalized = ChoiceText.Normalize(text);
        return normalized.Length > 0 && _unsure.Any(p => ChoiceText.ContainsPhrase(normalized, p) && OnlyFillerRemains(normalized, p, UnsureFiller));
    }

    /// <summary>Whether the message contains an unsure phrase anywhere.</summary>
    /// <param name="text">The user's message.</param>
    /// <returns>True when it does.</returns>
    public bool MentionsUnsure(string? text)
    {
        var normalized = ChoiceText.Normalize(text);
        return normalized.Length > 0 && _unsure.Any(p => ChoiceText.ContainsPhrase(normalized, p));
    }

    private static string[] Prepare(IEnumerable<string> phrases) =>
        [.. phrases.Select(ChoiceText.Normalize).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length)];

    private static string? LongestCommand(string normalized, string[] phrases) =>
        phrases.FirstOrDefault(p => ChoiceText.ContainsPhrase(normalized, p)
            && (OnlyFillerRemains(normalized, p, CommandFiller) || (p.Contains(' ', StringComparison.Ordinal) && OpensTheMessage(normalized, p))));

    /// <summary>Whether only filler words come before the phrase ("ok wait, go back…").</summary>
    private static bool OpensTheMessage(string normalized, string phrase)
    {
        var index = IndexOfPhrase(normalized, phrase);
        return index >= 0 && ChoiceText.Tokens(normalized[..index]).All(t => CommandFiller.Contains(t) && t is not ("i" or "want" or "to" or "me"));
    }

    private static bool OnlyFillerRemains(string normalized, string phrase, HashSet<string> filler)
    {
        var index = IndexOfPhrase(normalized, phrase);
        var rest = normalized.Remove(index, phrase.Length);
        var phraseWords = ChoiceText.Tokens(phrase).ToHashSet(StringComparer.Ordinal);
        return ChoiceText.Tokens(rest).All(t => filler.Contains(t) || phraseWords.Contains(t));
    }

    private static int IndexOfPhrase(string normalized, string phrase)
    {
        var index = 0;
        while ((index = normalized.IndexOf(phrase, index, StringComparison.Ordinal)) >= 0)
        {
            var end = index + phrase.Length;
            if ((index == 0 || normalized[index - 1] == ' ') && (end == normalized.Length || normalized[end] == ' '))
            {
                return index;
            }

            index = end;
        }

        return -1;
    }
}

using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// Finds what a message asks for without the classifier: an exact button label (a click arrives as its label) or a
/// command phrase. One-word phrases must be the whole message ("stop", not "I want to stop using"); longer phrases may
/// appear inside it, and the longest match wins ("am I talking to a real person" is the bot question, not a handoff).
/// </summary>
public sealed class CommandMatcher
{
    private readonly Dictionary<string, ActionRef> _labels = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, Command Command)> _phrases;

    public CommandMatcher(ClinicContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var topic in content.Topics.All)
        {
            _labels[TextNormalizer.Normalize(topic.Label.Value)] = new ActionRef(ActionKind.Topic, topic.Id, topic.Line);
        }

        foreach (var command in content.Commands.All.Values)
        {
            _labels[TextNormalizer.Normalize(content.Render(command.Label.Value))] = new ActionRef(ActionKind.Command, command.Id, command.Line);
        }

        _phrases = content.Commands.All.Values
            .SelectMany(c => c.Phrases.Select(p => (Phrase: TextNormalizer.Normalize(p.Value), Command: c)))
            .Where(p => p.Phrase.Length > 0)
            .OrderByDescending(p => p.Phrase.Length)
            .ToList();
    }

    /// <summary>The button whose label is exactly this text (ignoring case and punctuation).</summary>
    public ActionRef? MatchLabel(string? text) =>
        _labels.TryGetValue(TextNormalizer.Normalize(text), out var action) ? action : null;

    /// <summary>The command this text asks for, if any; <paramref name="globalOnly"/> limits it to commands that work anywhere.</summary>
    public Command? MatchCommand(string? text, bool globalOnly) => FindCommand(text, globalOnly)?.Command;

    /// <summary>
    /// As <see cref="MatchCommand"/>, and whether the phrase is only a small part of a longer message ("can i keep going
    /// to school during the program", "any advice for getting him to talk to someone"): such a message may be a question
    /// that merely contains the phrase (see <see cref="CommandMatch.Embedded"/>).
    /// </summary>
    public CommandMatch? FindCommand(string? text, bool globalOnly)
    {
        var normal = TextNormalizer.Normalize(text);
        if (normal.Length == 0)
        {
            return null;
        }

        if (_labels.TryGetValue(normal, out var label) && label.Kind == ActionKind.Command)
        {
            var command = _phrases.First(p => p.Command.Id == label.Id).Command;
            if (!globalOnly || command.Global)
            {
                return new CommandMatch(command, Embedded: false);
            }
        }

        var padded = $" {normal} ";
        foreach (var (phrase, command) in _phrases)
        {
            if (globalOnly && !command.Global)
            {
                continue;
            }

            var matches = phrase.Contains(' ', StringComparison.Ordinal)
                ? padded.Contains($" {phrase} ", StringComparison.Ordinal)
                : normal == phrase;
            if (matches)
            {
                return new CommandMatch(command, Embedded: WordCount(phrase) * 2 < WordCount(normal));
            }
        }

        return null;
    }

    private static int WordCount(string normal) => normal.Count(c => c == ' ') + 1;
}

/// <summary>
/// A command found in a message. <see cref="Embedded"/>: its phrase is under half the message's words, so the message
/// may be a question that merely contains it; the cascade lets a confident reading of a topic or small talk win over it.
/// </summary>
public sealed record CommandMatch(Command Command, bool Embedded);

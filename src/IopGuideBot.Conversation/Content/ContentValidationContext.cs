namespace IopGuideBot.Conversation.Content;

/// <summary>What a section's validation can see: every section that was read, and shared checks that report file + line.</summary>
public sealed class ContentValidationContext
{
    private readonly List<ContentError> _errors;
    private readonly Dictionary<string, (string File, int Line, string Owner)> _labels = new(StringComparer.Ordinal);

    internal ContentValidationContext(ClinicContent content, List<ContentError> errors)
    {
        Content = content;
        _errors = errors;
    }

    /// <summary>The content being validated; use <see cref="ClinicContent.TryGetSection{T}"/> (a section may be missing after errors).</summary>
    public ClinicContent Content { get; }

    public void Error(string file, int line, string problem) => _errors.Add(new ContentError(file, line, problem));

    /// <summary>Reports unknown <c>{placeholders}</c> and unbalanced braces, on the line where each occurs.</summary>
    public void CheckPlaceholders(string file, Located<string> text)
    {
        foreach (var (offset, problem) in Placeholders.Check(text.Value))
        {
            Error(text.File ?? file, text.LineAt(offset), problem);
        }
    }

    /// <summary>Reports a button that points at a topic or command that does not exist.</summary>
    public void CheckAction(string file, ActionRef action)
    {
        var exists = action.Kind switch
        {
            ActionKind.Topic => Content.TryGetSection<TopicCatalog>(out var topics) && topics.TryGet(action.Id, out _),
            _ => Content.TryGetSection<CommandCatalog>(out var commands) && commands.All.ContainsKey(action.Id),
        };
        if (!exists)
        {
            var where = action.Kind == ActionKind.Topic ? "topics.yaml" : "commands.yaml";
            Error(file, action.Line, $"unknown reference '{action}': there is no such {action.Kind.ToString().ToLowerInvariant()} in {where}");
        }
    }

    /// <summary>A message key that a section relies on (e.g. a safety or triage message) must exist in messages.yaml.</summary>
    public void CheckMessage(string file, int line, string key)
    {
        if (!Content.TryGetSection<MessageCatalog>(out var messages) || !messages.Contains(key))
        {
            Error(file, line, $"unknown reference: there is no message '{key}' in messages.yaml");
        }
    }

    /// <summary>Button labels must be unique: a click arrives as the label's text and must lead to one place.</summary>
    public void CheckLabel(string file, Located<string> label, string owner)
    {
        var key = TextNormalizer.Normalize(label.Value);
        if (_labels.TryGetValue(key, out var first))
        {
            Error(file, label.Line, $"button label '{label.Value}' of {owner} is already used by {first.Owner} ({first.File}:{first.Line})");
            return;
        }

        _labels[key] = (file, label.Line, owner);
    }
}

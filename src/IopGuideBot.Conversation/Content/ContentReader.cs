using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>
/// Reads one YAML file's representation model and records problems with the file name and line number. Every helper
/// returns null / empty on a problem so a section can keep reading and report everything wrong in one pass.
/// </summary>
public sealed class ContentReader
{
    private readonly List<ContentError> _errors;

    internal ContentReader(string file, string directory, List<ContentError> errors)
    {
        File = file;
        Directory = directory;
        _errors = errors;
    }

    /// <summary>File name relative to the content folder, as it appears in error messages.</summary>
    public string File { get; }

    /// <summary>The content folder (for sections that include other files, e.g. Markdown answers).</summary>
    public string Directory { get; }

    public static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    public void Error(int line, string problem) => _errors.Add(new ContentError(File, line, problem));

    public void Error(YamlNode node, string problem) => Error(LineOf(node), problem);

    public YamlMappingNode? AsMapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, $"{what} must be a mapping of keys to values");
        return null;
    }

    public YamlSequenceNode? AsSequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq;
        }

        Error(node, $"{what} must be a list");
        return null;
    }

    public string? AsString(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && scalar.Value is not null)
        {
            return scalar.Value;
        }

        Error(node, $"{what} must be text");
        return null;
    }

    /// <summary>Reports keys that the section does not know (usually typos that would otherwise be silently ignored).</summary>
    public void AllowOnly(YamlMappingNode map, string what, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown key '{name}' in {what} (expected one of: {string.Join(", ", keys)})");
            }
        }
    }

    public YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode? Required(YamlMappingNode map, string key, string what)
    {
        var node = Optional(map, key);
        if (node is null)
        {
            Error(map, $"missing required key '{key}' in {what}");
        }

        return node;
    }

    public Located<string>? RequiredString(YamlMappingNode map, string key, string what)
    {
        var node = Required(map, key, what);
        return node is null ? null : StringAt(node, $"'{key}' in {what}", requireNonEmpty: true);
    }

    public Located<string>? OptionalString(YamlMappingNode map, string key, string what)
    {
        var node = Optional(map, key);
        return node is null ? null : StringAt(node, $"'{key}' in {what}", requireNonEmpty: false);
    }

    public bool? OptionalBool(YamlMappingNode map, string key, string what)
    {
        var node = Optional(map, key);
        if (node is null)
        {
            return null;
        }

        var text = AsString(node, $"'{key}' in {what}");
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(node, $"'{key}' in {what} must be true or false, not '{text}'");
                return null;
        }
    }

    public IReadOnlyList<Located<string>> StringList(YamlMappingNode map, string key, string what, bool required)
    {
        var node = required ? Required(map, key, what) : Optional(map, key);
        if (node is null)
        {
            return [];
        }

        var seq = AsSequence(node, $"'{key}' in {what}");
        if (seq is null)
        {
            return [];
        }

        var items = new List<Located<string>>();
        foreach (var child in seq.Children)
        {
            var value = StringAt(child, $"an item of '{key}' in {what}", requireNonEmpty: true);
            if (value is not null)
            {
                items.Add(value);
            }
        }

        if (required && items.Count == 0 && seq.Children.Count == 0)
        {
            Error(node, $"'{key}' in {what} must not be empty");
        }

        return items;
    }

    private Located<string>? StringAt(YamlNode node, string what, bool requireNonEmpty)
    {
        var text = AsString(node, what);
        if (text is null)
        {
            return null;
        }

        if (requireNonEmpty && string.IsNullOrWhiteSpace(text))
        {
            Error(node, $"{what} must not be empty");
            return null;
        }

        // Block scalars (| and >) start on the line after the indicator; keep that so placeholder errors point at text.
        var scalar = (YamlScalarNode)node;
        var textLine = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded ? LineOf(node) + 1 : LineOf(node);
        return new Located<string>(text, textLine, scalar.Style == ScalarStyle.Literal);
    }
}

/// <summary>A value read from content with the line where it starts (for errors found after reading, e.g. references).</summary>
public sealed record Located<T>(T Value, int Line, bool LinesArePreserved = false)
{
    /// <summary>Set when the value came from another file than its section's (e.g. a Markdown answer).</summary>
    public string? File { get; init; }

    /// <summary>The line of a character offset inside the value (exact for literal block scalars, else the start line).</summary>
    public int LineAt(int offset)
    {
        if (!LinesArePreserved || Value is not string text)
        {
            return Line;
        }

        var line = Line;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    public override string ToString() => Value?.ToString() ?? "";
}

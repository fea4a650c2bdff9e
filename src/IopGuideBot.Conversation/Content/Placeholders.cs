using System.Text;
using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Content;

/// <summary>
/// <c>{clinic.phone}</c>-style placeholders in content text. <c>{{</c> and <c>}}</c> write literal braces.
/// </summary>
public static partial class Placeholders
{
    /// <summary>
    /// Every placeholder content may use: the clinic's details from <c>clinic.yaml</c>, and how long answers are kept
    /// (<c>retention_days</c> in <c>triage.yaml</c>), so each fact is written once.
    /// </summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "clinic.name", "clinic.phone", "clinic.address", "clinic.website", "clinic.email",
        "clinic.hours", "clinic.time_zone", "clinic.cost", "clinic.telehealth", RetentionDays,
    ];

    public const string RetentionDays = "triage.retention_days";

    /// <summary>Finds problems in a text: unknown names and unbalanced braces, with the character offset of each.</summary>
    public static IEnumerable<(int Offset, string Problem)> Check(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i += 2;
                continue;
            }

            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                i += 2;
                continue;
            }

            if (c == '}')
            {
                yield return (i, "stray '}' (write '}}' for a literal brace)");
                i++;
                continue;
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            var end = text.IndexOfAny(['}', '{', '\n'], i + 1);
            if (end < 0 || text[end] != '}')
            {
                yield return (i, "unclosed placeholder '{' (write '{{' for a literal brace)");
                i++;
                continue;
            }

            var name = text[(i + 1)..end].Trim();
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                yield return (i, $"unknown placeholder '{{{name}}}' (known: {string.Join(", ", Known.Select(k => "{" + k + "}"))})");
            }

            i = end + 1;
        }
    }

    /// <summary>Substitutes placeholders. Unknown names are left as they are (validation has already reported them).</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> values)
    {
        if (text.IndexOfAny(['{', '}']) < 0)
        {
            return text;
        }

        return PlaceholderPattern().Replace(text, m => m.Value switch
        {
            "{{" => "{",
            "}}" => "}",
            _ => values.TryGetValue(m.Groups["name"].Value.Trim(), out var value) ? value : m.Value,
        });
    }

    [GeneratedRegex(@"\{\{|\}\}|\{(?<name>[^{}\n]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}

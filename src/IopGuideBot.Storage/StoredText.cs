using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IopGuideBot.Storage;

/// <summary>
/// What people typed, made bounded and inert before it is stored for staff: control characters (NUL, escape
/// sequences, CR), invisible formatting (bidirectional overrides, zero-width characters), noncharacters and broken
/// surrogates are removed; line breaks and tabs stay; each field is cut to a length staff can read. The text is
/// otherwise kept as typed — <c>&lt;img onerror=…&gt;</c> stays those characters — because encoding belongs to
/// whatever renders it (HTML, a CSV export, a log), each in its own way.
/// </summary>
public static class StoredText
{
    public const int MaxName = 100;
    public const int MaxPhone = 40;
    public const int MaxEmail = 254;
    public const int MaxShortAnswer = 200;
    public const int MaxAnswer = 1000;
    public const int MaxSummary = 4000;
    public const int MaxNotes = 8000;
    public const int MaxRiskFlags = 50;

    /// <summary>Cleans <paramref name="text"/> and cuts it to <paramref name="maxLength"/> UTF-16 units (never mid-character).</summary>
    public static string? Bound(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length && clean.Length < maxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (clean.Length + 2 > maxLength)
                    {
                        break;
                    }

                    clean.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue; // CR LF → LF
                }

                c = '\n';
            }

            if (c is '\n' or '\t' || !IsUnsafe(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Bounds every string value inside a JSON document (answers by question id), keeping its shape.</summary>
    public static string? BoundJsonStrings(string? json, int maxStringLength)
    {
        if (json is null)
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return Bound(json, maxStringLength * 4);
        }

        return Walk(root, maxStringLength)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Walk(JsonNode? node, int max)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    obj[name] = Walk(child?.DeepClone(), max);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Walk(array[i]?.DeepClone(), max);
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(Bound(value.GetValue<string>(), max));
            default:
                return node;
        }
    }

    private static bool IsUnsafe(char c) =>
        c is '\uFFFE' or '\uFFFF'
        || char.IsLowSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}

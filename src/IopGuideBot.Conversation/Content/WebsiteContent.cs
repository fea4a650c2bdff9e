using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>A link on the chat page (the crisis line): where it goes and what it says.</summary>
public sealed record WebsiteLink(string Label, string Href);

/// <summary>
/// <c>website.yaml</c>: the words around the chat window on the clinic's website (page title, heading, crisis line,
/// buttons) and its accent colour. Texts may use <c>{clinic.*}</c> placeholders; read them through
/// <see cref="ClinicContent.Render"/>.
/// </summary>
public sealed class WebsiteContent
{
    /// <summary>Every text key of the file, in the order the page uses them.</summary>
    public static IReadOnlyList<string> TextKeys { get; } =
    [
        "page_title", "heading", "intro", "call_clinic", "chat_label", "send_box_placeholder", "end_chat", "chat_ended",
        "new_chat", "connection_failed", "open_chat", "close_chat",
    ];

    public required IReadOnlyDictionary<string, Located<string>> Texts { get; init; }

    public required Located<string> CrisisText { get; init; }

    public required IReadOnlyList<WebsiteLink> CrisisLinks { get; init; }

    /// <summary>"#RRGGBB".</summary>
    public required string AccentColor { get; init; }

    public string this[string key] => Texts.TryGetValue(key, out var text)
        ? text.Value.Trim()
        : throw new KeyNotFoundException($"No text '{key}' in website.yaml.");

    /// <summary>WCAG 2.x contrast ratio between two "#RRGGBB" colours (1 to 21).</summary>
    public static double ContrastRatio(string first, string second)
    {
        var (a, b) = (RelativeLuminance(first), RelativeLuminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double RelativeLuminance(string color)
    {
        double Channel(int offset)
        {
            var value = int.Parse(color.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}

public sealed class WebsiteSection : ContentSection<WebsiteContent>
{
    /// <summary>Text on the accent colour is white, so the colour must reach WCAG AA for normal text against it.</summary>
    public const double MinimumAccentContrast = 4.5;

    private static readonly string[] LinkSchemes = ["tel:", "sms:", "https:"];

    public override string FileName => "website.yaml";

    protected override WebsiteContent? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, FileName);
        if (map is null)
        {
            return null;
        }

        const string what = "the website chat page";
        reader.AllowOnly(map, what, [.. WebsiteContent.TextKeys, "crisis", "accent_color"]);
        var texts = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var key in WebsiteContent.TextKeys)
        {
            if (reader.RequiredString(map, key, what) is { } text)
            {
                texts[key] = text;
            }
        }

        var (crisisText, links) = ReadCrisis(map, reader);
        var accent = reader.RequiredString(map, "accent_color", what);
        if (accent is not null && !IsHexColor(accent.Value))
        {
            reader.Error(accent.Line, $"accent_color '{accent.Value}' must be a colour written as #RRGGBB");
            accent = null;
        }
        else if (accent is not null && WebsiteContent.ContrastRatio(accent.Value, "#FFFFFF") < MinimumAccentContrast)
        {
            reader.Error(accent.Line, string.Create(CultureInfo.InvariantCulture,
                $"accent_color '{accent.Value}' is too light: white text on it has a contrast of {WebsiteContent.ContrastRatio(accent.Value, "#FFFFFF"):0.0}:1, and at least {MinimumAccentContrast}:1 is needed (WCAG AA)"));
            accent = null;
        }

        if (texts.Count != WebsiteContent.TextKeys.Count || crisisText is null || links is null || accent is null)
        {
            return null;
        }

        return new WebsiteContent { Texts = texts, CrisisText = crisisText, CrisisLinks = links, AccentColor = accent.Value.ToUpperInvariant() };
    }

    protected override void Validate(WebsiteContent model, ContentValidationContext context)
    {
        foreach (var text in model.Texts.Values)
        {
            context.CheckPlaceholders(FileName, text);
        }

        context.CheckPlaceholders(FileName, model.CrisisText);
    }

    private (Located<string>? Text, IReadOnlyList<WebsiteLink>? Links) ReadCrisis(YamlMappingNode map, ContentReader reader)
    {
        var node = reader.Required(map, "crisis", "the website chat page");
        var crisis = node is null ? null : reader.AsMapping(node, "'crisis'");
        if (crisis is null)
        {
            return (null, null);
        }

        reader.AllowOnly(crisis, "'crisis'", "text", "links");
        var text = reader.RequiredString(crisis, "text", "'crisis'");
        var linksNode = reader.Required(crisis, "links", "'crisis'");
        var sequence = linksNode is null ? null : reader.AsSequence(linksNode, "'crisis.links'");
        if (sequence is null)
        {
            return (text, null);
        }

        var links = new List<WebsiteLink>();
        foreach (var item in sequence)
        {
            var link = reader.AsMapping(item, "a crisis link");
            if (link is null)
            {
                continue;
            }

            reader.AllowOnly(link, "a crisis link", "label", "href");
            var label = reader.RequiredString(link, "label", "a crisis link");
            var href = reader.RequiredString(link, "href", "a crisis link");
            if (href is not null && !LinkSchemes.Any(scheme => href.Value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)))
            {
                reader.Error(href.Line, $"link '{href.Value}' must start with {string.Join(", ", LinkSchemes)}");
                continue;
            }

            if (label is not null && href is not null)
            {
                links.Add(new WebsiteLink(label.Value.Trim(), href.Value.Trim()));
            }
        }

        if (links.Count == 0)
        {
            reader.Error(ContentReader.LineOf(sequence), "the crisis line needs at least one link (for example tel:911)");
            return (text, null);
        }

        return (text, links);
    }

    private static bool IsHexColor(string value) =>
        value.Length == 7 && value[0] == '#' && value.AsSpan(1).ContainsAnyExcept("0123456789abcdefABCDEF") is false;
}

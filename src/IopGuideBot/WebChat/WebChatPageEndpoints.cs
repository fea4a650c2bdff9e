using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IopGuideBot.Conversation.Content;
using IopGuideBot.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IopGuideBot.WebChat;

/// <summary>
/// The clinic's website chat: the page at <c>/</c> (Microsoft's Web Chat, served from this service, on its Direct Line
/// endpoint), its script and style, and <c>/embed.js</c>, the corner widget other sites paste in. Wording and colour
/// come from <c>website.yaml</c> and <c>clinic.yaml</c>. Nothing is loaded from elsewhere at run time, and the
/// Content-Security-Policy says so.
/// </summary>
public static class WebChatPageEndpoints
{
    /// <summary>Versioned path of the vendored bundle, so browsers may cache it for good.</summary>
    public const string BundlePath = "/webchat/botframework-webchat-" + WebChatAssets.BundleVersion + ".js";

    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", Page).WithName("WebChatPage");
        endpoints.MapGet("/embed.js", EmbedScript).WithName("WebChatEmbedScript");
        endpoints.MapGet("/webchat/chat.js", (HttpContext http) => Static(http, WebChatAssets.ChatScript, "text/javascript; charset=utf-8", immutable: false));
        endpoints.MapGet("/webchat/chat.css", (HttpContext http) => Static(http, WebChatAssets.ChatStyle, "text/css; charset=utf-8", immutable: false));
        endpoints.MapGet(BundlePath, (HttpContext http) => Static(http, WebChatAssets.Bundle, "text/javascript; charset=utf-8", immutable: true));
        return endpoints;
    }

    private static IResult Page(HttpContext http, ClinicContent content, IOptions<DirectLineOptions> options, string? embed)
    {
        var website = content.Section<WebsiteContent>();
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var embedded = embed is "1" or "true";
        string Text(string key) => content.Render(website[key]);

        var config = new
        {
            directLinePath = DirectLineEndpoints.Prefix,
            tokenUrl = DirectLineEndpoints.PageTokenRoute,
            locale = "en-US",
            nonce,
            embedded,
            transport = http.Request.Query["transport"] == "polling" ? "polling" : "websocket",
            strings = new
            {
                sendBoxPlaceholder = Text("send_box_placeholder"),
                chatEnded = Text("chat_ended"),
                connectionFailed = Text("connection_failed"),
            },
            styleOptions = StyleOptions(website.AccentColor),
        };

        var html = HtmlEncoder.Default;
        var crisisLinks = string.Join(" ", website.CrisisLinks.Select(link =>
            $"<a href=\"{html.Encode(link.Href)}\">{html.Encode(content.Render(link.Label))}</a>"));
        var page = new StringBuilder(WebChatAssets.PageTemplate)
            .Replace("{{nonce}}", nonce)
            .Replace("{{accent_color}}", website.AccentColor)
            .Replace("{{webchat_bundle}}", BundlePath)
            .Replace("{{body_class}}", embedded ? "embedded" : "standalone")
            .Replace("{{config_json}}", JsonSerializer.Serialize(config)) // escapes <, > and & so it cannot end the script block
            .Replace("{{clinic_phone_digits}}", html.Encode(PhoneDigits(content.Clinic.Phone)))
            .Replace("{{crisis_text}}", html.Encode(content.Render(website.CrisisText.Value.Trim())))
            .Replace("{{crisis_links}}", crisisLinks);
        foreach (var key in WebsiteContent.TextKeys)
        {
            page.Replace("{{" + key + "}}", html.Encode(Text(key)));
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(http.Request, nonce, options.Value.AllowedOrigins);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers.CacheControl = "no-store";
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    private static IResult EmbedScript(HttpContext http, ClinicContent content)
    {
        var website = content.Section<WebsiteContent>();
        var config = new
        {
            openChat = content.Render(website["open_chat"]),
            closeChat = content.Render(website["close_chat"]),
            title = content.Render(website["chat_label"]),
            accentColor = website.AccentColor,
            fallbackUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/embed.js",
        };
        var script = WebChatAssets.EmbedTemplate.Replace("/*CONFIG*/{}", JsonSerializer.Serialize(config), StringComparison.Ordinal);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return Results.Content(script, "text/javascript; charset=utf-8");
    }

    /// <summary>Web Chat's look: the clinic's colour, all suggested actions visible and wrapping, no upload button.</summary>
    private static Dictionary<string, object> StyleOptions(string accent) => new()
    {
        ["accent"] = accent,
        ["bubbleFromUserBackground"] = accent,
        ["bubbleFromUserBorderColor"] = accent,
        ["bubbleFromUserTextColor"] = "#FFFFFF",
        ["suggestedActionBorderColor"] = accent,
        ["suggestedActionTextColor"] = accent,
        ["suggestedActionLayout"] = "flow",
        ["suggestedActionsStackedLayoutButtonTextWrap"] = true,
        ["sendBoxTextWrap"] = true,
        ["hideUploadButton"] = true,
        ["primaryFont"] = "'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, sans-serif",
        ["fontSizeSmall"] = "80%",
    };

    /// <summary>
    /// Scripts, styles, images and connections from this service only (plus its own WebSocket stream); Web Chat's
    /// injected styles carry the per-request nonce. Framing only by this service and the configured clinic sites.
    /// </summary>
    internal static string ContentSecurityPolicy(HttpRequest request, string nonce, IEnumerable<string> allowedOrigins)
    {
        var stream = $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}";
        var ancestors = string.Join(" ", new[] { "'self'" }.Concat(allowedOrigins));
        return string.Join("; ",
            "default-src 'none'",
            "script-src 'self'",
            // Part of Web Chat adds an empty <style> element without the nonce and fills it through the CSSOM (which CSP
            // does not govern); the hash allows exactly an empty one (it is SHA-256 of the empty string).
            $"style-src 'self' 'nonce-{nonce}' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob:",
            $"connect-src 'self' {stream}",
            $"frame-ancestors {ancestors}",
            "base-uri 'none'",
            "form-action 'none'");
    }

    private static string PhoneDigits(string phone) =>
        string.Concat(phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)));

    private static IResult Static(HttpContext http, WebChatAssets.Asset asset, string contentType, bool immutable)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.Bytes(asset.Bytes, contentType, entityTag: asset.ETag);
    }
}

/// <summary>The page's files, embedded in this assembly (so every way of running the service has them), read once.</summary>
public static class WebChatAssets
{
    /// <summary>The botframework-webchat release vendored under <c>WebChat/vendor/</c>.</summary>
    public const string BundleVersion = "4.18.1";

    public sealed record Asset(byte[] Bytes, EntityTagHeaderValue ETag);

    private static readonly Lazy<Asset> BundleAsset = new(() => Load($"WebChat/vendor/botframework-webchat-{BundleVersion}/webchat.js"));
    private static readonly Lazy<Asset> ChatScriptAsset = new(() => Load("WebChat/Assets/chat.js"));
    private static readonly Lazy<Asset> ChatStyleAsset = new(() => Load("WebChat/Assets/chat.css"));
    private static readonly Lazy<string> PageTemplateText = new(() => Encoding.UTF8.GetString(Load("WebChat/Assets/index.html").Bytes));
    private static readonly Lazy<string> EmbedTemplateText = new(() => Encoding.UTF8.GetString(Load("WebChat/Assets/embed.js").Bytes));

    public static Asset Bundle => BundleAsset.Value;

    public static Asset ChatScript => ChatScriptAsset.Value;

    public static Asset ChatStyle => ChatStyleAsset.Value;

    public static string PageTemplate => PageTemplateText.Value;

    public static string EmbedTemplate => EmbedTemplateText.Value;

    private static Asset Load(string name)
    {
        using var stream = typeof(WebChatAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The web chat asset '{name}' is not embedded in the service.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var hash = Convert.ToHexString(SHA256.HashData(bytes), 0, 16).ToLower(CultureInfo.InvariantCulture);
        return new Asset(bytes, new EntityTagHeaderValue($"\"{hash}\""));
    }
}

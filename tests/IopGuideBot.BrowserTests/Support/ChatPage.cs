using System.Collections.Concurrent;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.BrowserTests.Support;

/// <summary>
/// A browser tab on the chat. Besides the page it keeps what crossed the wire (every activity set the page received by
/// stream or poll), so a test can tell which content the bot sent (<c>channelData.contentId</c>) without reading its
/// English, and then check what the person sees.
/// </summary>
public sealed class ChatPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<JObject> _received = new();
    private readonly ConcurrentQueue<string> _problems = new();

    public ChatPage(ChatSite site, IBrowserContext context, IPage page)
    {
        Site = site;
        Context = context;
        Page = page;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => Record(frame.Text);
        page.Response += async (_, response) =>
        {
            if (response.Request.Method == "GET" && response.Url.Contains("/activities", StringComparison.Ordinal) && response.Ok)
            {
                Record(await response.TextAsync());
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Type == "error")
            {
                _problems.Enqueue($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue("page error: " + error);
        page.Request += (_, request) =>
        {
            var origin = new Uri(request.Url).GetLeftPart(UriPartial.Authority);
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && origin != site.ChatOrigin && !site.HostPageUrl.StartsWith(origin, StringComparison.Ordinal))
            {
                _problems.Enqueue("request to another origin: " + request.Url);
            }
        };
    }

    public ChatSite Site { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console errors (CSP violations among them), script errors and requests to third parties, in order.</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public IReadOnlyList<JObject> Received => [.. _received];

    public Task GotoAsync(string url) => Page.GotoAsync(url);

    public static string? ContentIdOf(JObject activity) => activity["channelData"]?["contentId"]?.Value<string>();

    public static bool IsBotMessage(JObject activity) =>
        activity.Value<string>("type") == "message" && activity["from"]?.Value<string>("role") == "bot";

    /// <summary>Waits until an activity the page received matches; fails with what did arrive.</summary>
    public async Task<JObject> WaitForActivityAsync(Func<JObject, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _received.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The page never received {what}. It received: {string.Join(", ", _received.Select(a => $"{a.Value<string>("type")}:{ContentIdOf(a) ?? a.Value<string>("name")}"))}. Problems: {string.Join(" | ", _problems)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The bot's answer to the user's message with this text (the user's echo, then a reply to its id).</summary>
    public async Task<JObject> WaitForAnswerToAsync(string userText, TimeSpan? timeout = null)
    {
        var echo = await WaitForActivityAsync(
            a => a.Value<string>("type") == "message" && a["from"]?.Value<string>("role") == "user" && a.Value<string>("text") == userText,
            "the echo of the user's message", timeout);
        var id = echo.Value<string>("id");
        return await WaitForActivityAsync(a => IsBotMessage(a) && a.Value<string>("replyToId") == id, "the bot's answer", timeout);
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserEnvironment.ArtifactsDirectory, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private void Record(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        try
        {
            if (JObject.Parse(text)["activities"] is JArray activities)
            {
                foreach (var activity in activities.OfType<JObject>())
                {
                    _received.Enqueue(activity);
                }
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
            _problems.Enqueue("unreadable activity set on the wire");
        }
    }
}

/// <summary>What a person sees of Web Chat, inside the page or inside the embed widget's frame.</summary>
public sealed class WebChatView(ILocator root)
{
    public ILocator Root { get; } = root;

    public ILocator BotBubbles => Root.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");

    public ILocator UserBubbles => Root.Locator(".webchat__bubble--from-user");

    public ILocator SuggestedActions => Root.Locator("button.webchat__suggested-action");

    public ILocator SendBox => Root.Locator("[data-id='webchat-sendbox-input']");

    public ILocator SendButton => Root.Locator("button.webchat__send-button");

    public ILocator Transcript => Root.Locator(".webchat__basic-transcript__transcript");

    public ILocator Activities => Root.Locator(".webchat__basic-transcript__activity");

    /// <summary>Sending shows as a status under the message; a failed send shows a retry button there.</summary>
    public ILocator SendingOrFailed => Root.Locator(".webchat__activity-status--sending, .webchat__activity-status button");

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await Task.Delay(50);
        }
    }
}

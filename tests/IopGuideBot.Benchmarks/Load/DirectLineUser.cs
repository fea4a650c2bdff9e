using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IopGuideBot.Benchmarks.Load;

/// <summary>
/// One person on the website chat, as Web Chat drives the Direct Line 3.0 endpoint: a conversation started with the
/// server secret, then turns. A turn is <c>POST …/activities</c> followed by <c>GET …/activities?watermark=</c>, and it
/// counts as answered when that GET returns the bot's reply. (The service acknowledges the POST only after the turn has
/// run and its activity, replies and state are committed, so the GET right after it always finds the reply; the GET is
/// what a polling client does, and it tells the next turn which buttons the bot offered.)
/// </summary>
/// <param name="turnsPerConversation">After this many turns the person leaves and a new one opens the chat (a new Direct
/// Line conversation, counted as a turn of its own kind); 0 keeps one conversation going for the whole run.</param>
internal sealed class DirectLineUser(HttpClient http, Uri service, string secret, int seed, int turnsPerConversation = 0)
{
    public const string Click = "button";
    public const string Questionnaire = "questionnaire";
    public const string FreeText = "free-text";
    public const string NewConversation = "new-conversation";

    // Questions people type: some the fast classifier is sure of, some that need the semantic model, some small talk.
    private static readonly string[] Questions =
    [
        "how long is the program",
        "how many hours a week is it",
        "does insurance cover this",
        "what happens in group therapy",
        "can i keep working while i do this",
        "my stepdaughter keeps refusing every kind of help we offer her",
        "i'm worried my husband drinks every night and hides it",
        "is it confidential, will my employer find out",
        "what's the difference between this and rehab",
        "do you have evening sessions",
        "thanks",
        "what do family members do in the program",
    ];

    // Buttons that would hand the person to staff or ask for contact details: not part of a load test.
    private static readonly string[] Avoided = ["person", "call", "specialist", "contact", "reach"];

    private readonly Random _random = new(seed);
    private string _conversationId = "";
    private string _userId = "";
    private AuthenticationHeaderValue? _token;
    private long _watermark;
    private string[] _actions = [];
    private int _questionnaireClicks = -1;
    private int _turns;

    public string ConversationId => _conversationId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service, "v3/directline/conversations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        _conversationId = json.RootElement.GetProperty("conversationId").GetString()!;
        _token = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("token").GetString());
        _userId = "dl_load" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _watermark = 0;
        _actions = [];
        _questionnaireClicks = -1;
        _turns = 0;
    }

    /// <summary>The next turn of a realistic conversation; <paramref name="freeTextShare"/> of turns are typed questions.</summary>
    public async Task<(string Kind, bool Ok)> NextTurnAsync(double freeTextShare, CancellationToken cancellationToken)
    {
        if (turnsPerConversation > 0 && _turns >= turnsPerConversation)
        {
            await StartAsync(cancellationToken);
            return (NewConversation, true);
        }

        var (kind, text) = Choose(freeTextShare);
        return await TurnAsync(kind, text, cancellationToken);
    }

    private (string Kind, string Text) Choose(double freeTextShare)
    {
        _turns++;
        if (_turns > 1 && _random.NextDouble() < freeTextShare)
        {
            return (FreeText, Questions[_random.Next(Questions.Length)]);
        }

        var usable = _actions.Where(a => !Avoided.Any(w => a.Contains(w, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (_questionnaireClicks >= 0)
        {
            if (usable.Length == 0 || _questionnaireClicks >= 14)
            {
                _questionnaireClicks = -1;
                return (Click, "menu");
            }

            _questionnaireClicks++;
            return (Questionnaire, usable[_random.Next(usable.Length)]);
        }

        if (usable.Length == 0)
        {
            return (Click, "menu");
        }

        // From the menu, half the people take the questionnaire.
        var pick = usable.FirstOrDefault(a => a.StartsWith("Is an IOP right", StringComparison.Ordinal) || a.StartsWith("Start the questions", StringComparison.Ordinal));
        if (pick is not null && _random.NextDouble() < 0.5)
        {
            _questionnaireClicks = 0;
            return (Click, pick);
        }

        return (Click, usable[_random.Next(usable.Length)]);
    }

    public async Task<(string Kind, bool Ok)> TurnAsync(string kind, string text, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "message",
            from = new { id = _userId },
            text,
            locale = "en-US",
            channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
        });
        using (var post = new HttpRequestMessage(HttpMethod.Post, new Uri(service, $"v3/directline/conversations/{_conversationId}/activities")))
        {
            post.Headers.Authorization = _token;
            post.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var posted = await http.SendAsync(post, cancellationToken);
            if (!posted.IsSuccessStatusCode)
            {
                return (kind + ":http" + (int)posted.StatusCode, false);
            }
        }

        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(service,
            $"v3/directline/conversations/{_conversationId}/activities?watermark={_watermark}"));
        get.Headers.Authorization = _token;
        using var response = await http.SendAsync(get, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (kind + ":http" + (int)response.StatusCode, false);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        _watermark = long.Parse(json.RootElement.GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var replied = false;
        string[]? actions = null;
        foreach (var activity in json.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (activity.GetProperty("type").GetString() != "message"
                || !activity.TryGetProperty("from", out var from) || !from.TryGetProperty("role", out var role) || role.GetString() != "bot")
            {
                continue;
            }

            replied = true;
            if (activity.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var list))
            {
                actions = [.. list.EnumerateArray().Select(a => a.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : a.GetProperty("title").GetString()!)];
            }
        }

        _actions = actions ?? [];
        return replied ? (kind, true) : (kind + ":no-reply", false);
    }
}

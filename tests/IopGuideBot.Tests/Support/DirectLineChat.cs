using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using IopGuideBot.Conversation;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// The client side of the Direct Line 3.0 protocol as DirectLineJS (inside Web Chat) speaks it: a token from the page's
/// token endpoint, a started conversation, activities posted one at a time with a <c>channelData.clientActivityID</c>, and
/// the log read back by watermark or stream.
/// </summary>
public sealed class DirectLineChat
{
    public const string Prefix = "/v3/directline";

    private readonly HttpClient _client;

    private DirectLineChat(HttpClient client, string conversationId, string token, string streamUrl)
    {
        _client = client;
        ConversationId = conversationId;
        Token = token;
        StreamUrl = streamUrl;
    }

    public string ConversationId { get; }

    /// <summary>The same conversation and token, talking to another instance of the service.</summary>
    public DirectLineChat On(HttpClient other) => new(other, ConversationId, Token, StreamUrl);

    public string Token { get; private set; }

    public string StreamUrl { get; }

    /// <summary>The user id the token carries (its <c>user</c> claim, as Web Chat reads it).</summary>
    public string UserId => ClaimsOf(Token).Value<string>("user")!;

    public static JObject ClaimsOf(string token) => JObject.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1])));

    public static async Task<JObject> IssuePageTokenAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A token from the page's endpoint, then <c>POST /conversations</c> with it, as Web Chat does on a first visit.</summary>
    public static async Task<DirectLineChat> StartAsync(HttpClient client)
    {
        var issued = await IssuePageTokenAsync(client);
        using var response = await client.SendAsync(Request(HttpMethod.Post, Prefix + "/conversations", issued.Value<string>("token")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conversation = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new DirectLineChat(client, conversation.Value<string>("conversationId")!, conversation.Value<string>("token")!, conversation.Value<string>("streamUrl")!);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        }

        return request;
    }

    public string ActivitiesPath => $"{Prefix}/conversations/{ConversationId}/activities";

    /// <summary>Posts an activity as sent; returns the response (the caller checks it).</summary>
    public Task<HttpResponseMessage> PostRawAsync(object activity, string? token = null) =>
        _client.SendAsync(Request(HttpMethod.Post, ActivitiesPath, token ?? Token, activity));

    /// <summary>Posts and returns the id the service gave the activity.</summary>
    public async Task<string> PostAsync(JObject activity)
    {
        using var response = await PostRawAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST activities answered {(int)response.StatusCode}: {body}");
        return JObject.Parse(body).Value<string>("id")!;
    }

    public static JObject Message(string text, string? clientActivityId = null) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["locale"] = "en-US",
        ["from"] = new JObject { ["id"] = "r_chosen-by-client", ["role"] = "user" },
        ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
    };

    public static JObject Join(string? clientActivityId = null) => new()
    {
        ["type"] = "event",
        ["name"] = ClinicBot.WebChatJoinEvent,
        ["value"] = new JObject { ["language"] = "en-US" },
        ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
    };

    public Task<string> SayAsync(string text) => PostAsync(Message(text));

    /// <summary>One <c>GET …/activities?watermark=</c>.</summary>
    public async Task<(IReadOnlyList<Activity> Activities, string Watermark)> GetAsync(string? watermark, string? token = null)
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Get, $"{ActivitiesPath}?watermark={Uri.EscapeDataString(watermark ?? "")}", token ?? Token));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET activities answered {(int)response.StatusCode}: {body}");
        var set = JObject.Parse(body);
        return (set["activities"]!.ToObject<List<Activity>>(HttpHelper.BotMessageSerializer)!, set.Value<string>("watermark")!);
    }

    /// <summary>Everything in the conversation, paging by watermark until a page comes back empty.</summary>
    public async Task<List<Activity>> ReadAllAsync()
    {
        var all = new List<Activity>();
        string? watermark = null;
        while (true)
        {
            var (page, next) = await GetAsync(watermark);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            watermark = next;
        }
    }

    /// <summary>Reads the conversation until <paramref name="condition"/> holds, failing after the deadline.</summary>
    public async Task<List<Activity>> WaitForAsync(Func<List<Activity>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var all = await ReadAllAsync();
            if (condition(all))
            {
                return all;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited for {what}; the conversation holds: {Describe(all)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for a bot message that answers <paramref name="activityId"/>.</summary>
    public async Task<Activity> WaitForReplyToAsync(string activityId, TimeSpan? timeout = null)
    {
        var all = await WaitForAsync(a => a.Any(x => IsBotMessage(x) && x.ReplyToId == activityId), $"a reply to {activityId}", timeout);
        return all.First(x => IsBotMessage(x) && x.ReplyToId == activityId);
    }

    public static bool IsBotMessage(Activity activity) => activity.Type == ActivityTypes.Message && activity.From?.Role == RoleTypes.Bot;

    public static string Describe(IEnumerable<Activity> activities) =>
        string.Join(", ", activities.Select(a => $"{a.Type}:{a.From?.Role}:{Replies.ContentIdOf(a) ?? a.Name ?? ""}"));

    public async Task<DirectLineStreamReader> OpenStreamAsync(string? streamUrl = null) =>
        await DirectLineStreamReader.OpenAsync(streamUrl ?? StreamUrl);
}

/// <summary>A WebSocket on a <c>streamUrl</c>, collecting the activity sets the service pushes.</summary>
public sealed class DirectLineStreamReader : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<(IReadOnlyList<Activity> Activities, string Watermark)> _sets = Channel.CreateUnbounded<(IReadOnlyList<Activity>, string)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private DirectLineStreamReader(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = ReceiveAsync();
    }

    public List<Activity> Received { get; } = [];

    public List<string> Watermarks { get; } = [];

    public static async Task<DirectLineStreamReader> OpenAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new DirectLineStreamReader(socket);
    }

    /// <summary>Collects pushed activities until <paramref name="condition"/> holds over everything received.</summary>
    public async Task<List<Activity>> WaitForAsync(Func<List<Activity>, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            while (!condition(Received))
            {
                var (activities, watermark) = await _sets.Reader.ReadAsync(deadline.Token);
                Received.AddRange(activities);
                Watermarks.Add(watermark);
            }

            return Received;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The stream did not bring {what}; it brought: {DirectLineChat.Describe(Received)}");
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (message.Length == 0)
                {
                    continue;
                }

                var set = JObject.Parse(Encoding.UTF8.GetString(message.ToArray()));
                await _sets.Writer.WriteAsync((set["activities"]!.ToObject<List<Activity>>(HttpHelper.BotMessageSerializer)!, set.Value<string>("watermark")!));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _sets.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }

        await _stop.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.DirectLine;
using IopGuideBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Tests.DirectLine;

/// <summary>One service for the class: every test starts its own conversation.</summary>
public sealed class DirectLineServiceFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://www.clinic.example";
    public const string Secret = "test-direct-line-secret-0123456789abcdef";

    public BotService Service { get; } = new(new Dictionary<string, string?>
    {
        ["DirectLine:AllowedOrigins:0"] = AllowedOrigin,
        ["DirectLine:Secret"] = Secret,
        // Small pages, so paging by watermark is exercised by every conversation of a few turns.
        ["DirectLine:MaxActivitiesPerRead"] = "3",
        // Every test starts chats from the same address.
        ["DirectLine:TokensPerMinutePerClient"] = "1000",
    });

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Service.CreateLoopbackClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }
}

/// <summary>
/// The Direct Line 3.0 endpoint over real HTTP, as Web Chat's DirectLineJS uses it; every turn runs through the real
/// ClinicBot with the safety check in front. Replies are identified by content id, never by their English.
/// </summary>
public sealed class DirectLineProtocolTests(DirectLineServiceFixture fixture) : IClassFixture<DirectLineServiceFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task The_page_token_is_bound_to_one_new_conversation_and_a_reserved_user_id()
    {
        var first = await DirectLineChat.IssuePageTokenAsync(Client);
        var second = await DirectLineChat.IssuePageTokenAsync(Client);

        var claims = DirectLineChat.ClaimsOf(first.Value<string>("token")!);
        Assert.Equal(first.Value<string>("conversationId"), claims.Value<string>("conv"));
        Assert.StartsWith("dl_", claims.Value<string>("user"), StringComparison.Ordinal);
        Assert.Equal(1800, first.Value<int>("expires_in"));
        Assert.NotEqual(first.Value<string>("conversationId"), second.Value<string>("conversationId"));
        Assert.NotEqual(claims.Value<string>("user"), DirectLineChat.ClaimsOf(second.Value<string>("token")!).Value<string>("user"));
    }

    [Fact]
    public async Task Starting_a_conversation_answers_201_then_200_with_a_token_and_a_stream_url()
    {
        var issued = await DirectLineChat.IssuePageTokenAsync(Client);
        var token = issued.Value<string>("token");

        using var first = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/conversations", token, new { user = new { id = "someone" }, locale = "en-US" }));
        using var again = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/conversations", token));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var conversation = JObject.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(issued.Value<string>("conversationId"), conversation.Value<string>("conversationId"));
        Assert.Equal(1800, conversation.Value<int>("expires_in"));
        Assert.StartsWith("ws://", conversation.Value<string>("streamUrl"), StringComparison.Ordinal);
        // The token's user is the user, not the one the body names.
        Assert.Equal(DirectLineChat.ClaimsOf(token!).Value<string>("user"), DirectLineChat.ClaimsOf(conversation.Value<string>("token")!).Value<string>("user"));
    }

    [Fact]
    public async Task A_message_is_echoed_with_its_id_and_client_activity_id_and_the_reply_carries_reply_to_id()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var message = DirectLineChat.Message("What is an intensive outpatient program?", clientActivityId: "client-42");
        message["from"] = new JObject { ["id"] = "someone-else", ["role"] = "user" };

        var id = await chat.PostAsync(message);
        var reply = await chat.WaitForReplyToAsync(id);

        var all = await chat.ReadAllAsync();
        var echo = Assert.Single(all, a => a.Id == id);
        Assert.Equal(ActivityTypes.Message, echo.Type);
        Assert.Equal("client-42", ((JObject)echo.ChannelData).Value<string>("clientActivityID"));
        Assert.Equal(chat.UserId, echo.From.Id); // the token's user id overrides the one the client sent
        Assert.Equal(RoleTypes.User, echo.From.Role);
        Assert.NotNull(echo.Timestamp);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
        Assert.NotNull(Replies.ContentIdOf(reply));
        Assert.True(reply.Timestamp > echo.Timestamp, $"reply {reply.Timestamp:O} echo {echo.Timestamp:O}");
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
        // While the bot works the client is shown a typing indicator (without text, as Web Chat 4.18 expects).
        var typing = Assert.Single(all, a => a.Type == ActivityTypes.Typing && a.ReplyToId == id);
        Assert.Null(typing.Text);
        Assert.True(all.IndexOf(typing) < all.FindIndex(a => a.Id == reply.Id));
    }

    [Fact]
    public async Task Webchat_join_welcomes_the_visitor_once_however_often_the_page_connects()
    {
        var chat = await DirectLineChat.StartAsync(Client);

        var join = await chat.PostAsync(DirectLineChat.Join("join-1"));
        var welcome = await chat.WaitForReplyToAsync(join);
        var rejoin = await chat.PostAsync(DirectLineChat.Join("join-2"));
        var question = await chat.SayAsync("How long does the program last?");
        await chat.WaitForReplyToAsync(question);

        Assert.Equal(MessageKeys.Welcome, Replies.ContentIdOf(welcome));
        Assert.NotNull(welcome.SuggestedActions);
        Assert.NotEmpty(welcome.SuggestedActions.Actions);
        var all = await chat.ReadAllAsync();
        Assert.Single(all, a => Replies.ContentIdOf(a) == MessageKeys.Welcome);
        Assert.DoesNotContain(all, a => a.ReplyToId == rejoin && DirectLineChat.IsBotMessage(a));
        // Every posted activity, events included, is echoed: Web Chat marks any post without an echo "send failed".
        Assert.Contains(all, a => a.Id == rejoin && ((JObject)a.ChannelData).Value<string>("clientActivityID") == "join-2");
    }

    [Fact]
    public async Task A_suggested_action_sends_its_value_and_is_answered_with_a_topic()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var welcome = await chat.WaitForReplyToAsync(await chat.PostAsync(DirectLineChat.Join()));
        var button = welcome.SuggestedActions.Actions.First(a => a.Type == ActionTypes.ImBack);

        var reply = await chat.WaitForReplyToAsync(await chat.SayAsync((string)button.Value));

        Assert.StartsWith("topic:", Replies.ContentIdOf(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_asked_again_reaches_the_person_every_time()
    {
        // The questionnaire's "shall we start?" stands until it gets a yes or a no, and each message that is neither gets
        // its gentle retry. The retry is the same question each time; it must still be a new message each time (the log
        // stores an activity id once, so a question sent again under the id it was first sent with was never shown).
        var chat = await DirectLineChat.StartAsync(Client);
        var offer = await chat.WaitForReplyToAsync(await chat.SayAsync("Start the questions"));
        var first = await chat.WaitForReplyToAsync(await chat.SayAsync("i'm worried my husband drinks every night and hides it"));
        var second = await chat.WaitForReplyToAsync(await chat.SayAsync("thanks"));

        Assert.Equal(TriageContent.Notice, Replies.ContentIdOf(offer));
        Assert.Equal("retry:" + TriageDialog.StartOfferId, Replies.ContentIdOf(first));
        Assert.Equal("retry:" + TriageDialog.StartOfferId, Replies.ContentIdOf(second));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Paging_by_watermark_returns_every_activity_once_in_order_and_an_empty_page_at_the_end()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var sent = new List<string>();
        foreach (var text in new[] { "What is IOP?", "How much does it cost?", "Can my family take part?" })
        {
            var id = await chat.SayAsync(text);
            sent.Add(id);
            await chat.WaitForReplyToAsync(id);
        }

        var pages = new List<IReadOnlyList<Activity>>();
        var watermarks = new List<string>();
        string? watermark = null;
        while (true)
        {
            var (page, next) = await chat.GetAsync(watermark);
            watermarks.Add(next);
            if (page.Count == 0)
            {
                Assert.Equal(watermark, next); // nothing new: the same watermark comes back
                break;
            }

            Assert.True(page.Count <= 3);
            pages.Add(page);
            watermark = next;
        }

        var all = pages.SelectMany(p => p).ToList();
        Assert.True(pages.Count > 2);
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
        Assert.Equal(sent, all.Where(a => sent.Contains(a.Id)).Select(a => a.Id));
        Assert.Equal(all.OrderBy(a => a.Timestamp).Select(a => a.Id), all.Select(a => a.Id));

        // Resuming from a watermark in the middle gives exactly what came after it.
        var (rest, _) = await chat.GetAsync(watermarks[0]);
        Assert.Equal(all.Skip(pages[0].Count).Take(3).Select(a => a.Id), rest.Select(a => a.Id));
    }

    [Fact]
    public async Task Resuming_a_conversation_gives_a_fresh_token_and_a_stream_that_replays_after_the_watermark()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var first = await chat.SayAsync("What is IOP?");
        await chat.WaitForReplyToAsync(first);
        var (_, watermark) = await chat.GetAsync(null);
        while (true)
        {
            var (page, next) = await chat.GetAsync(watermark);
            if (page.Count == 0)
            {
                break;
            }

            watermark = next;
        }

        using var resume = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}?watermark={watermark}", chat.Token));
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        var conversation = JObject.Parse(await resume.Content.ReadAsStringAsync());
        Assert.Equal(chat.ConversationId, conversation.Value<string>("conversationId"));
        Assert.Equal(chat.UserId, DirectLineChat.ClaimsOf(conversation.Value<string>("token")!).Value<string>("user"));

        await using var stream = await chat.OpenStreamAsync(conversation.Value<string>("streamUrl"));
        var second = await chat.SayAsync("How much does it cost?");
        var received = await stream.WaitForAsync(r => r.Any(a => DirectLineChat.IsBotMessage(a) && a.ReplyToId == second), "the reply to the second message");

        Assert.DoesNotContain(received, a => a.Id == first); // history before the watermark is not replayed
        Assert.Contains(received, a => a.Id == second);
    }

    [Fact]
    public async Task The_stream_pushes_the_history_then_each_new_activity_set_with_increasing_watermarks()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var join = await chat.PostAsync(DirectLineChat.Join());
        await chat.WaitForReplyToAsync(join);

        await using var stream = await chat.OpenStreamAsync();
        await stream.WaitForAsync(r => r.Any(a => Replies.ContentIdOf(a) == MessageKeys.Welcome), "the history (welcome)");
        var question = await chat.SayAsync("Is it confidential?");
        var received = await stream.WaitForAsync(r => r.Any(a => DirectLineChat.IsBotMessage(a) && a.ReplyToId == question), "the reply");

        var echo = Assert.Single(received, a => a.Id == question);
        Assert.Equal(chat.UserId, echo.From.Id);
        Assert.Equal(received.Count, received.Select(a => a.Id).Distinct().Count());
        var numbers = stream.Watermarks.Select(long.Parse).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_proactive_message_reaches_the_log_and_the_open_stream()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        await using var stream = await chat.OpenStreamAsync();
        var conversations = fixture.Service.Services.GetRequiredService<DirectLineConversations>();
        var adapter = fixture.Service.Services.GetRequiredService<DirectLineAdapter>();
        var reference = await conversations.GetReferenceAsync(chat.ConversationId, CancellationToken.None);
        Assert.NotNull(reference);

        // As a specialist's later reply would be sent: a continuation through the adapter, outside any request.
        await adapter.ContinueConversationAsync(string.Empty, reference, async (turn, ct) =>
        {
            var message = MessageFactory.Text("A specialist will be with you shortly.");
            message.ChannelData = new JObject { [Replies.ContentIdKey] = "test:proactive" };
            await turn.SendActivityAsync(message, ct);
        }, CancellationToken.None);

        var pushed = await stream.WaitForAsync(r => r.Any(a => Replies.ContentIdOf(a) == "test:proactive"), "the proactive message");
        var proactive = pushed.Single(a => Replies.ContentIdOf(a) == "test:proactive");
        Assert.Equal(RoleTypes.Bot, proactive.From.Role);
        Assert.Equal(chat.UserId, proactive.Recipient.Id);
        Assert.DoesNotContain(pushed, a => a.Type == ActivityTypes.Event); // the continuation itself is not shown
        var polled = await chat.ReadAllAsync();
        Assert.Contains(polled, a => a.Id == proactive.Id);
        Assert.DoesNotContain(polled, a => a.Name == "ContinueConversation"); // nor to a client that polls
    }

    [Fact]
    public async Task A_token_for_another_conversation_gets_403_and_an_unknown_conversation_404()
    {
        var mine = await DirectLineChat.StartAsync(Client);
        var theirs = await DirectLineChat.StartAsync(Client);

        using var foreignRead = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, theirs.ActivitiesPath, mine.Token));
        using var foreignPost = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, theirs.ActivitiesPath, mine.Token, DirectLineChat.Message("hello")));
        using var foreignResume = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}", mine.Token));
        using var unknown = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, "/v3/directline/conversations/0123456789abcdef0123456789abcdef/activities", mine.Token));

        await AssertErrorAsync(foreignRead, HttpStatusCode.Forbidden, DirectLineErrorCodes.Forbidden);
        await AssertErrorAsync(foreignPost, HttpStatusCode.Forbidden, DirectLineErrorCodes.Forbidden);
        await AssertErrorAsync(foreignResume, HttpStatusCode.Forbidden, DirectLineErrorCodes.Forbidden);
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, DirectLineErrorCodes.NotFound);
        Assert.DoesNotContain(await theirs.ReadAllAsync(), a => a.From?.Id == mine.UserId);
    }

    [Fact]
    public async Task Requests_without_a_genuine_token_get_401()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var parts = chat.Token.Split('.');
        var claims = DirectLineChat.ClaimsOf(chat.Token);
        claims["user"] = "dl_someone-else";
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(claims.ToString(Newtonsoft.Json.Formatting.None))}.{parts[2]}";

        using var none = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, chat.ActivitiesPath, token: null));
        using var garbage = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, chat.ActivitiesPath, "abc.def.ghi"));
        using var tampered = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, chat.ActivitiesPath, forged, DirectLineChat.Message("hi")));
        using var streamTicketAsBearer = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, chat.ActivitiesPath, QueryValue(chat.StreamUrl, "t")));

        await AssertErrorAsync(none, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
        await AssertErrorAsync(garbage, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
        await AssertErrorAsync(tampered, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
        await AssertErrorAsync(streamTicketAsBearer, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task The_stream_refuses_a_missing_or_wrong_ticket_and_plain_http()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var streamPath = new Uri(chat.StreamUrl).AbsolutePath;

        using var noTicket = await Client.GetAsync(streamPath);
        using var bearerAsTicket = await Client.GetAsync($"{streamPath}?t={Uri.EscapeDataString(chat.Token)}");
        using var notWebSocket = await Client.GetAsync(new Uri(chat.StreamUrl).PathAndQuery);

        await AssertErrorAsync(noTicket, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
        await AssertErrorAsync(bearerAsTicket, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
        await AssertErrorAsync(notWebSocket, HttpStatusCode.BadRequest, DirectLineErrorCodes.BadArgument);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":", "BadSyntax")]
    [InlineData("[1,2]", "BadSyntax")]
    [InlineData("{\"type\":\"conversationUpdate\"}", "BadArgument")]
    [InlineData("{\"text\":\"no type\"}", "BadArgument")]
    [InlineData("{\"type\":\"event\",\"name\":\"ContinueConversation\"}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"timestamp\":{\"not\":\"a date\"}}", "BadArgument")]
    public async Task Bad_activities_get_400_with_a_reason_and_nothing_is_logged(string body, string code)
    {
        var chat = await DirectLineChat.StartAsync(Client);

        using var response = await chat.PostRawAsync(body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Empty(await chat.ReadAllAsync());
    }

    [Fact]
    public async Task A_bad_watermark_gets_400()
    {
        var chat = await DirectLineChat.StartAsync(Client);

        using var response = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Get, chat.ActivitiesPath + "?watermark=abc", chat.Token));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, DirectLineErrorCodes.BadArgument);
    }

    [Fact]
    public async Task An_activity_over_256_KB_gets_413_with_or_without_a_content_length()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        var big = DirectLineChat.Message(new string('a', 257 * 1024));

        using var sized = await chat.PostRawAsync(big);
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big.ToString())));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, chat.ActivitiesPath) { Content = chunked };
        request.Headers.Authorization = new("Bearer", chat.Token);
        request.Headers.TransferEncodingChunked = true;
        using var unsized = await Client.SendAsync(request);
        var justUnder = await chat.SayAsync(new string('a', 200 * 1024));

        await AssertErrorAsync(sized, HttpStatusCode.RequestEntityTooLarge, DirectLineErrorCodes.MessageSizeTooBig);
        await AssertErrorAsync(unsized, HttpStatusCode.RequestEntityTooLarge, DirectLineErrorCodes.MessageSizeTooBig);
        Assert.Equal([justUnder], (await chat.ReadAllAsync()).Where(a => a.From.Role == RoleTypes.User).Select(a => a.Id));
    }

    [Fact]
    public async Task Uploads_get_415_with_a_reason()
    {
        var chat = await DirectLineChat.StartAsync(Client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "scan.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/upload?userId={chat.UserId}") { Content = form };
        request.Headers.Authorization = new("Bearer", chat.Token);

        using var response = await Client.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_server_with_the_secret_can_generate_a_token_with_its_own_dl_user_id()
    {
        using var generated = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineServiceFixture.Secret, new { user = new { id = "dl_patient-portal-7" } }));
        using var wrongSecret = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/tokens/generate", "not-the-secret"));
        using var pageToken = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/tokens/generate", (await DirectLineChat.IssuePageTokenAsync(Client)).Value<string>("token")));
        using var unreservedUser = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineServiceFixture.Secret, new { user = new { id = "patient-7" } }));

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var token = JObject.Parse(await generated.Content.ReadAsStringAsync()).Value<string>("token")!;
        Assert.Equal("dl_patient-portal-7", DirectLineChat.ClaimsOf(token).Value<string>("user"));
        using var started = await Client.SendAsync(DirectLineChat.Request(HttpMethod.Post, "/v3/directline/conversations", token));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        await AssertErrorAsync(wrongSecret, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
        await AssertErrorAsync(pageToken, HttpStatusCode.Unauthorized, DirectLineErrorCodes.Unauthorized);
        await AssertErrorAsync(unreservedUser, HttpStatusCode.BadRequest, DirectLineErrorCodes.BadArgument);
    }

    [Fact]
    public async Task Cors_allows_the_configured_origin_with_the_headers_DirectLineJS_sends_and_no_other_origin()
    {
        using var allowed = await Preflight(DirectLineServiceFixture.AllowedOrigin);
        using var other = await Preflight("https://elsewhere.example");

        Assert.Equal(DirectLineServiceFixture.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("x-ms-bot-agent", headers, StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
            return await Client.SendAsync(request);
        }
    }

    [Fact]
    public async Task The_chat_page_has_a_content_security_policy_and_shows_the_crisis_line_from_content()
    {
        using var response = await Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var website = fixture.Service.Services.GetRequiredService<ClinicContent>().Section<WebsiteContent>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains($"frame-ancestors 'self' {DirectLineServiceFixture.AllowedOrigin}", policy, StringComparison.Ordinal);
        Assert.NotEqual(nonce, System.Text.RegularExpressions.Regex.Match((await Client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value);
        Assert.All(website.CrisisLinks, link => Assert.Contains($"href=\"{link.Href}\"", html, StringComparison.Ordinal));
        Assert.Contains(WebChat.WebChatPageEndpoints.BundlePath, html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_page_scripts_and_the_embed_snippet_are_served()
    {
        var content = fixture.Service.Services.GetRequiredService<ClinicContent>();

        using var bundle = await Client.GetAsync(WebChat.WebChatPageEndpoints.BundlePath);
        using var embed = await Client.GetAsync("/embed.js");
        var embedScript = await embed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal("text/javascript", embed.Content.Headers.ContentType?.MediaType);
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(content.Render(content.Section<WebsiteContent>()["open_chat"])), embedScript, StringComparison.Ordinal);
        Assert.DoesNotContain("/*CONFIG*/", embedScript, StringComparison.Ordinal);
    }

    [Fact]
    public void The_vendored_Web_Chat_bundle_is_the_published_one()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "IopGuideBot", "WebChat", "vendor", $"botframework-webchat-{WebChat.WebChatAssets.BundleVersion}");
        var recorded = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(folder, "SOURCE.md")), "SHA-256 of `webchat.js`: `([0-9a-f]{64})`").Groups[1].Value;

        var actual = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "webchat.js")))).ToLowerInvariant();

        Assert.Equal(recorded, actual);
        Assert.Equal(actual, Convert.ToHexString(SHA256.HashData(WebChat.WebChatAssets.Bundle.Bytes)).ToLowerInvariant());
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JObject.Parse(body)["error"] as JObject;
        Assert.NotNull(error);
        Assert.Equal(code, error.Value<string>("code"));
        Assert.False(string.IsNullOrWhiteSpace(error.Value<string>("message")));
    }

    private static string QueryValue(string url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)[name].ToString();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IopGuideBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

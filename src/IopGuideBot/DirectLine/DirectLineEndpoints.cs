using System.Globalization;
using System.Text;
using IopGuideBot.Channels;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.DirectLine;

/// <summary>
/// A Direct Line 3.0-compatible endpoint, so that the official Web Chat client (DirectLineJS) talks to this service with
/// no cloud relay: tokens, conversations, activities by watermark, a WebSocket stream, and the page's own token endpoint.
/// </summary>
/// <remarks>
/// What Web Chat needs to mark a message as sent: <c>POST …/activities</c> returns its id, and the same activity comes
/// back in the activity stream with that id and its <c>channelData.clientActivityID</c> unchanged. The echo is the
/// activity as committed to the log before the turn runs, and the bot sees that same id, so its replies carry it as
/// <c>replyToId</c>. Errors use the Bot Framework <c>ErrorResponse</c> shape; DirectLineJS reads only the status, and
/// treats 403 as an expired token and 404 as an ended conversation.
/// </remarks>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";
    public const string PageTokenRoute = "/api/directline/token";
    public const string CorsPolicy = "DirectLine";

    /// <summary>A body to start a conversation or generate a token is a few fields; nothing bigger is read.</summary>
    private const int MaxParametersBytes = 16 * 1024;

    private static readonly string[] AcceptedTypes = [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing];

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PageTokenRoute, IssuePageToken).RequireCors(CorsPolicy).WithName("DirectLinePageToken");

        var directLine = endpoints.MapGroup(Prefix).RequireCors(CorsPolicy);
        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", ResumeConversationAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        directLine.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        directLine.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return endpoints;
    }

    /// <summary>The watermark the client sends back: opaque to it; here, the log sequence of the last activity read.</summary>
    internal static string FormatWatermark(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Empty or missing means "from the start", which is how a refreshed page replays its history.</summary>
    internal static bool TryParseWatermark(string? watermark, out long sequence)
    {
        sequence = 0;
        return string.IsNullOrEmpty(watermark)
            || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence >= 0);
    }

    /// <summary>
    /// What the client sees of a page of the log (everything but the adapter's own bookkeeping) as a Direct Line
    /// <c>ActivitySet</c>, each activity passed on as stored; null when nothing is visible.
    /// </summary>
    /// <remarks>
    /// Why not parse and write each activity again: the stored JSON is the Bot Framework's own (null members left out), and
    /// reading it into an <see cref="Activity"/> only to write the same text back was most of a poll's cost.
    /// </remarks>
    internal static string? ActivitySetJson(IReadOnlyList<LoggedActivityJson> page, long watermark)
    {
        var json = new StringBuilder("{\"activities\":[");
        var visible = 0;
        foreach (var entry in page)
        {
            if (DirectLineAdapter.IsInternal(entry.Json))
            {
                continue;
            }

            json.Append(visible++ == 0 ? "" : ",").Append(entry.Json);
        }

        json.Append("],\"watermark\":").Append(JsonConvert.ToString(FormatWatermark(watermark))).Append('}');
        return visible == 0 ? null : json.ToString();
    }

    private static IResult IssuePageToken(HttpContext http, DirectLineTokens tokens, DirectLineRateLimits limits)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limits.TryStartChat(client) is { } retryAfter)
        {
            return DirectLineResults.TooManyRequests(retryAfter, "Too many new chats from this address; please wait a moment.");
        }

        http.Response.Headers.CacheControl = "no-store";
        return NewConversationToken(tokens);
    }

    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        if (!tokens.IsSecret(BearerOf(request)))
        {
            return DirectLineResults.Error(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.Unauthorized,
                "Generating a token needs the Direct Line secret as 'Authorization: Bearer <secret>'.");
        }

        var parameters = await ReadParametersAsync(request, cancellationToken);
        return parameters.Problem ?? EmbeddedUserProblem(parameters.UserId) ?? NewConversationToken(tokens, parameters.UserId);
    }

    private static IResult RefreshToken(HttpRequest request, DirectLineTokens tokens)
    {
        var (claims, problem) = CheckToken(request, tokens);
        return problem ?? DirectLineResults.Json(new DirectLineTokenResponse(
            claims!.ConversationId, tokens.IssueConversationToken(claims.ConversationId, claims.UserId), tokens.LifetimeSeconds));
    }

    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var parameters = await ReadParametersAsync(request, cancellationToken);
        if (parameters.Problem is { } parametersProblem)
        {
            return parametersProblem;
        }

        string conversationId, userId;
        if (tokens.IsSecret(BearerOf(request)))
        {
            if (EmbeddedUserProblem(parameters.UserId) is { } userProblem)
            {
                return userProblem;
            }

            conversationId = DirectLineTokens.NewConversationId();
            userId = parameters.UserId ?? DirectLineTokens.NewUserId();
        }
        else
        {
            var (claims, problem) = CheckToken(request, tokens);
            if (problem is not null)
            {
                return problem;
            }

            // The token's user is the user, whatever the body says.
            (conversationId, userId) = (claims!.ConversationId, claims.UserId);
        }

        var (_, created) = await conversations.StartAsync(conversationId, userId, parameters.Locale, cancellationToken);
        return DirectLineResults.Json(
            ConversationResponse(request, tokens, conversationId, userId, watermark: null),
            created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ResumeConversationAsync(
        HttpRequest request, string conversationId, string? watermark, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (caller, problem) = await AuthorizeAsync(request, conversationId, tokens, conversations, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!TryParseWatermark(watermark, out var sequence))
        {
            return BadWatermark();
        }

        return DirectLineResults.Json(ConversationResponse(request, tokens, conversationId, caller!.UserId, sequence));
    }

    private static async Task<IResult> PostActivityAsync(
        HttpRequest request,
        string conversationId,
        DirectLineTokens tokens,
        DirectLineConversations conversations,
        DirectLineRateLimits limits,
        DirectLineAdapter adapter,
        IActivityLog log,
        IBot bot,
        TimeProvider time,
        IOptions<BotChannelOptions> channelOptions,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (caller, problem) = await AuthorizeAsync(request, conversationId, tokens, conversations, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (limits.TryPostActivity(conversationId) is { } retryAfter)
        {
            return DirectLineResults.TooManyRequests(retryAfter, "Too many messages in this conversation; please wait a moment.");
        }

        var (activity, invalid) = await ReadActivityAsync(request, channelOptions.Value.MaxActivityBytes, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        // What the channel vouches for is set here, whatever the client sent; the rest (text, value, channelData with
        // clientActivityID, entities, locale) is kept as sent, so the echo matches.
        activity!.Id = DirectLineAdapter.NewActivityId();
        activity.ChannelId = DirectLineAdapter.ChannelId;
        activity.ServiceUrl = DirectLineAdapter.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = new ChannelAccount(caller!.UserId, role: RoleTypes.User);
        activity.Recipient = DirectLineAdapter.BotAccount;
        activity.Timestamp = time.GetUtcNow();

        var logger = loggers.CreateLogger(typeof(DirectLineEndpoints).FullName!);
        try
        {
            await log.AppendAsync(conversationId, activity, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Could not store a Direct Line activity of {ConversationHash}: {ExceptionType}", LogIds.Hash(conversationId), ex.GetType().Name);
            return DirectLineResults.Error(StatusCodes.Status503ServiceUnavailable, DirectLineErrorCodes.ServiceError,
                "The message could not be stored; please send it again.");
        }

        try
        {
            // Not cancelled when the client goes away: the activity is committed, so its turn runs to the end.
            await adapter.RunTurnAsync(activity, bot, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError("Direct Line turn of {ConversationHash} failed: {ExceptionType}", LogIds.Hash(conversationId), ex.GetType().Name);
            return DirectLineResults.Error(StatusCodes.Status502BadGateway, DirectLineErrorCodes.BotRejectedActivity,
                "Failed to send activity: the bot could not process it.");
        }

        return DirectLineResults.Json(new ResourceResponse(activity.Id));
    }

    private static async Task<IResult> GetActivitiesAsync(
        HttpRequest request,
        string conversationId,
        string? watermark,
        DirectLineTokens tokens,
        DirectLineConversations conversations,
        IActivityLog log,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var (_, problem) = await AuthorizeAsync(request, conversationId, tokens, conversations, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!TryParseWatermark(watermark, out var sequence))
        {
            return BadWatermark();
        }

        // Answers at once (never a long poll): DirectLineJS stops polling after a 20 s timeout.
        var page = await log.ReadJsonAfterAsync(conversationId, sequence, options.Value.MaxActivitiesPerRead, cancellationToken);
        var next = page.Count == 0 ? sequence : page[^1].Sequence;
        return ActivitySetJson(page, next) is { } json
            ? Results.Content(json, "application/json")
            : DirectLineResults.Json(new ActivitySet([], FormatWatermark(next)));
    }

    private static async Task<IResult> UploadAsync(
        HttpRequest request, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (_, problem) = await AuthorizeAsync(request, conversationId, tokens, conversations, cancellationToken);
        return problem ?? DirectLineResults.Error(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType,
            "This chat does not accept files, pictures or voice notes yet; please type your message instead.");
    }

    private static async Task<IResult> StreamAsync(
        HttpContext http,
        string conversationId,
        string? watermark,
        string? t,
        DirectLineTokens tokens,
        DirectLineConversations conversations,
        DirectLineStream stream)
    {
        var (status, claims) = tokens.Check(t, DirectLineTokenKind.Stream);
        if (status != DirectLineTokenStatus.Valid)
        {
            return status == DirectLineTokenStatus.Expired
                ? DirectLineResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired,
                    "The stream URL has expired; resume the conversation for a new one.")
                : DirectLineResults.Error(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.Unauthorized,
                    "The stream URL is not valid; resume the conversation for a new one.");
        }

        if (await conversations.FindAsync(conversationId, http.RequestAborted) is null)
        {
            return UnknownConversation();
        }

        if (claims!.ConversationId != conversationId)
        {
            return ForeignConversation();
        }

        if (!TryParseWatermark(watermark, out var sequence))
        {
            return BadWatermark();
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
                "The stream URL must be opened as a WebSocket.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, sequence, http.RequestAborted);
        return Results.Empty;
    }

    private static IResult NewConversationToken(DirectLineTokens tokens, string? userId = null)
    {
        var conversationId = DirectLineTokens.NewConversationId();
        return DirectLineResults.Json(new DirectLineTokenResponse(
            conversationId, tokens.IssueConversationToken(conversationId, userId ?? DirectLineTokens.NewUserId()), tokens.LifetimeSeconds));
    }

    private static DirectLineConversationResponse ConversationResponse(
        HttpRequest request, DirectLineTokens tokens, string conversationId, string userId, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["watermark"] = watermark is { } w ? FormatWatermark(w) : "",
            ["t"] = tokens.IssueStreamTicket(conversationId, userId),
        });
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream{query}";
        return new DirectLineConversationResponse(conversationId, tokens.IssueConversationToken(conversationId, userId), tokens.LifetimeSeconds, streamUrl);
    }

    private static (DirectLineTokenClaims? Claims, IResult? Problem) CheckToken(HttpRequest request, DirectLineTokens tokens)
    {
        var (status, claims) = tokens.Check(BearerOf(request), DirectLineTokenKind.Conversation);
        return status switch
        {
            DirectLineTokenStatus.Valid => (claims, null),
            DirectLineTokenStatus.Expired => (null, DirectLineResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired,
                "The token has expired; start a new conversation.")),
            _ => (null, DirectLineResults.Error(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.Unauthorized,
                "Send 'Authorization: Bearer <token>' with a token from this service.")),
        };
    }

    /// <summary>The token first, then whether the conversation exists (404), then whether it is the token's (403).</summary>
    private static async Task<(DirectLineConversation? Conversation, IResult? Problem)> AuthorizeAsync(
        HttpRequest request, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (claims, problem) = CheckToken(request, tokens);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (conversationId.Length > 128 || await conversations.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return (null, UnknownConversation());
        }

        return claims!.ConversationId == conversationId ? (conversation, null) : (null, ForeignConversation());
    }

    /// <summary>A server embedding its own user id must use the reserved prefix, so it can never collide with a client's.</summary>
    private static IResult? EmbeddedUserProblem(string? userId) =>
        userId is null || DirectLineTokens.IsValidUserId(userId)
            ? null
            : DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
                "user.id must start with 'dl_' followed by up to 64 letters, digits, '-' or '_'.");

    private static IResult UnknownConversation() =>
        DirectLineResults.Error(StatusCodes.Status404NotFound, DirectLineErrorCodes.NotFound, "There is no such conversation.");

    private static IResult ForeignConversation() =>
        DirectLineResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The token is for another conversation.");

    private static IResult BadWatermark() =>
        DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
            "The watermark is not one this service gave out; send back the last watermark you received, or none.");

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        string? text = null;
        try
        {
            if (request.ContentLength <= maxBytes || request.ContentLength is null)
            {
                text = await ActivityRequestReader.ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException)
        {
            return (null, DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadSyntax,
                "The request body ended before it was complete."));
        }

        if (text is null)
        {
            return (null, DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig,
                $"The activity is larger than {maxBytes / 1024} KB."));
        }

        JObject json;
        try
        {
            json = JToken.Parse(text) as JObject ?? throw new JsonReaderException("not an object");
        }
        catch (JsonReaderException)
        {
            // No position or excerpt: the parser's message can quote what the person typed.
            return (null, DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadSyntax,
                "The body must be one activity as a JSON object."));
        }

        Activity? activity;
        try
        {
            activity = json.ToObject<Activity>(HttpHelper.BotMessageSerializer);
        }
        catch (JsonException)
        {
            return (null, DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
                "The activity has a field of the wrong shape."));
        }

        if (activity?.Type is not { } type || !AcceptedTypes.Contains(type, StringComparer.Ordinal))
        {
            return (null, DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
                $"The activity's type must be one of: {string.Join(", ", AcceptedTypes)}."));
        }

        if (ActivityRequestReader.HasUnsafeCharacter(activity.ReplyToId))
        {
            return (null, DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
                "The activity's 'replyToId' contains control or invisible formatting characters."));
        }

        // As on /api/messages: U+FFFE, U+FFFF and half surrogate pairs are not text (normalising them throws), so they
        // become U+FFFD and the person still gets an answer.
        activity.Text = ActivityRequestReader.WithoutNoncharacters(activity.Text);

        if (DirectLineAdapter.IsInternal(activity))
        {
            return (null, DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
                $"The event name '{activity.Name}' is reserved by this service."));
        }

        return (activity, null);
    }

    private readonly record struct Parameters(string? UserId, string? Locale, IResult? Problem);

    /// <summary>The optional <c>TokenParameters</c>-style body: <c>{ "user": { "id": "dl_…" }, "locale": "en-US" }</c>.</summary>
    private static async Task<Parameters> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await ActivityRequestReader.ReadBoundedAsync(request.Body, MaxParametersBytes, cancellationToken);
        if (text is null)
        {
            return new(null, null, DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig,
                "The request body is too large."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, null, null);
        }

        JObject body;
        try
        {
            body = JToken.Parse(text) as JObject ?? throw new JsonReaderException("not an object");
        }
        catch (JsonReaderException)
        {
            return new(null, null, DirectLineResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadSyntax,
                "The body must be a JSON object (or empty)."));
        }

        var userId = (body["user"] as JObject)?["id"]?.Type == JTokenType.String ? (string?)body["user"]!["id"] : null;
        var locale = body["locale"]?.Type == JTokenType.String ? (string?)body["locale"] : null;
        if (locale is { Length: > 20 })
        {
            locale = null;
        }

        return new(userId, locale, null);
    }
}

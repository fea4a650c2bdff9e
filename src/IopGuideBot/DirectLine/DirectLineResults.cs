using System.Globalization;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IopGuideBot.DirectLine;

/// <summary>The <c>error.code</c> values this endpoint answers with (the Bot Framework's own where one fits).</summary>
public static class DirectLineErrorCodes
{
    public const string BadArgument = ErrorCodes.BadArgument;
    public const string BadSyntax = ErrorCodes.BadSyntax;
    public const string MessageSizeTooBig = ErrorCodes.MessageSizeTooBig;
    public const string ServiceError = ErrorCodes.ServiceError;
    public const string Unauthorized = "Unauthorized";
    public const string TokenExpired = "TokenExpired";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string TooManyRequests = "TooManyRequests";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string BotRejectedActivity = "BotRejectedActivity";
}

/// <summary>Direct Line responses: the Bot Framework's JSON for bodies, <c>ErrorResponse</c> for every error.</summary>
internal static class DirectLineResults
{
    public static IResult Json(object body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(JsonConvert.SerializeObject(body, HttpHelper.BotMessageSerializerSettings), "application/json", statusCode: statusCode);

    public static IResult Error(int statusCode, string code, string message) =>
        Json(new ErrorResponse(new Error(code, message)), statusCode);

    public static IResult TooManyRequests(TimeSpan retryAfter, string message) =>
        new RetryAfterResult(retryAfter, Error(StatusCodes.Status429TooManyRequests, DirectLineErrorCodes.TooManyRequests, message));

    /// <summary>Adds <c>Retry-After</c> (whole seconds, at least 1) to another result.</summary>
    private sealed class RetryAfterResult(TimeSpan retryAfter, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter =
                Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary><c>Conversation</c> of the Direct Line 3.0 API.</summary>
internal sealed record DirectLineConversationResponse(
    [property: JsonProperty("conversationId")] string ConversationId,
    [property: JsonProperty("token")] string Token,
    [property: JsonProperty("expires_in")] int ExpiresIn,
    [property: JsonProperty("streamUrl", NullValueHandling = NullValueHandling.Ignore)] string? StreamUrl);

/// <summary>What <c>tokens/generate</c>, <c>tokens/refresh</c> and the page's token endpoint answer.</summary>
internal sealed record DirectLineTokenResponse(
    [property: JsonProperty("conversationId")] string ConversationId,
    [property: JsonProperty("token")] string Token,
    [property: JsonProperty("expires_in")] int ExpiresIn);

/// <summary><c>ActivitySet</c> of the Direct Line 3.0 API.</summary>
internal sealed record ActivitySet(
    [property: JsonProperty("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonProperty("watermark")] string Watermark);

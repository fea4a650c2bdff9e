using System.Buffers;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IopGuideBot.Channels;

/// <summary>
/// Reads and checks an inbound activity before the adapter sees it, so that bad input gets a 4xx with a reason
/// instead of an exception deep in the SDK.
/// </summary>
public static class ActivityRequestReader
{
    public readonly record struct Result(Activity? Activity, IResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var text = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        if (text is null)
        {
            return TooLarge(maxBytes);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return BadRequest("The request body is empty; it must be a Bot Framework activity in JSON.");
        }

        JToken json;
        try
        {
            json = JToken.Parse(text);
        }
        catch (JsonReaderException ex)
        {
            // Position only: the exception's own message can quote a piece of the body.
            return BadRequest($"The request body is not valid JSON (line {ex.LineNumber}, position {ex.LinePosition}).");
        }

        if (json is not JObject)
        {
            return BadRequest("The request body is JSON but not a Bot Framework activity (expected an object).");
        }

        Activity? activity;
        try
        {
            activity = json.ToObject<Activity>(HttpHelper.BotMessageSerializer);
        }
        catch (JsonException)
        {
            return BadRequest("The request body is JSON but not a Bot Framework activity (a field has the wrong shape).");
        }

        if (activity is null)
        {
            return BadRequest("The request body is JSON but not a Bot Framework activity.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return BadRequest("The activity has no 'type'.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return BadRequest("The activity has no 'conversation.id'.");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            return BadRequest("The activity's 'serviceUrl' must be an absolute http or https URL.");
        }

        return new Result(activity, null);
    }

    /// <summary>The body as UTF-8 text, or null when it is longer than <paramref name="maxBytes"/> (with or without a length).</summary>
    internal static async Task<string?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 64 * 1024));
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (collected.Length + read > maxBytes)
                {
                    return null;
                }

                collected.Write(buffer, 0, read);
            }

            return System.Text.Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Result BadRequest(string reason) =>
        new(null, Results.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "Bad request"));

    private static Result TooLarge(int maxBytes) =>
        new(null, Results.Problem(
            $"The activity is larger than {maxBytes / 1024} KB.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Payload too large"));
}

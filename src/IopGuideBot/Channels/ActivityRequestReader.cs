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

        string? text;
        try
        {
            text = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ClientClosed();
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException)
        {
            // The client sent less than it announced, or went away mid-body: its fault, not a server error.
            return request.HttpContext.RequestAborted.IsCancellationRequested
                ? ClientClosed()
                : BadRequest("The request body ended before it was complete.");
        }

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

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return BadRequest("The activity has no 'channelId'.");
        }

        if (activity.MembersAdded?.Any(m => m is null) == true || activity.MembersRemoved?.Any(m => m is null) == true)
        {
            return BadRequest("The activity's 'membersAdded' or 'membersRemoved' has an empty entry.");
        }

        if (FirstUnsafeIdentifier(activity) is { } field)
        {
            return BadRequest($"The activity's '{field}' contains control or invisible formatting characters.");
        }

        // U+FFFE, U+FFFF and half a surrogate pair are not text; Unicode normalisation (which every reader of the
        // message runs) throws on them. The person still gets an answer: they become U+FFFD, the replacement character.
        activity.Text = WithoutNoncharacters(activity.Text);

        return new Result(activity, null);
    }

    /// <summary>
    /// Identifiers name conversations in storage, logs and URLs; a NUL, CR/LF, a bidirectional override or a zero-width
    /// character in one makes two ids look alike or breaks what they are written into, so such ids are refused.
    /// </summary>
    private static string? FirstUnsafeIdentifier(Activity activity)
    {
        (string Field, string? Value)[] identifiers =
        [
            ("channelId", activity.ChannelId),
            ("id", activity.Id),
            ("replyToId", activity.ReplyToId),
            ("conversation.id", activity.Conversation?.Id),
            ("from.id", activity.From?.Id),
            ("recipient.id", activity.Recipient?.Id),
        ];
        foreach (var (field, value) in identifiers)
        {
            if (HasUnsafeCharacter(value))
            {
                return field;
            }
        }

        if (activity.MembersAdded?.Any(m => HasUnsafeCharacter(m.Id)) == true)
        {
            return "membersAdded.id";
        }

        return activity.MembersRemoved?.Any(m => HasUnsafeCharacter(m.Id)) == true ? "membersRemoved.id" : null;
    }

    internal static string? WithoutNoncharacters(string? text)
    {
        if (text is null || !text.Any(c => c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (chars[i] is '\uFFFE' or '\uFFFF' || char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    internal static bool HasUnsafeCharacter(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is '\uFFFE' or '\uFFFF' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control
                    or System.Globalization.UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
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

    // nginx's "client closed request": nobody reads it, but the request log says whose side ended the exchange.
    private static Result ClientClosed() =>
        new(null, Results.Problem("The client closed the request before sending the whole body.", statusCode: 499, title: "Client closed request"));

    private static Result TooLarge(int maxBytes) =>
        new(null, Results.Problem(
            $"The activity is larger than {maxBytes / 1024} KB.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Payload too large"));
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace IopGuideBot.Channels;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework channel endpoint used by Bot Framework Emulator and Azure Bot Service.
/// </summary>
public static class BotMessagesEndpoints
{
    public const string Route = "/api/messages";

    public static IEndpointRouteBuilder MapBotMessagesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync).WithName("BotMessages");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        ClinicCloudAdapter adapter,
        IBot bot,
        IOptions<BotChannelOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await ActivityRequestReader.ReadAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var outcome = await adapter.ProcessChannelActivityAsync(
            request.Headers.Authorization.ToString(), body.Activity!, bot, cancellationToken);

        if (!outcome.IsAuthenticated)
        {
            return Results.Problem(
                "The request did not carry a valid Bot Framework channel token.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized");
        }

        if (outcome.InvokeResponse is not { } invoke)
        {
            return Results.Ok();
        }

        return invoke.Body is null
            ? Results.StatusCode(invoke.Status)
            : Results.Content(
                JsonConvert.SerializeObject(invoke.Body, HttpHelper.BotMessageSerializerSettings),
                "application/json",
                statusCode: invoke.Status);
    }
}

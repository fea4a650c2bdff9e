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
        ServiceUrlPolicy serviceUrls,
        IConfiguration configuration,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var body = await ActivityRequestReader.ReadAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var serviceUrl = new Uri(body.Activity!.ServiceUrl);
        if (BotChannelServiceCollectionExtensions.IsAnonymous(configuration) && !serviceUrls.Allows(serviceUrl))
        {
            // Scheme and host only: enough for the operator to act on, nothing the sender chose beyond the address.
            loggerFactory.CreateLogger(typeof(BotMessagesEndpoints)).LogWarning(
                "Refused an activity whose serviceUrl host {ServiceUrlHost} is not on this machine; see Bot:AllowedServiceUrls",
                serviceUrl.Scheme + "://" + serviceUrl.IdnHost);
            return Results.Problem(ServiceUrlPolicy.RefusalReason, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
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

        // An invoke nobody handles is answered 200 with no body (the SDK's ActivityHandler says 501), as Bot Framework
        // channels expect of a bot that simply has nothing to say to it.
        if (outcome.InvokeResponse is not { } invoke || invoke.Status == StatusCodes.Status501NotImplemented)
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

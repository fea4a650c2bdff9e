using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace IopGuideBot.Channels;

/// <summary>
/// The SDK's <see cref="CloudAdapter"/> with our middleware, a turn-error handler that never leaks details, and an entry
/// point that reports authentication failures as 401 instead of letting them escape as 500.
/// </summary>
public sealed class ClinicCloudAdapter : CloudAdapter
{
    private readonly ILogger<ClinicCloudAdapter> _logger;

    /// <param name="middleware">Run in registration order, before the bot, on every turn.</param>
    public ClinicCloudAdapter(
        BotFrameworkAuthentication authentication,
        IEnumerable<IMiddleware> middleware,
        ILoggerFactory loggerFactory,
        ILogger<ClinicCloudAdapter> logger)
        // The SDK logs under its own category, which configuration keeps at Warning: at Information it writes
        // conversation ids in clear (e.g. "DeleteActivityAsync Conversation Id: …").
        : base(authentication, loggerFactory.CreateLogger<CloudAdapter>())
    {
        _logger = logger;
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>Authenticates the activity and runs the turn; the outcome says what the HTTP response must be.</summary>
    public async Task<ChannelTurnOutcome> ProcessChannelActivityAsync(string? authHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            var invokeResponse = await ProcessActivityAsync(authHeader ?? string.Empty, activity, bot.OnTurnAsync, cancellationToken);
            return ChannelTurnOutcome.Processed(invokeResponse);
        }
        catch (Exception ex) when (IsAuthenticationFailure(ex))
        {
            // The exception text can quote the token; its type is enough to diagnose.
            _logger.LogWarning("Channel request rejected: {Reason}", ex.GetType().Name);
            return ChannelTurnOutcome.Unauthorized;
        }
    }

    // Turn exceptions never reach here (OnTurnError handles them), so what escapes ProcessActivityAsync comes from
    // authenticating the request: a missing header (UnauthorizedAccessException), a token that is not a JWT
    // (ArgumentException, IDX12729), a bad signature or issuer (SecurityTokenException), or signing keys that could
    // not be fetched (InvalidOperationException, IDX20803). In every case the caller is not authenticated.
    private static bool IsAuthenticationFailure(Exception ex) =>
        ex is UnauthorizedAccessException or SecurityTokenException or ArgumentException or InvalidOperationException;

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        _logger.LogError(
            "Turn failed in conversation {ConversationHash}: {ExceptionType} at {Site}",
            LogIds.Hash(turnContext.Activity.Conversation?.Id),
            exception.GetType().FullName,
            exception.TargetSite?.DeclaringType?.FullName);

        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        try
        {
            // Code, not content: this must work even when the content or the dialog stack is what failed.
            await turnContext.SendActivityAsync(
                MessageFactory.Text(
                    "Sorry, something went wrong on my side. Please try again, or call the clinic to talk with a person. " +
                    "If you are in danger, call 911, or call or text 988."),
                CancellationToken.None);
        }
        catch (Exception sendFailure)
        {
            _logger.LogWarning("Could not deliver the error reply: {ExceptionType}", sendFailure.GetType().Name);
        }
    }
}

/// <summary>What the channel endpoint must answer for one inbound activity.</summary>
public sealed record ChannelTurnOutcome(bool IsAuthenticated, InvokeResponse? InvokeResponse)
{
    public static readonly ChannelTurnOutcome Unauthorized = new(false, null);

    public static ChannelTurnOutcome Processed(InvokeResponse? invokeResponse) => new(true, invokeResponse);
}

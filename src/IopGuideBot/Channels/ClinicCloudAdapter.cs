using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Turns;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Rest;
using Polly.Timeout;

namespace IopGuideBot.Channels;

/// <summary>
/// The SDK's <see cref="CloudAdapter"/> with our middleware, a turn-error handler that never leaks details and resets
/// the dialog stack, replies that each get one delivery attempt (with the HTTP client's bounded retries) without one
/// failure losing the turn, and an entry point that reports authentication failures as 401 instead of 500.
/// </summary>
public sealed partial class ClinicCloudAdapter : CloudAdapter
{
    private readonly ConversationRecovery _recovery;
    private readonly ClinicMetrics _metrics;
    private readonly ILogger<ClinicCloudAdapter> _logger;

    /// <param name="middleware">Run in registration order, before the bot, on every turn.</param>
    public ClinicCloudAdapter(
        BotFrameworkAuthentication authentication,
        IEnumerable<IMiddleware> middleware,
        ConversationRecovery recovery,
        ClinicMetrics metrics,
        ILoggerFactory loggerFactory,
        ILogger<ClinicCloudAdapter> logger)
        // The SDK logs under its own category, which configuration keeps at Warning: at Information it writes
        // conversation ids in clear (e.g. "DeleteActivityAsync Conversation Id: …").
        : base(authentication, loggerFactory.CreateLogger<CloudAdapter>())
    {
        _recovery = recovery;
        _metrics = metrics;
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
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader ?? string.Empty, cancellationToken);
        }
        catch (Exception ex) when (IsAuthenticationFailure(ex))
        {
            // The exception text can quote the token; its type is enough to diagnose.
            LogRejected(_logger, ex.GetType().Name);
            return ChannelTurnOutcome.Unauthorized;
        }

        // Turn exceptions never escape (the gate counts them, OnTurnError answers them); what escapes here failed while
        // setting the turn up, and is counted and logged the same way before the host turns it into a 500.
        try
        {
            return ChannelTurnOutcome.Processed(await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _metrics.TurnFailed(ex);
            LogSetupFailed(_logger, LogIds.Hash(activity.Conversation?.Id), activity.Type, ex.GetType().FullName);
            throw;
        }
    }

    /// <summary>
    /// Sends each reply on its own, keeping the id it was given (the SDK clears it), so a retried POST carries the same
    /// id. A reply the channel does not take after the HTTP client's retries is counted and logged, and the rest of the
    /// turn goes on without waiting on that channel again.
    /// </summary>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type is ActivityTypesEx.Delay or ActivityTypesEx.InvokeResponse || activity.Type == ActivityTypes.Trace && activity.ChannelId != Microsoft.Bot.Connector.Channels.Emulator)
            {
                responses[i] = (await base.SendActivitiesAsync(turnContext, [activity], cancellationToken))[0];
                continue;
            }

            activity.Id ??= TurnReplies.NewReplyId();
            if (turnContext.TurnState.Get<ChannelUnreachable>() is not null)
            {
                _metrics.ReplyFailed(turnContext.TurnState.Get<ChannelUnreachable>()!.Cause);
                responses[i] = new ResourceResponse(string.Empty);
                continue;
            }

            try
            {
                var connector = turnContext.TurnState.Get<IConnectorClient>();
                var response = string.IsNullOrWhiteSpace(activity.ReplyToId)
                    ? await connector.Conversations.SendToConversationAsync(activity, cancellationToken)
                    : await connector.Conversations.ReplyToActivityAsync(activity, cancellationToken);
                responses[i] = response ?? new ResourceResponse(activity.Id);
            }
            catch (Exception ex) when (IsDeliveryFailure(ex, cancellationToken))
            {
                _metrics.ReplyFailed(ex);
                LogReplyFailed(_logger, LogIds.Hash(turnContext.Activity.Conversation?.Id), ex.GetType().FullName);
                turnContext.TurnState.Set(new ChannelUnreachable(ex));
                responses[i] = new ResourceResponse(string.Empty);
            }
        }

        return responses;
    }

    // What escapes AuthenticateRequestAsync: a missing header (UnauthorizedAccessException), a token that is not a JWT
    // (ArgumentException, IDX12729), a bad signature or issuer (SecurityTokenException), or signing keys that could
    // not be fetched (InvalidOperationException, IDX20803). In every case the caller is not authenticated.
    private static bool IsAuthenticationFailure(Exception ex) =>
        ex is UnauthorizedAccessException or SecurityTokenException or ArgumentException or InvalidOperationException;

    private static bool IsDeliveryFailure(Exception ex, CancellationToken turnCancelled) =>
        ex is HttpOperationException or HttpRequestException or TimeoutRejectedException
        || ex is OperationCanceledException && !turnCancelled.IsCancellationRequested;

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        // Counted and logged ("Turn failed …") by ConversationTurnGate, which every turn passes through.
        try
        {
            await _recovery.ResetDialogsAsync(turnContext, CancellationToken.None);
        }
        catch (Exception resetFailure)
        {
            LogResetFailed(_logger, resetFailure.GetType().Name);
        }

        if (turnContext.Activity.Type != ActivityTypes.Message || turnContext.TurnState.Get<ChannelUnreachable>() is not null)
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
            LogApologyFailed(_logger, sendFailure.GetType().Name);
        }
    }

    /// <summary>Set on the turn once a reply could not be delivered: the channel is not waited on again this turn.</summary>
    private sealed record ChannelUnreachable(Exception Cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel request rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed before it started in conversation {ConversationHash} ({ActivityType}): {ExceptionType}")]
    private static partial void LogSetupFailed(ILogger logger, string conversationHash, string? activityType, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply not delivered in conversation {ConversationHash}: {ExceptionType}")]
    private static partial void LogReplyFailed(ILogger logger, string conversationHash, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reset the dialog stack after a failed turn: {ExceptionType}")]
    private static partial void LogResetFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the error reply: {ExceptionType}")]
    private static partial void LogApologyFailed(ILogger logger, string exceptionType);
}

/// <summary>What the channel endpoint must answer for one inbound activity.</summary>
public sealed record ChannelTurnOutcome(bool IsAuthenticated, InvokeResponse? InvokeResponse)
{
    public static readonly ChannelTurnOutcome Unauthorized = new(false, null);

    public static ChannelTurnOutcome Processed(InvokeResponse? invokeResponse) => new(true, invokeResponse);
}

using System.Security.Claims;
using IopGuideBot.Channels;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace IopGuideBot.DirectLine;

/// <summary>
/// Runs website (Direct Line) turns in-process, through the same middleware and turn-error handling as
/// <c>/api/messages</c>, and delivers what the bot sends by appending it to the conversation's <see cref="IActivityLog"/>,
/// which the Direct Line endpoint serves by watermark and stream. Proactive messages
/// (<see cref="ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/> with a
/// reference from <see cref="DirectLineConversations.GetReferenceAsync"/>) take the same path, so a later reply from a
/// person reaches the same log and every open stream, on any instance.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    /// <summary>A channel id Bot Builder knows: suggested actions and Markdown are used as for Web Chat.</summary>
    public const string ChannelId = "directline";

    /// <summary>Replies never travel to a service URL; this one names the in-process channel and resolves nowhere.</summary>
    public const string ServiceUrl = "urn:iopguidebot:directline";

    public static readonly ChannelAccount BotAccount = new("iopguidebot", "IopGuideBot", RoleTypes.Bot);

    private const string ContinueConversationEvent = "ContinueConversation";

    private readonly IActivityLog _log;
    private readonly TimeProvider _time;

    public DirectLineAdapter(IEnumerable<IMiddleware> middleware, ClinicCloudAdapter channelAdapter, IActivityLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ArgumentNullException.ThrowIfNull(channelAdapter);
        _log = log;
        _time = time;
        foreach (var item in middleware)
        {
            Use(item);
        }

        // One turn-error policy for every channel: whatever /api/messages does after a failed turn, so does the website.
        OnTurnError = channelAdapter.OnTurnError;
    }

    /// <summary>
    /// Whether the activity is one the adapter made for itself (a proactive turn's continuation event), which the
    /// Direct Line client never sees.
    /// </summary>
    public static bool IsInternal(Activity activity) =>
        activity.Type == ActivityTypes.Event && activity.Name == ContinueConversationEvent;

    /// <summary>
    /// <see cref="IsInternal(Activity)"/> of a stored activity's JSON: only one that names the event at all is read.
    /// </summary>
    public static bool IsInternal(string activityJson) =>
        activityJson.Contains(ContinueConversationEvent, StringComparison.Ordinal)
        && IsInternal(JsonConvert.DeserializeObject<Activity>(activityJson)!);

    /// <summary>An id for a new activity of a conversation.</summary>
    public static string NewActivityId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Runs one turn for an activity the endpoint has already committed to the log (the client's echo), so the turn
    /// pipeline's <see cref="ActivityLogMiddleware"/> is told not to log it again (nor the replies, which delivery
    /// commits). A message
    /// first puts a typing indicator on the stream, so the person sees the bot working while it does.
    /// </summary>
    public async Task RunTurnAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        using var context = new TurnContext(this, activity);
        context.TurnState.Add<ClaimsIdentity>(BotIdentityKey, AnonymousIdentity());
        context.TurnState[ActivityLogMiddleware.AdapterLogsTurnKey] = true;
        if (activity.Type == ActivityTypes.Message)
        {
            // No text: Web Chat 4.18 reads a typing activity with text as part of a streamed message.
            var typing = new Activity(ActivityTypes.Typing)
            {
                From = activity.Recipient,
                Recipient = activity.From,
                Conversation = activity.Conversation,
                ReplyToId = activity.Id,
            };
            await DeliverAsync(context, typing, cancellationToken);
        }

        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            switch (activity.Type)
            {
                case ActivityTypes.Delay:
                    var milliseconds = activity.Value is null ? 1000 : Convert.ToInt32(activity.Value, System.Globalization.CultureInfo.InvariantCulture);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, 10_000)), _time, cancellationToken);
                    responses[i] = new ResourceResponse();
                    break;
                case ActivityTypesEx.InvokeResponse:
                    turnContext.TurnState.Add(InvokeResponseKey, activity);
                    responses[i] = new ResourceResponse();
                    break;
                case ActivityTypes.Trace:
                    responses[i] = new ResourceResponse(); // diagnostics for the Emulator only, as CloudAdapter does
                    break;
                default:
                    responses[i] = new ResourceResponse(await DeliverAsync(turnContext, activity, cancellationToken));
                    break;
            }
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A website conversation's log is append-only: send a new activity instead of updating one.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A website conversation's log is append-only: activities cannot be deleted.");

    // The base class returns ContinueConversationAsync's pipeline without awaiting it inside its using block, so the turn
    // context could be disposed mid-turn; every overload here awaits one implementation.
    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(Continuation(reference), callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(Continuation(reference), callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, string audience, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(Continuation(reference), callback, cancellationToken);

    public override Task ContinueConversationAsync(string botId, Activity continuationActivity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(continuationActivity, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, Activity continuationActivity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(continuationActivity, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, Activity continuationActivity, string audience, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(continuationActivity, callback, cancellationToken);

    private static Activity Continuation(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.GetContinuationActivity();
    }

    private async Task ContinueAsync(Activity continuation, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(callback);
        if (!string.Equals(continuation.ChannelId, ChannelId, StringComparison.Ordinal) || string.IsNullOrEmpty(continuation.Conversation?.Id))
        {
            throw new ArgumentException(
                $"Not a website conversation: the reference must have channel '{ChannelId}' and a conversation id.", nameof(continuation));
        }

        continuation.ServiceUrl = ServiceUrl;
        continuation.Recipient ??= BotAccount;
        continuation.Id ??= NewActivityId();
        using var context = new TurnContext(this, continuation);
        context.TurnState.Add<ClaimsIdentity>(BotIdentityKey, AnonymousIdentity());
        context.TurnState[ActivityLogMiddleware.AdapterLogsTurnKey] = true;
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>Stamps an outgoing activity as the channel would, and commits it to the log: that is delivery here.</summary>
    private async Task<string> DeliverAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var incoming = turnContext.Activity;
        // The turn pipeline names a held reply when it holds it, so one sent again after a retried turn keeps its id
        // and the log (idempotent by id) stores it once.
        if (string.IsNullOrEmpty(activity.Id))
        {
            activity.Id = NewActivityId();
        }

        activity.ChannelId = ChannelId;
        activity.ServiceUrl = ServiceUrl;
        activity.Conversation ??= incoming.Conversation;
        activity.From ??= BotAccount;
        if (string.IsNullOrEmpty(activity.From.Role))
        {
            activity.From.Role = RoleTypes.Bot;
        }

        activity.Recipient ??= incoming.From;

        // Web Chat orders by timestamp: never put a reply before the message it answers, even if clocks differ a little
        // between instances.
        var now = _time.GetUtcNow();
        activity.Timestamp = incoming.Timestamp is { } asked && asked >= now ? asked.AddMilliseconds(1) : now;
        await _log.AppendAsync(activity.Conversation.Id, activity, cancellationToken);
        return activity.Id;
    }

    private static ClaimsIdentity AnonymousIdentity() => new([], "anonymous");
}

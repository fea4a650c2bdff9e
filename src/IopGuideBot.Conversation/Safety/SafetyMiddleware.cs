using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Runs on every user message before any dialog, in every state (also while a person from staff is chatting). On a
/// crisis it answers at once with the scripted reply from <c>safety.yaml</c> and "Are you safe right now?", flags the
/// conversation (sticky <see cref="SafetyState"/>), tells staff through <see cref="ISafetyAlertSink"/>, saves
/// conversation state, and does <b>not</b> run the rest of the pipeline for that message: whatever was in progress (a
/// questionnaire question) waits and resumes on the next turn.
/// </summary>
/// <remarks>
/// After a crisis reply the next message answers the safety check: "no" → <c>crisis.check.unsafe</c> and another alert;
/// "yes / I'm safe / I didn't mean it" → <c>crisis.check.safe</c> (or <c>crisis.retraction</c>), flag kept. Later, an
/// explicit retraction or denial ("nvm", "I didn't mean it", "I'm not suicidal") gets <c>crisis.retraction</c>, flag
/// kept. Anything else goes on to the bot as usual. Ordinary replies never repeat crisis numbers.
/// </remarks>
public sealed class SafetyMiddleware : IMiddleware
{
    private readonly CrisisDetector _detector;
    private readonly ClinicContent _content;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<SafetyState> _state;
    private readonly ISafetyAlertSink _alerts;
    private readonly TimeProvider _time;

    public SafetyMiddleware(CrisisDetector detector, ClinicContent content, ConversationState conversationState, ISafetyAlertSink alerts, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _content = content;
        _conversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        _state = SafetyState.CreateAccessor(conversationState);
        _alerts = alerts ?? throw new ArgumentNullException(nameof(alerts));
        _time = time ?? TimeProvider.System;
        _ = content.Section<SafetyContent>(); // fail at start-up, not mid-crisis, if safety.yaml is not loaded
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = activity.Text;
        var assessment = _detector.Assess(text);
        var state = await _state.GetAsync(turnContext, () => new SafetyState(), cancellationToken).ConfigureAwait(false);
        var safety = _content.Section<SafetyContent>();
        var conversationId = activity.Conversation?.Id ?? string.Empty;

        if (assessment.IsCrisis)
        {
            var now = _time.GetUtcNow();
            var isNew = state.Flag(assessment.Category, now);
            state.AwaitingSafetyCheck = true;
            await turnContext.SendActivitiesAsync(
                [
                    Replies.Create(_content, safety[SafetyContent.KeyFor(assessment.Category)]),
                    Replies.Create(_content, safety[SafetyContent.Check]),
                ],
                cancellationToken).ConfigureAwait(false);
            await SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (isNew)
            {
                await _alerts.RaiseAsync(new SafetyAlert(conversationId, assessment.Category, now), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (state.IsFlagged)
        {
            string? reply = null;
            if (assessment.IsRetractionOrDenial)
            {
                state.Retractions++;
                state.LastRetractedAt = _time.GetUtcNow();
                reply = SafetyContent.Retraction;
            }
            else if (state.AwaitingSafetyCheck && SafetyCheckAnswers.IsNotSafe(text))
            {
                state.SaidNotSafe = true;
                reply = SafetyContent.CheckUnsafe;
                await _alerts.RaiseAsync(
                    new SafetyAlert(conversationId, state.FlaggedCategories[^1], _time.GetUtcNow(), SafetySignal.ConfirmedNotSafe),
                    cancellationToken).ConfigureAwait(false);
            }

            else if (state.AwaitingSafetyCheck && SafetyCheckAnswers.IsReassurance(text))
            {
                reply = SafetyContent.CheckSafe;
            }

            state.AwaitingSafetyCheck = false;
            if (reply is not null)
            {
                await turnContext.SendActivityAsync(Replies.Create(_content, safety[reply]), cancellationToken).ConfigureAwait(false);
                await SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        await next(cancellationToken).ConfigureAwait(false);
        await SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
}

using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Runs on every user message before any dialog, in every state (also while a person from staff is chatting), and owns
/// the conversation while it is in <i>safety mode</i>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>A crisis message</b> (at any point, also mid-questionnaire): the crisis reply for its category, worded for who
/// is speaking and in Spanish for Spanish messages; an honest line about our team; "Are you safe right now?". The
/// conversation is flagged (sticky <see cref="SafetyState"/>), staff are told through <see cref="ISafetyAlertSink"/>, and
/// the rest of the pipeline does not run: whatever was in progress is put on hold.</item>
/// <item><b>Safety mode</b>: until "Are you safe right now?" is answered, the next message is read as the answer (never as a
/// questionnaire answer or a topic question). Safe → <c>crisis.check.safe</c>; not safe → <c>crisis.check.unsafe</c>, a
/// second alert, and safety mode goes on; unclear ("idk… probably") → <c>crisis.check.unclear</c> (911/988 again, asked
/// again); a retraction → <c>crisis.retraction</c>. The flag stays in every case. Asking for something else explicitly (a
/// global command such as "talk to a person" or "keep going") ends safety mode and goes through.</item>
/// <item><b>On hold</b>: afterwards, a paused questionnaire resumes only when the person asks ("keep going", or "yes" to
/// the offer); <c>MainDialog</c> re-asks its question rather than taking those words as an answer.</item>
/// <item>A further crisis message after a retraction is caught like the first, and staff are told again.</item>
/// <item>A message longer than the check reads whole gets <c>safety.too-long</c> (its start and end are still checked).</item>
/// </list>
/// Ordinary replies never repeat crisis numbers.
/// </remarks>
public sealed class SafetyMiddleware : IMiddleware
{
    private const int MaxHeldQuestionChars = 500;

    private readonly CrisisDetector _detector;
    private readonly ClinicContent _content;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<SafetyState> _state;
    private readonly ISafetyAlertSink _alerts;
    private readonly ICrisisReachability _reachability;
    private readonly CommandMatcher _commands;
    private readonly TimeProvider _time;

    public SafetyMiddleware(
        CrisisDetector detector,
        ClinicContent content,
        ConversationState conversationState,
        ISafetyAlertSink alerts,
        CommandMatcher commands,
        ICrisisReachability? reachability = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _content = content;
        _conversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        _state = SafetyState.CreateAccessor(conversationState);
        _alerts = alerts ?? throw new ArgumentNullException(nameof(alerts));
        _commands = commands ?? throw new ArgumentNullException(nameof(commands));
        _reachability = reachability ?? new AnonymousChatReachability();
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
        if (assessment.IsCrisis)
        {
            await AnswerCrisisAsync(turnContext, assessment, cancellationToken).ConfigureAwait(false);
            return;
        }

        var state = await _state.GetAsync(turnContext, () => new SafetyState(), cancellationToken).ConfigureAwait(false);
        var safety = _content.Section<SafetyContent>();
        if (assessment.IsTruncated)
        {
            await ReplyAsync(turnContext, safety.For(SafetyContent.TooLong, state.Spanish), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (state.AwaitingSafetyCheck)
        {
            if (AsksForSomethingElse(text))
            {
                state.AwaitingSafetyCheck = false;
                state.OfferedToGoOn = false;
                await HandOnAsync(turnContext, next, cancellationToken).ConfigureAwait(false);
                return;
            }

            await AnswerSafetyCheckAsync(turnContext, state, assessment, text, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (state.IsFlagged && assessment.IsRetractionOrDenial)
        {
            Retract(state);
            await ReplyAsync(turnContext, safety.For(SafetyContent.Retraction, state.Spanish), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (state.OfferedToGoOn && SafetyCheckAnswers.SaysGoOn(text))
        {
            SafetyTurn.MarkGoOn(turnContext);
        }

        state.OfferedToGoOn = false;
        await HandOnAsync(turnContext, next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands the turn on to the bot after this middleware changed the safety state, and makes sure the change is saved.
    /// The bot saves the conversation state at the end of its turn, which already holds the change: saving it again here
    /// wrote the same state a second time on every message (serialised, encrypted and committed once more). It is saved
    /// here only when nothing downstream saved it.
    /// </summary>
    private async Task HandOnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var savesBefore = WriteThroughConversationState.SavesIn(turnContext);
        await next(cancellationToken).ConfigureAwait(false);
        if (WriteThroughConversationState.SavesIn(turnContext) == savesBefore)
        {
            await SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerCrisisAsync(ITurnContext turnContext, CrisisAssessment assessment, CancellationToken cancellationToken)
    {
        var safety = _content.Section<SafetyContent>();
        var conversationId = turnContext.Activity.Conversation?.Id ?? string.Empty;
        var spanish = assessment.IsSpanish;
        var canReach = await CanReachAsync(conversationId, cancellationToken).ConfigureAwait(false);

        // The resources go out first, before anything that touches storage, so a storage failure cannot hold them back.
        await turnContext.SendActivitiesAsync(
            [
                Replies.Create(_content, safety.CrisisReply(assessment.Category, assessment.Voice, spanish)),
                Replies.Create(_content, safety.For(canReach ? SafetyContent.TeamReachingOut : SafetyContent.TeamAlerted, spanish)),
                Replies.Create(_content, safety.For(SafetyContent.Check, spanish)),
            ],
            cancellationToken).ConfigureAwait(false);

        var state = await _state.GetAsync(turnContext, () => new SafetyState(), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var disclosedAgain = state.RetractedSinceLastFlag;
        var isNew = state.Flag(assessment.Category, now);
        state.AwaitingSafetyCheck = true;
        state.HoldingDialog = true;
        // A long message is not held: answering a question picked out of a long story could miss what mattered in it.
        state.HeldQuestion = turnContext.Activity.Text is { Length: <= MaxHeldQuestionChars } text ? text : null;
        state.OfferedToGoOn = false;
        state.Spanish = spanish;
        await SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (isNew || disclosedAgain)
        {
            var signal = isNew ? SafetySignal.Detected : SafetySignal.DisclosedAgain;
            await _alerts.RaiseAsync(new SafetyAlert(conversationId, assessment.Category, now, signal), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerSafetyCheckAsync(ITurnContext turnContext, SafetyState state, CrisisAssessment assessment, string text, CancellationToken cancellationToken)
    {
        var safety = _content.Section<SafetyContent>();
        string reply;
        if (assessment.IsRetractionOrDenial)
        {
            Retract(state);
            state.AwaitingSafetyCheck = false;
            state.OfferedToGoOn = true;
            reply = SafetyContent.Retraction;
        }
        else
        {
            switch (SafetyCheckAnswers.Read(text))
            {
                case SafetyAnswer.Safe:
                    state.AwaitingSafetyCheck = false;
                    state.OfferedToGoOn = true;
                    reply = SafetyContent.CheckSafe;
                    break;
                case SafetyAnswer.NotSafe:
                    state.SaidNotSafe = true;
                    reply = SafetyContent.CheckUnsafe;
                    await _alerts.RaiseAsync(
                        new SafetyAlert(turnContext.Activity.Conversation?.Id ?? string.Empty, state.FlaggedCategories[^1], _time.GetUtcNow(), SafetySignal.ConfirmedNotSafe),
                        cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    state.UnclearAnswers++;
                    reply = SafetyContent.CheckUnclear;
                    break;
            }
        }

        await ReplyAsync(turnContext, safety.For(reply, state.Spanish), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether to promise contact; when that cannot be known (storage down), the honest answer is no.</summary>
    private async Task<bool> CanReachAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            return await _reachability.CanReachAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A global command ("talk to a person", "keep going", "menu", "stop", "help") asks for something other than safety.</summary>
    private bool AsksForSomethingElse(string text) => _commands.MatchCommand(text, globalOnly: true) is not null;

    private void Retract(SafetyState state)
    {
        state.Retractions++;
        state.LastRetractedAt = _time.GetUtcNow();
    }

    private async Task ReplyAsync(ITurnContext turnContext, Message message, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(Replies.Create(_content, message), cancellationToken).ConfigureAwait(false);
        await SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
}

/// <summary>What the safety middleware tells the rest of the turn.</summary>
public static class SafetyTurn
{
    private const string GoOnKey = "Safety.GoOn";

    /// <summary>Marks this turn as the person asking to go on with what safety put on hold ("yes" to "keep going?").</summary>
    public static void MarkGoOn(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[GoOnKey] = true;
    }

    /// <summary>Whether the person asked, this turn, to go on with what safety put on hold.</summary>
    public static bool AsksToGoOn(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(GoOnKey, out var value) && value is true;
    }
}

/// <summary>Whether our team can reach the person in a conversation (contact details given, or a person in the chat).</summary>
public interface ICrisisReachability
{
    Task<bool> CanReachAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>Default: the chat is anonymous, so the bot never promises that someone will reach out.</summary>
public sealed class AnonymousChatReachability : ICrisisReachability
{
    public Task<bool> CanReachAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult(false);
}

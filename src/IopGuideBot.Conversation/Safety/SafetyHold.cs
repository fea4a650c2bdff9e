using Microsoft.Bot.Builder;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// What a crisis put on hold, as seen by the dialogs: while <see cref="SafetyState.HoldingDialog"/> is set, a question in
/// progress must not take the person's words as its answer; it is asked again only when they ask to go on.
/// </summary>
public sealed class SafetyHold(ConversationState conversationState)
{
    private readonly IStatePropertyAccessor<SafetyState> _state = SafetyState.CreateAccessor(conversationState);

    public async Task<bool> IsHoldingAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await _state.GetAsync(turnContext, () => new SafetyState(), cancellationToken)).HoldingDialog;

    /// <summary>
    /// The person asked to go on, or the conversation started over: nothing is on hold any more.
    /// </summary>
    /// <returns>The message the crisis reply interrupted (<see cref="SafetyState.HeldQuestion"/>), now dropped from the state.</returns>
    public async Task<string?> ReleaseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new SafetyState(), cancellationToken);
        state.HoldingDialog = false;
        var held = state.HeldQuestion;
        state.HeldQuestion = null;
        return held;
    }
}

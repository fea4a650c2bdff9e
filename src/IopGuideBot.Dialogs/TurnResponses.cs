using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs;

/// <summary>
/// Whether the bot has answered in this turn. <see cref="ITurnContext.Responded"/> turns true only once a reply reaches
/// the adapter; a pipeline that holds replies until the turn is saved marks the turn here, so prompts still know that a
/// validator already answered.
/// </summary>
public static class TurnResponses
{
    private const string HeldReplyKey = "IopGuideBot.Dialogs.TurnResponses.Held";

    public static void MarkResponded(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[HeldReplyKey] = true;
    }

    /// <summary>The held replies were dropped (the turn runs again): nothing has been answered in this turn after all.</summary>
    public static void ClearHeld(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(HeldReplyKey);
    }

    public static bool HasResponded(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Responded || turnContext.TurnState.ContainsKey(HeldReplyKey);
    }
}

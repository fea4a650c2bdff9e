using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Turns;

/// <summary>
/// The replies of one turn, held back until the turn has finished and its state is saved, then sent in order through
/// the rest of the send pipeline (activity log, adapter). Each gets its id when it is held, so a re-sent reply keeps it.
/// </summary>
internal sealed class TurnReplies
{
    private readonly ITurnContext _turnContext;
    private readonly List<Activity> _held = [];
    private bool _holding = true;

    private TurnReplies(ITurnContext turnContext)
    {
        _turnContext = turnContext;
    }

    public static TurnReplies HoldFor(ITurnContext turnContext)
    {
        var replies = new TurnReplies(turnContext);
        turnContext.TurnState.Set(replies);
        turnContext.OnSendActivities(replies.OnSendAsync);
        return replies;
    }

    /// <summary>The replies of the running turn, or null outside a held turn.</summary>
    public static TurnReplies? Of(ITurnContext turnContext) => turnContext.TurnState.Get<TurnReplies>();

    /// <summary>Forgets the replies of an attempt that will be run again.</summary>
    /// <summary>Drops the held replies, and with them the turn's "already answered" mark, so a re-run answers afresh.</summary>
    public void Discard()
    {
        _held.Clear();
        TurnResponses.ClearHeld(_turnContext);
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        _holding = false;
        if (_held.Count == 0)
        {
            return;
        }

        var replies = _held.ToArray();
        _held.Clear();
        await _turnContext.SendActivitiesAsync(replies, cancellationToken);
    }

    public async Task ReleaseAfterFailureAsync()
    {
        try
        {
            await ReleaseAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The turn has already failed (and is reported as such); the apology path tries the channel again.
        }
    }

    /// <summary>From here on replies go straight out (the turn-error handler's apology, for one).</summary>
    public void Close()
    {
        _holding = false;
        _turnContext.TurnState.Remove(typeof(TurnReplies).FullName!);
    }

    private async Task<ResourceResponse[]> OnSendAsync(ITurnContext context, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        foreach (var activity in activities)
        {
            activity.Id ??= NewReplyId();
        }

        if (!_holding)
        {
            return await next();
        }

        _held.AddRange(activities);
        if (activities.Any(a => a.Type != ActivityTypes.Trace))
        {
            // Prompts ask "did a validator already answer?"; a held reply counts as an answer.
            TurnResponses.MarkResponded(context);
        }

        return [.. activities.Select(a => new ResourceResponse(a.Id))];
    }

    /// <summary>A reply's id, fixed before the first send so that a retried send can be recognised as the same reply.</summary>
    public static string NewReplyId() => Guid.NewGuid().ToString("N");
}

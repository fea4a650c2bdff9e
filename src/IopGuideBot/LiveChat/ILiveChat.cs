namespace IopGuideBot.LiveChat;

/// <summary>What happened to a specialist's live-chat action.</summary>
public enum LiveChatOutcome
{
    Done,

    /// <summary>No handoff with that id.</summary>
    NotFound,

    /// <summary>The handoff is claimed by someone else (or by no one): claim it first.</summary>
    NotYours,

    /// <summary>The action needs a live chat and the specialist has not joined (or has returned it to the bot).</summary>
    NotLive,

    /// <summary>The handoff is closed.</summary>
    Closed,

    /// <summary>Someone changed the handoff at the same moment; read it again and retry.</summary>
    Conflict,
}

/// <summary>The specialist who acts, as the person sees them: "<paramref name="FirstName"/> (specialist)".</summary>
public sealed record Specialist(string StaffId, string FirstName);

/// <summary>
/// The staff side of a warm handoff's live chat: what the staff console calls. The bot side (staying quiet while a
/// specialist is live, the crisis check on every message, delivery on every channel, the transcript) is behind it.
/// </summary>
public interface ILiveChat
{
    /// <summary>
    /// Joins a handoff the specialist has claimed: its status becomes Live, the bot stops answering the person, and the
    /// person is told "<c>FirstName</c> (specialist) has joined".
    /// </summary>
    Task<LiveChatOutcome> JoinAsync(string handoffId, Specialist specialist, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends the specialist's message to the person in the same conversation, on whichever channel they use, and appends it
    /// to the conversation's transcript (the activity log).
    /// </summary>
    Task<LiveChatOutcome> SendAsync(
        string handoffId, Specialist specialist, string text, CancellationToken cancellationToken = default);

    /// <summary>Hands the conversation back to the bot (status Claimed); the person is told the assistant is back.</summary>
    Task<LiveChatOutcome> ReturnToBotAsync(
        string handoffId, Specialist specialist, CancellationToken cancellationToken = default);
}

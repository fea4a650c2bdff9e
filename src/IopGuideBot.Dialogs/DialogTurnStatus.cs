namespace IopGuideBot.Dialogs;

/// <summary>What happened to the dialog stack during one call into the engine.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty: nothing was active to continue.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The dialog completed; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,
}

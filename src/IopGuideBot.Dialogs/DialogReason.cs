namespace IopGuideBot.Dialogs;

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was just started.</summary>
    BeginCalled,

    /// <summary>The dialog is continued by the user's next message.</summary>
    ContinueCalled,

    /// <summary>The dialog ended normally (or a child dialog ended and the parent resumes).</summary>
    EndCalled,

    /// <summary>The dialog is being replaced by another one.</summary>
    ReplaceCalled,

    /// <summary>The dialog was cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step skipped ahead with <see cref="WaterfallStepContext.NextAsync"/>.</summary>
    NextCalled,

    /// <summary>A waterfall step went back to the step that asked before with <see cref="WaterfallStepContext.GoBackAsync"/>.</summary>
    BackCalled,
}

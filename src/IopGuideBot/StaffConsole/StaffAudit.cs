using IopGuideBot.Storage;

namespace IopGuideBot.StaffConsole;

/// <summary>
/// The audit actions the console writes (<see cref="IAuditLog"/>): who (the staff id), what, on which conversation, the
/// outcome. Details carry ids and fixed words only, never anything a person typed.
/// </summary>
public static class StaffAudit
{
    public const string SignIn = "staff.sign-in";
    public const string SignOut = "staff.sign-out";
    public const string StaffAdded = "staff.add";
    public const string StaffDisabled = "staff.disable";
    public const string StaffEnabled = "staff.enable";
    public const string QueueViewed = "queue.view";
    public const string HandoffViewed = "handoff.view";
    public const string Claimed = "handoff.claim";
    public const string NoteAdded = "handoff.note";
    public const string CallbackScheduled = "handoff.callback";
    public const string Closed = "handoff.close";
    public const string Joined = "livechat.join";
    public const string MessageSent = "livechat.send";
    public const string ReturnedToBot = "livechat.return";
    public const string TranscriptDownloaded = "transcript.download";
    public const string TranscriptPrinted = "transcript.print";
    public const string AuditViewed = "audit.view";
    public const string InsightsViewed = "insights.view";
    public const string Denied = "access.denied";

    public static string RoleName(StaffRole role) => role == StaffRole.Admin ? StaffRoles.Admin : StaffRoles.Specialist;
}

/// <summary>Role names as they appear in the sign-in cookie and authorization policies.</summary>
public static class StaffRoles
{
    public const string Specialist = "specialist";
    public const string Admin = "admin";
}

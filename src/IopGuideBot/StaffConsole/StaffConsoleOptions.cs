namespace IopGuideBot.StaffConsole;

/// <summary>Settings bound from the <c>StaffConsole</c> configuration section.</summary>
public sealed class StaffConsoleOptions
{
    public const string SectionName = "StaffConsole";

    /// <summary>A session ends after this long without a click or a page load (live updates do not count).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

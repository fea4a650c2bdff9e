namespace IopGuideBot.Tests.Support;

/// <summary>
/// A clock that runs at real speed from a chosen moment, so clinic hours decide what the bot promises while tokens,
/// timeouts and ordering behave as on a real clock.
/// </summary>
public sealed class ClinicClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>A Monday afternoon in the clinic's time zone (America/Chicago): the office is open.</summary>
    public static readonly DateTimeOffset OfficeHours = new(2026, 3, 16, 15, 0, 0, TimeSpan.FromHours(-5));

    /// <summary>A Sunday night: the office is closed.</summary>
    public static readonly DateTimeOffset Closed = new(2026, 3, 15, 23, 0, 0, TimeSpan.FromHours(-5));

    private readonly TimeSpan _offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;
}

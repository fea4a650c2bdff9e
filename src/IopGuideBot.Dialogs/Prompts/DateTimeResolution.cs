namespace IopGuideBot.Dialogs.Prompts;

/// <summary>One reading of a date or time the user gave (an ambiguous "at 3" has two).</summary>
public sealed class DateTimeResolution
{
    /// <summary>Gets or sets the TIMEX expression ("2025-03-17T15", "(2025-03-15T17,2025-03-15T23:59:59,PT6H)").</summary>
    public string? Timex { get; set; }

    /// <summary>Gets or sets the Recognizers type: date, time, datetime, daterange, timerange, datetimerange, duration, set.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the value of a point in time, in the clinic's local wall clock ("2025-03-17 15:00:00").</summary>
    public string? Value { get; set; }

    /// <summary>Gets or sets the start of a range, in the clinic's local wall clock.</summary>
    public string? Start { get; set; }

    /// <summary>Gets or sets the end of a range, in the clinic's local wall clock.</summary>
    public string? End { get; set; }

    /// <summary>Gets or sets the point in time (or the start of the range) with the clinic's UTC offset at that moment.</summary>
    public DateTimeOffset? Resolved { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {Timex} → {Resolved:O}";
}

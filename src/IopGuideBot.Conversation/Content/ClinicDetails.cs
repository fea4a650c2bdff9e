using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>Opening hours for one day, in the clinic's time zone.</summary>
public sealed record OpeningHours(TimeOnly Opens, TimeOnly Closes);

/// <summary><c>clinic.yaml</c>: who the clinic is and how to reach it; the values behind <c>{clinic.*}</c> placeholders.</summary>
public sealed class ClinicDetails
{
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string Address { get; init; }
    public required string Website { get; init; }
    public string? Email { get; init; }
    public required string TimeZoneId { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Every day of the week; null = closed.</summary>
    public required IReadOnlyDictionary<DayOfWeek, OpeningHours?> Hours { get; init; }

    public bool ShowCost { get; init; }
    public required string CostText { get; init; }
    public bool TelehealthOffered { get; init; }
    public required string TelehealthText { get; init; }

    /// <summary>True when the clinic is open at <paramref name="utcNow"/> (the handoff uses it to promise a wait or a callback).</summary>
    public bool IsOpen(DateTimeOffset utcNow)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, TimeZone);
        var hours = Hours[local.DayOfWeek];
        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours is not null && time >= hours.Opens && time < hours.Closes;
    }

    /// <summary>When the clinic closes today, in its time zone, if it is open at <paramref name="utcNow"/>; else null.</summary>
    public TimeOnly? ClosesAt(DateTimeOffset utcNow) =>
        IsOpen(utcNow) ? Hours[TimeZoneInfo.ConvertTime(utcNow, TimeZone).DayOfWeek]!.Closes : null;

    /// <summary>The next time the clinic opens after <paramref name="utcNow"/>, in its time zone (null when it never opens).</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset utcNow)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, TimeZone);
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            if (Hours[date.DayOfWeek] is { } hours && (day > 0 || TimeOnly.FromDateTime(local.DateTime) < hours.Opens))
            {
                var opening = date + hours.Opens.ToTimeSpan();
                return new DateTimeOffset(opening, TimeZone.GetUtcOffset(opening));
            }
        }

        return null;
    }

    /// <summary>"today at 8 AM", "tomorrow at 8 AM" or "Monday at 8 AM": a time in the clinic's zone, said from <paramref name="utcNow"/>.</summary>
    public string Describe(DateTimeOffset localTime, DateTimeOffset utcNow)
    {
        var today = TimeZoneInfo.ConvertTime(utcNow, TimeZone).Date;
        var day = (localTime.Date - today).Days switch
        {
            0 => "today",
            1 => "tomorrow",
            _ => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(localTime.DayOfWeek),
        };
        return $"{day} at {ClockTime(TimeOnly.FromDateTime(localTime.DateTime))}";
    }

    /// <summary>"8 AM", "5:30 PM".</summary>
    public static string ClockTime(TimeOnly time) => time.ToString(time.Minute == 0 ? "h tt" : "h:mm tt", CultureInfo.InvariantCulture);

    public IReadOnlyDictionary<string, string> PlaceholderValues() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["clinic.name"] = Name,
        ["clinic.phone"] = Phone,
        ["clinic.address"] = Address,
        ["clinic.website"] = Website,
        ["clinic.email"] = Email ?? Phone,
        ["clinic.hours"] = FormatHours(),
        ["clinic.time_zone"] = TimeZone.StandardName,
        ["clinic.cost"] = CostText.Trim(),
        ["clinic.telehealth"] = TelehealthText.Trim(),
    };

    /// <summary>"Monday–Thursday: 8:00 AM–8:00 PM" lines, grouping neighbouring days with the same hours.</summary>
    public string FormatHours()
    {
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var lines = new List<string>();
        var start = 0;
        while (start < week.Length)
        {
            var end = start;
            while (end + 1 < week.Length && Hours[week[end + 1]] == Hours[week[start]])
            {
                end++;
            }

            var days = start == end ? Day(week[start]) : $"{Day(week[start])}–{Day(week[end])}";
            var hours = Hours[week[start]];
            lines.Add(hours is null ? $"- {days}: closed" : $"- {days}: {Time(hours.Opens)}–{Time(hours.Closes)}");
            start = end + 1;
        }

        return string.Join("\n", lines);

        static string Day(DayOfWeek d) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d);
        static string Time(TimeOnly t) => t.ToString(t.Minute == 0 ? "h tt" : "h:mm tt", CultureInfo.InvariantCulture);
    }
}

public sealed class ClinicSection : ContentSection<ClinicDetails>
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public override string FileName => "clinic.yaml";

    protected override ClinicDetails? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, "clinic.yaml");
        if (map is null)
        {
            return null;
        }

        const string what = "clinic details";
        reader.AllowOnly(map, what, "name", "phone", "address", "website", "email", "time_zone", "hours", "cost", "telehealth");
        var name = reader.RequiredString(map, "name", what);
        var phone = reader.RequiredString(map, "phone", what);
        var address = reader.RequiredString(map, "address", what);
        var website = reader.RequiredString(map, "website", what);
        var email = reader.OptionalString(map, "email", what);
        var zoneId = reader.RequiredString(map, "time_zone", what);
        TimeZoneInfo? zone = null;
        if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Value, out zone))
        {
            reader.Error(zoneId.Line, $"unknown time_zone '{zoneId.Value}' (use an IANA name such as America/Chicago)");
        }

        var hours = ReadHours(map, reader);

        var (showCost, costText) = ReadFeature(map, reader, "cost", "show");
        var (telehealth, telehealthText) = ReadFeature(map, reader, "telehealth", "offered");

        if (name is null || phone is null || address is null || website is null || zone is null || hours is null || costText is null || telehealthText is null)
        {
            return null;
        }

        return new ClinicDetails
        {
            Name = name.Value.Trim(),
            Phone = phone.Value.Trim(),
            Address = address.Value.Trim(),
            Website = website.Value.Trim(),
            Email = email?.Value.Trim(),
            TimeZoneId = zoneId!.Value,
            TimeZone = zone,
            Hours = hours,
            ShowCost = showCost,
            CostText = costText,
            TelehealthOffered = telehealth,
            TelehealthText = telehealthText,
        };
    }

    private static Dictionary<DayOfWeek, OpeningHours?>? ReadHours(YamlMappingNode map, ContentReader reader)
    {
        var node = reader.Required(map, "hours", "clinic details");
        var hoursMap = node is null ? null : reader.AsMapping(node, "'hours'");
        if (hoursMap is null)
        {
            return null;
        }

        reader.AllowOnly(hoursMap, "hours", DayNames);
        var result = new Dictionary<DayOfWeek, OpeningHours?>();
        var ok = true;
        for (var i = 0; i < DayNames.Length; i++)
        {
            var day = (DayOfWeek)((i + 1) % 7);
            var text = reader.RequiredString(hoursMap, DayNames[i], "hours");
            if (text is null)
            {
                ok = false;
                continue;
            }

            var value = text.Value.Trim();
            if (value.Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                result[day] = null;
                continue;
            }

            var parts = value.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length == 2
                && TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                && TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                && opens < closes)
            {
                result[day] = new OpeningHours(opens, closes);
            }
            else
            {
                reader.Error(text.Line, $"hours for {DayNames[i]} must be 'closed' or like '08:00-17:30' (24-hour clock), not '{value}'");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private static (bool Enabled, string? Text) ReadFeature(YamlMappingNode map, ContentReader reader, string key, string flag)
    {
        var node = reader.Required(map, key, "clinic details");
        var feature = node is null ? null : reader.AsMapping(node, $"'{key}'");
        if (feature is null)
        {
            return (false, null);
        }

        reader.AllowOnly(feature, key, flag, "text");
        var enabled = reader.OptionalBool(feature, flag, key);
        if (enabled is null && reader.Optional(feature, flag) is null)
        {
            reader.Error(feature, $"missing required key '{flag}' in {key}");
        }

        var text = reader.RequiredString(feature, "text", key);
        return (enabled ?? false, text?.Value);
    }

    protected override void Validate(ClinicDetails model, ContentValidationContext context)
    {
        // Clinic values are substituted into other text; they must not contain placeholders themselves.
        foreach (var (name, value) in model.PlaceholderValues())
        {
            if (value.Contains('{', StringComparison.Ordinal))
            {
                context.Error(FileName, 1, $"the value behind {{{name}}} must not contain '{{'");
            }
        }
    }
}

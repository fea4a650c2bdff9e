using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Questions;

/// <summary>
/// When someone would like to be reached, as read from their words: which days, which part of the day, and after /
/// before which time, in the clinic's time zone. <see cref="ToString"/> is the short form staff see and the bot echoes:
/// "weekday evenings", "weekdays after 17:00", "tomorrow morning", "tuesday or thursday afternoons", "09:00-11:00", "anytime".
/// </summary>
public sealed record BestTime
{
    /// <summary>"today", "tomorrow", "weekdays", "weekends", day names joined by " or " ("tuesday or thursday"), or null for any day.</summary>
    public string? Days { get; init; }

    /// <summary>"morning", "afternoon", "evening", or null.</summary>
    public string? Part { get; init; }

    public TimeOnly? After { get; init; }

    public TimeOnly? Before { get; init; }

    /// <summary>A time of day without a range ("around 3").</summary>
    public TimeOnly? Around { get; init; }

    /// <summary>The person said any time suits them.</summary>
    public bool Anytime { get; init; }

    /// <summary>Whether the days repeat (weekdays, "mondays") rather than name one day (today, tomorrow, monday).</summary>
    public bool Recurring { get; init; }

    public bool IsEmpty => Days is null && Part is null && After is null && Before is null && Around is null && !Anytime;

    public override string ToString()
    {
        if (IsEmpty)
        {
            return string.Empty;
        }

        var words = new List<string>();
        var recurringParts = Days is null or "weekdays" or "weekends" || Recurring;
        if (Days is { } days)
        {
            words.Add(days switch
            {
                "weekdays" when Part is not null => "weekday",
                "weekends" when Part is not null => "weekend",
                _ when Recurring && Part is null && days is not ("weekdays" or "weekends") => Plural(days),
                _ => days,
            });
        }

        if (Part is { } part)
        {
            words.Add(recurringParts ? part + "s" : part);
        }

        if (After is { } after && Before is { } before)
        {
            words.Add($"{Clock(after)}-{Clock(before)}");
        }
        else if (After is { } onlyAfter)
        {
            words.Add("after " + Clock(onlyAfter));
        }
        else if (Before is { } onlyBefore)
        {
            words.Add("before " + Clock(onlyBefore));
        }
        else if (Around is { } around)
        {
            words.Add("around " + Clock(around));
        }

        return words.Count == 0 ? "anytime" : string.Join(' ', words);

        static string Plural(string days) => string.Join(" or ", days.Split(" or ").Select(d => d + "s"));
        static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}

/// <summary>Reads <see cref="BestTime"/> from free text ("weekdays after 5", "tmrw morning", "evenings after 7 work best").</summary>
public static partial class BestTimeReader
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly Dictionary<string, string> DayWords = new(StringComparer.Ordinal)
    {
        ["mon"] = "monday", ["monday"] = "monday", ["mondays"] = "monday",
        ["tue"] = "tuesday", ["tues"] = "tuesday", ["tuesday"] = "tuesday", ["tuesdays"] = "tuesday",
        ["wed"] = "wednesday", ["weds"] = "wednesday", ["wednesday"] = "wednesday", ["wednesdays"] = "wednesday",
        ["thu"] = "thursday", ["thur"] = "thursday", ["thurs"] = "thursday", ["thursday"] = "thursday", ["thursdays"] = "thursday",
        ["fri"] = "friday", ["friday"] = "friday", ["fridays"] = "friday",
        ["sat"] = "saturday", ["saturday"] = "saturday", ["saturdays"] = "saturday",
        ["sun"] = "sunday", ["sunday"] = "sunday", ["sundays"] = "sunday",
        ["lunes"] = "monday", ["martes"] = "tuesday", ["miercoles"] = "wednesday", ["miércoles"] = "wednesday",
        ["jueves"] = "thursday", ["viernes"] = "friday", ["sabado"] = "saturday", ["sábado"] = "saturday", ["domingo"] = "sunday",
        ["sabados"] = "saturday", ["sábados"] = "saturday", ["domingos"] = "sunday",
    };

    private static readonly HashSet<string> PluralDays = new(StringComparer.Ordinal)
    {
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "sabados", "sábados", "domingos",
    };

    /// <summary>Reads the text; an empty <see cref="BestTime"/> when nothing in it says when.</summary>
    public static BestTime Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new BestTime();
        }

        var t = Prepare(text);
        string? days = null;
        var recurring = false;
        string? part = null;
        TimeOnly? after = null, before = null, around = null;

        if (Weekdays().IsMatch(t))
        {
            days = "weekdays";
        }
        else if (Weekends().IsMatch(t))
        {
            days = "weekends";
        }
        else if (Tomorrow().IsMatch(t))
        {
            days = "tomorrow";
        }
        else if (Today().IsMatch(t))
        {
            days = "today";
        }

        if (days is null)
        {
            var named = new List<string>();
            foreach (Match m in DayToken().Matches(t))
            {
                var day = DayWords[m.Value];
                recurring |= PluralDays.Contains(m.Value) || Recurs().IsMatch(t);
                if (!named.Contains(day))
                {
                    named.Add(day);
                }
            }

            if (DayRange().Match(t) is { Success: true } range && named.Count == 2)
            {
                // "monday to thursday": every day between.
                var from = Array.IndexOf(DayNames, named[0]);
                var to = Array.IndexOf(DayNames, named[1]);
                if (to > from)
                {
                    named = [.. DayNames[from..(to + 1)]];
                    recurring = true;
                }
            }

            if (named.Count > 0)
            {
                days = string.Join(" or ", named.OrderBy(d => Array.IndexOf(DayNames, d)));
            }
        }

        if (Tonight().IsMatch(t))
        {
            days ??= "today";
            part = "evening";
        }
        else if (Morning().IsMatch(t))
        {
            part = "morning";
        }
        else if (Afternoon().IsMatch(t))
        {
            part = "afternoon";
        }
        else if (Evening().IsMatch(t))
        {
            part = "evening";
        }

        if (Lunch().IsMatch(t))
        {
            (after, before) = (new TimeOnly(12, 0), new TimeOnly(13, 0));
        }

        if (Between().Match(t) is { Success: true } between)
        {
            var start = Clock(between.Groups["a"].Value, between.Groups["am"].Value, part, null);
            var end = Clock(between.Groups["b"].Value, between.Groups["bm"].Value, part, start);
            if (start is not null && end is not null)
            {
                (after, before) = (start, end);
            }
        }
        else
        {
            if (After().Match(t) is { Success: true } a)
            {
                after = Clock(a.Groups["a"].Value, a.Groups["am"].Value, part, null);
            }

            if (Before().Match(t) is { Success: true } b)
            {
                before = Clock(b.Groups["a"].Value, b.Groups["am"].Value, part, after);
            }

            if (after is null && before is null && At().Match(t) is { Success: true } at)
            {
                around = Clock(at.Groups["a"].Value, at.Groups["am"].Value, part, null);
            }
        }

        if (AfterWork().IsMatch(t) && after is null && before is null)
        {
            // "after work, like 5:30": the time says when work ends.
            if (around is { } endOfWork)
            {
                (after, around) = (endOfWork.Hour < 12 ? endOfWork.AddHours(12) : endOfWork, null);
            }
            else
            {
                part ??= "evening";
            }
        }

        var anytime = Anytime().IsMatch(t) && days is null && part is null && after is null && before is null && around is null;
        return new BestTime { Days = days, Part = part, After = after, Before = before, Around = around, Anytime = anytime, Recurring = recurring };
    }

    /// <summary>Lower case, "5-7" as "5 to 7", "noon" as "12pm", so the patterns stay simple.</summary>
    private static string Prepare(string text)
    {
        var builder = new StringBuilder(" ");
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(c is '\u2013' or '\u2014' ? '-' : c);
        }

        var t = builder.Append(' ').ToString();
        t = DashRange().Replace(t, "$1 to $2");
        t = Noon().Replace(t, " 12pm ");
        t = t.Replace("a.m.", "am", StringComparison.Ordinal).Replace("p.m.", "pm", StringComparison.Ordinal);
        return WhiteSpace().Replace(t, " ");
    }

    /// <summary>A clock time; without am/pm, the part of the day decides, else 1–6 are afternoon and 7–11 morning.</summary>
    private static TimeOnly? Clock(string value, string meridiem, string? part, TimeOnly? earlier)
    {
        var pieces = value.Split([':', '.'], 2);
        if (!int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23)
        {
            return null;
        }

        var minute = 0;
        if (pieces.Length == 2 && (!int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59))
        {
            return null;
        }

        if (meridiem.StartsWith('p') && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem.StartsWith('a') && hour == 12)
        {
            hour = 0;
        }
        else if (meridiem.Length == 0 && hour <= 12)
        {
            var afternoon = part switch
            {
                "evening" or "afternoon" => hour < 12,
                "morning" => false,
                _ => earlier is { } e ? e.Hour >= 12 || hour < e.Hour : hour is >= 1 and <= 6,
            };
            if (afternoon && hour < 12)
            {
                hour += 12;
            }
        }

        return new TimeOnly(hour, minute);
    }

    private const string Time = @"(?<a>\d{1,2}(?:[:.]\d{2})?)\s*(?<am>am|pm|a|p)?(?![\w:])";

    [GeneratedRegex(@"\b(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)\s*-\s*(\d{1,2}(?:[:.]\d{2})?)", RegexOptions.CultureInvariant)]
    private static partial Regex DashRange();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\b(?:noon|midday|mid day)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Noon();

    [GeneratedRegex(@"\b(?:weekdays?|week days?|weeknights?|week nights?|during the week|work ?days?|mon(?:day)?\s*(?:to|through|thru|-)\s*fri(?:day)?|m\s*-\s*f|m to f|business days?|entre semana|de lunes a viernes)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Weekdays();

    [GeneratedRegex(@"\b(?:weekends?|week ends?|sat(?:urday)?s?\s*(?:or|and|/|&)\s*sun(?:day)?s?|fines? de semana)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Weekends();

    [GeneratedRegex(@"\b(?:tomorrow|tmrw|tmr|tomoro|tomorow|tommorow|tommorrow|tmw)\b|(?<!\b(?:la|las|por|en|de)\s)\bmañana\b(?!s)", RegexOptions.CultureInvariant)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(?:today|tonight|tonite|this (?:morning|afternoon|evening)|later today|right now|asap|hoy|esta noche|esta tarde)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Today();

    [GeneratedRegex(@"\b(?:tonight|tonite|esta noche)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Tonight();

    [GeneratedRegex(@"\b(?:mon|monday|mondays|tue|tues|tuesday|tuesdays|wed|weds|wednesday|wednesdays|thu|thur|thurs|thursday|thursdays|fri|friday|fridays|sat|saturday|saturdays|sun|sunday|sundays|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayToken();

    [GeneratedRegex(@"\b(?:to|through|thru|until|-)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayRange();

    [GeneratedRegex(@"\b(?:every|each|usually|most|any)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Recurs();

    [GeneratedRegex(@"\b(?:mornings?|morn|am|a\.m|first thing|(?:por|en) la mañana|mañanas)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Morning();

    [GeneratedRegex(@"\b(?:afternoons?|arvo|after lunch|(?:por|en) la tarde|tardes)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Afternoon();

    [GeneratedRegex(@"\b(?:evenings?|nights?|weeknights?|week nights?|eve|after dinner|(?:por|en) la noche|noches)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Evening();

    [GeneratedRegex(@"\b(?:lunch ?time|lunch ?break|over lunch|at lunch|lunch)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Lunch();

    [GeneratedRegex(@"\bafter work\b", RegexOptions.CultureInvariant)]
    private static partial Regex AfterWork();

    [GeneratedRegex(@"\b(?:between|from)\s+(?<a>\d{1,2}(?:[:.]\d{2})?)\s*(?<am>am|pm|a|p)?\s+(?:and|to|till|til|until)\s+(?<b>\d{1,2}(?:[:.]\d{2})?)\s*(?<bm>am|pm|a|p)?\b|\b(?<a>\d{1,2}(?:[:.]\d{2})?)\s*(?<am>am|pm)?\s+to\s+(?<b>\d{1,2}(?:[:.]\d{2})?)\s*(?<bm>am|pm)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    [GeneratedRegex(@"\b(?:after|past|from|later than|anytime after|any time after|despu[eé]s de(?: las?)?|a partir de(?: las?)?)\s+" + Time + @"|\b" + Time + @"\s*(?:or later|onwards?|and later|or after|\+)", RegexOptions.CultureInvariant)]
    private static partial Regex After();

    [GeneratedRegex(@"\b(?:before|by|until|till|til|no later than|earlier than|antes de(?: las?)?)\s+" + Time, RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    [GeneratedRegex(@"\b(?:at|around|about|round|like)\s+" + Time + @"|\b(?<a>\d{1,2}(?:[:.]\d{2})?)\s*(?<am>am|pm)\b", RegexOptions.CultureInvariant)]
    private static partial Regex At();

    [GeneratedRegex(@"\b(?:any ?time|whenever|doesnt matter|does not matter|doesn't matter|no preference|all day|any day|whatever works|flexible|24/7|either|cuando sea|a cualquier hora)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Anytime();
}

using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Recognizers.Text.DateTime;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// Asks for a date or time ("tomorrow after 5pm", "next Monday at 3"), resolved against the current time in the
/// clinic's <see cref="TimeZone"/>. The result lists every reading, the likeliest first: for an hour without am/pm the
/// one inside <see cref="BusinessHoursStart"/>–<see cref="BusinessHoursEnd"/> wins, so "at 3" is 15:00.
/// </summary>
public class DateTimePrompt : Prompt<IList<DateTimeResolution>>
{
    /// <summary>Initializes a new instance of the <see cref="DateTimePrompt"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator (in the future, within opening hours...).</param>
    /// <param name="defaultLocale">The culture used when the activity has no locale.</param>
    public DateTimePrompt(string dialogId, PromptValidator<IList<DateTimeResolution>>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator)
    {
        DefaultLocale = defaultLocale;
    }

    /// <summary>Gets or sets the culture used when the activity has no locale.</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>Gets or sets the clinic's time zone, in which "tomorrow" and "5pm" are meant. Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Gets or sets the clock ("now" is the reference time); tests pass a fixed one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the earliest hour preferred for an ambiguous time. Default 7.</summary>
    public int BusinessHoursStart { get; set; } = 7;

    /// <summary>Gets or sets the hour before which an ambiguous time is preferred. Default 21.</summary>
    public int BusinessHoursEnd { get; set; } = 21;

    /// <summary>Recognises dates and times in a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="culture">A Recognizers.Text culture.</param>
    /// <param name="now">The reference time.</param>
    /// <param name="timeZone">The zone the user means.</param>
    /// <param name="businessHoursStart">See <see cref="BusinessHoursStart"/>.</param>
    /// <param name="businessHoursEnd">See <see cref="BusinessHoursEnd"/>.</param>
    /// <returns>Every reading, likeliest first; empty when none.</returns>
    public static IList<DateTimeResolution> Recognize(string? text, string? culture, DateTimeOffset now, TimeZoneInfo timeZone, int businessHoursStart = 7, int businessHoursEnd = 21)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // The recognizer works on a zone-less wall clock, so give it the clinic's.
        var localNow = TimeZoneInfo.ConvertTime(now, timeZone).DateTime;
        var resolutions = new List<DateTimeResolution>();
        foreach (var result in DateTimeRecognizer.RecognizeDateTime(text, PromptCulture.Resolve(culture, null), DateTimeOptions.None, localNow))
        {
            if (!result.Resolution.TryGetValue("values", out var raw) || raw is not IEnumerable<Dictionary<string, string>> values)
            {
                continue;
            }

            foreach (var value in values)
            {
                var resolution = new DateTimeResolution
                {
                    Timex = value.GetValueOrDefault("timex"),
                    Type = value.GetValueOrDefault("type"),
                    Value = value.GetValueOrDefault("value"),
                    Start = value.GetValueOrDefault("start"),
                    End = value.GetValueOrDefault("end"),
                };
                resolution.Resolved = ToOffset(resolution.Value ?? resolution.Start, localNow, timeZone);
                resolutions.Add(resolution);
            }
        }

        // Stable sort: business-hours readings first, otherwise the recognizer's order.
        return [.. resolutions.OrderBy(r => r.Resolved is { } at && at.Hour >= businessHoursStart && at.Hour < businessHoursEnd ? 0 : 1)];
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<IList<DateTimeResolution>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var text = activity.Type == ActivityTypes.Message ? activity.Text : null;
        var culture = PromptCulture.Resolve(activity.Locale, DefaultLocale);
        var resolutions = Recognize(text, culture, TimeProvider.GetUtcNow(), TimeZone, BusinessHoursStart, BusinessHoursEnd);
        return Task.FromResult(resolutions.Count > 0
            ? PromptRecognizerResult<IList<DateTimeResolution>>.Success(resolutions)
            : PromptRecognizerResult<IList<DateTimeResolution>>.Failure());
    }

    private static DateTimeOffset? ToOffset(string? local, DateTime localNow, TimeZoneInfo timeZone)
    {
        if (local is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];
        DateTime wallClock;
        if (DateTime.TryParseExact(local, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            wallClock = parsed;
        }
        else if (TimeSpan.TryParseExact(local, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var timeOfDay))
        {
            // A bare time ("at 5pm") means today.
            wallClock = localNow.Date + timeOfDay;
        }
        else
        {
            return null;
        }

        return new DateTimeOffset(wallClock, timeZone.GetUtcOffset(wallClock));
    }
}

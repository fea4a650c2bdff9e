using IopGuideBot.Dialogs.Prompts;

namespace IopGuideBot.Dialogs.Tests;

public class DateTimePromptTests
{
    // Friday 14 March 2025, 10:00 in Chicago (CDT, UTC-5).
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public async Task ResolvesTomorrowAfterFivePmInTheClinicZone()
    {
        var prompt = new DateTimePrompt("p") { TimeZone = Chicago, TimeProvider = new FixedTimeProvider(Now) };
        var harness = PromptScenario.Create(prompt, format: Format);

        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("tomorrow after 5pm").AssertReply("got datetimerange 2025-03-15T17:00:00.0000000-05:00")
            .StartTestAsync();
    }

    [Fact]
    public void NextMondayAtThreeMeansTheAfternoonFirst()
    {
        var readings = DateTimePrompt.Recognize("next Monday at 3", "en-us", Now, Chicago);

        Assert.Equal(2, readings.Count);
        Assert.Equal("2025-03-17T15", readings[0].Timex);
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 15, 0, 0, TimeSpan.FromHours(-5)), readings[0].Resolved);
        Assert.Equal("2025-03-17T03", readings[1].Timex);
    }

    [Fact]
    public void TheZoneDecidesWhatTomorrowIs()
    {
        // 03:00 UTC on the 15th is still the 14th in Chicago.
        var lateEvening = new DateTimeOffset(2025, 3, 15, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal("2025-03-15", DateTimePrompt.Recognize("tomorrow", "en-us", lateEvening, Chicago)[0].Timex);
        Assert.Equal("2025-03-16", DateTimePrompt.Recognize("tomorrow", "en-us", lateEvening, TimeZoneInfo.Utc)[0].Timex);
    }

    [Fact]
    public async Task ReasksWhenThereIsNoDate()
    {
        var harness = PromptScenario.Create(new DateTimePrompt("p") { TimeZone = Chicago, TimeProvider = new FixedTimeProvider(Now) }, format: Format);
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("whenever").AssertReply("retry?")
            .StartTestAsync();
    }

    private static string Format(object? result)
    {
        var first = ((IList<DateTimeResolution>)result!)[0];
        return $"{first.Type} {first.Resolved:O}";
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

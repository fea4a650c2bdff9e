using System.Diagnostics;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;

namespace IopGuideBot.Dialogs;

/// <summary>
/// Runs every recognizer once so the first user does not pay for it: Recognizers.Text builds and compiles its regular
/// expressions on first use per culture, which takes seconds on a small machine.
/// </summary>
public static class RecognizerWarmup
{
    /// <summary>Warms the recognizers for the given cultures (English and Spanish when none are given).</summary>
    /// <param name="cultures">Recognizers.Text cultures or locales ("en-us", "es-es").</param>
    /// <returns>How long it took.</returns>
    public static TimeSpan Run(params string[] cultures)
    {
        var stopwatch = Stopwatch.StartNew();
        if (cultures is null || cultures.Length == 0)
        {
            cultures = ["en-us", "es-es"];
        }

        IList<Choice> choices = [new("Yes"), new("No"), new("Maybe")];
        foreach (var culture in cultures.Select(c => PromptCulture.Resolve(c, null)).Distinct())
        {
            _ = NumberPrompt<int>.RecognizeNumber("three times a week", culture);
            _ = ChoiceRecognizer.Recognize("the second one", choices, culture);
            _ = DateTimePrompt.Recognize("tomorrow after 5pm", culture, DateTimeOffset.UtcNow, TimeZoneInfo.Utc);
        }

        _ = PhonePrompt.RecognizePhone("(555) 201-3344");
        _ = EmailPrompt.RecognizeEmail("someone@example.org");
        _ = YesNoLexicon.Recognize("yes");
        return stopwatch.Elapsed;
    }

    /// <summary>Warms the recognizers on the thread pool, for a host's start-up.</summary>
    /// <param name="cancellationToken">Cancels before the work starts.</param>
    /// <param name="cultures">Recognizers.Text cultures or locales.</param>
    /// <returns>How long it took.</returns>
    public static Task<TimeSpan> RunAsync(CancellationToken cancellationToken = default, params string[] cultures) =>
        Task.Run(() => Run(cultures), cancellationToken);
}

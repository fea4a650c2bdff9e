using System.Diagnostics;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// The first call of each recognizer in a fresh process, which BenchmarkDotNet's warm runs hide: this is what the
/// first user pays without <see cref="RecognizerWarmup"/>.
/// </summary>
internal static class ColdStart
{
    public static void Run()
    {
        var now = DateTimeOffset.UtcNow;
        IList<Choice> choices = [new("Alcohol"), new("Opioids"), new("Cannabis")];
        Measure("Number", () => NumberPrompt<int>.RecognizeNumber("three times a week", "en-us"));
        Measure("DateTime", () => DateTimePrompt.Recognize("tomorrow after 5pm", "en-us", now, TimeZoneInfo.Utc));
        Measure("Phone", () => PhonePrompt.RecognizePhone("(555) 201-3344"));
        Measure("Email", () => EmailPrompt.RecognizeEmail("ana@example.org"));
        Measure("Choice (ordinal)", () => ChoiceRecognizer.Recognize("the second one", choices, "en-us"));
        Measure("Number es-es", () => NumberPrompt<int>.RecognizeNumber("tres veces", "es-es"));
        var warmup = RecognizerWarmup.Run();
        Console.WriteLine($"RecognizerWarmup.Run() after the above (en-us + es-es): {warmup.TotalMilliseconds:F0} ms");
    }

    private static void Measure(string name, Func<object?> call)
    {
        var first = Stopwatch.StartNew();
        call();
        first.Stop();
        var second = Stopwatch.StartNew();
        call();
        second.Stop();
        Console.WriteLine($"{name,-18} first call {first.Elapsed.TotalMilliseconds,8:F1} ms, second call {second.Elapsed.TotalMilliseconds,8:F3} ms");
    }
}

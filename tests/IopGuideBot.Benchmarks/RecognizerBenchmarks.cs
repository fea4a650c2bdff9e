using BenchmarkDotNet.Attributes;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;

namespace IopGuideBot.Benchmarks;

/// <summary>Each recognizer, warm.</summary>
[MemoryDiagnoser]
public class RecognizerBenchmarks
{
    private static readonly IList<Choice> Choices =
        [new("Alcohol", "drinking", "booze"), new("Opioids", "heroin", "pills"), new("Cannabis", "weed"), new("Stimulants", "meth")];

    private static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [GlobalSetup]
    public void Setup() => RecognizerWarmup.Run("en-us");

    [Benchmark]
    public decimal? Number() => NumberPrompt<int>.RecognizeNumber("three times a week", "en-us");

    [Benchmark]
    public int DateTime() => DateTimePrompt.Recognize("tomorrow after 5pm", "en-us", Now, Chicago).Count;

    [Benchmark]
    public string? Phone() => PhonePrompt.RecognizePhone("(555) 201-3344");

    [Benchmark]
    public string? Email() => EmailPrompt.RecognizeEmail("ana.lopez@example.org");

    [Benchmark]
    public FoundChoice? ChoiceExact() => ChoiceRecognizer.Recognize("weed", Choices, "en-us");

    [Benchmark]
    public FoundChoice? ChoiceOrdinal() => ChoiceRecognizer.Recognize("the second one", Choices, "en-us");

    [Benchmark]
    public FoundChoice? ChoicePartial() => ChoiceRecognizer.Recognize("mostly drinking on weekends", Choices, "en-us");

    [Benchmark]
    public bool? YesNo() => YesNoLexicon.Recognize("not really, no thanks");
}

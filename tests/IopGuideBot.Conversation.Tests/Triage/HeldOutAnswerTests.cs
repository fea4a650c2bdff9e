using System.Globalization;
using System.Reflection;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.Dialogs.Choices;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Triage;

/// <summary>
/// Runs every line of <c>answers-heldout-r1.tsv</c> (free-text answers to each question, written blind by someone who
/// never saw the recognizers) through the recognition the questionnaire uses, and reports accuracy per question.
/// </summary>
public sealed class HeldOutAnswerTests(ITestOutputHelper output)
{
    private static readonly Lazy<ClinicContent> Content = new(() => ContentLoader.Load(ContentPaths.Content));

    [Fact]
    public void Landed_recognition_on_the_held_out_answers()
    {
        var triage = Content.Value.Section<TriageContent>();
        var questions = triage.Questions.Concat(triage.Contact).ToDictionary(q => q.Id);
        var dialogType = typeof(TriageDialog);
        var dialog = new TriageDialog(Content.Value, new RecordingResultSink());
        var recognize = dialogType.GetMethod("Recognize", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var isSkip = dialogType.GetMethod("IsSkip", BindingFlags.NonPublic | BindingFlags.Static)!;
        var isBack = dialogType.GetMethod("IsBack", BindingFlags.NonPublic | BindingFlags.Static)!;

        Reading Read(string questionId, string text)
        {
            if (questionId == "start_offer")
            {
                return YesNoLexicon.Recognize(text) is { } yes ? Reading.Of(yes ? "yes" : "no") : Reading.Miss;
            }

            if (!questions.TryGetValue(questionId, out var question))
            {
                return Reading.Miss;
            }

            if ((bool)isSkip.Invoke(null, [text])!)
            {
                return new Reading(ReadingKind.Skip, null);
            }

            if ((bool)isBack.Invoke(null, [text])!)
            {
                return new Reading(ReadingKind.Back, null);
            }

            var (answer, _) = ((TriageAnswer?, string?))recognize.Invoke(dialog, [question, text.Trim()])!;
            if (answer is null)
            {
                return Reading.Miss;
            }

            return question.Kind switch
            {
                TriageQuestionKind.Number => Reading.Of(answer.Number?.ToString(CultureInfo.InvariantCulture)),
                TriageQuestionKind.Phone => Reading.Of(answer.Text),
                TriageQuestionKind.DateTime => Reading.Miss, // kept as typed, never interpreted
                _ => Reading.Of(string.Join('+', answer.Values)),
            };
        }

        Report(Read);
    }

    private void Report(Func<string, string, Reading> read)
    {
        var rows = HeldOutAnswers.Load();
        var byQuestion = new SortedDictionary<string, (int Right, int Total, int WrongValue)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var reading = read(row.QuestionId, row.Text);
            var right = HeldOutAnswers.Matches(row.QuestionId, row.Expected, reading);
            var wrongValue = !right && reading.Kind == ReadingKind.Value;
            var (r, t, w) = byQuestion.GetValueOrDefault(row.QuestionId);
            byQuestion[row.QuestionId] = (r + (right ? 1 : 0), t + 1, w + (wrongValue ? 1 : 0));
            if (!right)
            {
                output.WriteLine($"{(wrongValue ? "WRONG" : "MISS ")} line {row.Line} {row.QuestionId}: expected {row.Expected}, got {reading}");
            }
        }

        foreach (var (question, (right, total, wrong)) in byQuestion)
        {
            output.WriteLine($"{question,-20} {right,3}/{total,-3} {(double)right / total,7:P1}   wrong values {wrong}");
        }

        var all = byQuestion.Values.Sum(v => v.Right);
        var count = byQuestion.Values.Sum(v => v.Total);
        output.WriteLine($"{"ALL",-20} {all,3}/{count,-3} {(double)all / count,7:P1}   wrong values {byQuestion.Values.Sum(v => v.WrongValue)}");
    }
}

internal enum ReadingKind { Value, Unsure, Skip, Back, Ambiguous, Miss }

internal sealed record Reading(ReadingKind Kind, string? Value)
{
    public static Reading Miss { get; } = new(ReadingKind.Miss, null);

    public static Reading Of(string? value) => value is null ? Miss : new Reading(ReadingKind.Value, value);

    public override string ToString() => Kind == ReadingKind.Value ? Value! : Kind.ToString().ToLowerInvariant();
}

/// <summary>The held-out file and how a reading is compared with its expected value.</summary>
internal static class HeldOutAnswers
{
    public static List<(string QuestionId, string Expected, string Text, int Line)> Load()
    {
        var rows = new List<(string, string, string, int)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Triage", "answers-heldout-r1.tsv")))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            rows.Add((parts[0], parts[1], parts[2], lineNumber));
        }

        return rows;
    }

    public static bool Matches(string questionId, string expected, Reading reading)
    {
        switch (expected)
        {
            case "skip":
                return reading.Kind == ReadingKind.Skip;
            case "back":
                return reading.Kind == ReadingKind.Back;
            case "ambiguous":
                return reading.Kind == ReadingKind.Ambiguous;
            case "unsure":
                // The schedule question has its own "not sure" choice, which is the same answer.
                return reading.Kind == ReadingKind.Unsure || (questionId == "schedule" && reading.Value == "unsure");
        }

        if (reading.Kind != ReadingKind.Value || reading.Value is null)
        {
            return false;
        }

        return questionId switch
        {
            "substances" => expected.Split('+').Order(StringComparer.Ordinal).SequenceEqual(reading.Value.Split('+').Order(StringComparer.Ordinal)),
            "phone" => new string([.. reading.Value.Where(char.IsAsciiDigit)]).EndsWith(expected, StringComparison.Ordinal),
            _ => string.Equals(expected, reading.Value, StringComparison.Ordinal),
        };
    }
}

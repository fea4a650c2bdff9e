using System.Globalization;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Conversation.Triage;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Triage;

/// <summary>
/// Runs every line of <c>answers-heldout-r1.tsv</c> (free-text answers to each question, written blind by someone who
/// never saw the recognizers) through the prompt every guided question uses (<see cref="QuestionPrompt"/>, over Bot
/// Builder's TestAdapter): it asks the question, sends the answer, and reads what happened the way a person would see it
/// — the answer recorded, a skip, a step back, the offer to skip ("not sure"), asking back ("did you mean…"), or a retry.
/// Prints accuracy per question and every miss, and holds the recognizers to the figures recorded in the file's header.
/// </summary>
public sealed class HeldOutAnswerTests(ITestOutputHelper output)
{
    private static readonly Lazy<ClinicContent> Content = new(() => ContentLoader.Load(ContentPaths.Content));

    [Theory]
    // The figures recorded in each file's header.
    [InlineData("answers-heldout-r1.tsv", 336, 1)]
    [InlineData("answers-heldout-r2.tsv", 305, 15)]
    public async Task Answers_in_peoples_own_words_are_read_as_their_writer_meant(string file, int minimumRight, int maximumWrongValues)
    {
        var content = Content.Value;
        var triage = content.Section<TriageContent>();
        var callback = content.Section<CallbackContent>();
        var startOffer = TriageDialog.StartOfferQuestion(triage);
        GuidedQuestion? Find(string id) => id == startOffer.Id ? startOffer : triage.Question(id) ?? callback.Question(id);

        // A fixed clock: "tomorrow" and ages from birth years mean the same on every run.
        var reader = new AnswerReader(content.Section<AnswersContent>(), new FixedClock(new DateTimeOffset(2026, 3, 16, 15, 0, 0, TimeSpan.FromHours(-5))));
        var replies = new QuestionReplies(content);
        var prompt = new QuestionPrompt("prompt", reader, replies, Find);

        var rows = HeldOutAnswers.Load(file);
        var byQuestion = new SortedDictionary<string, (int Right, int Total, int WrongValue)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var question = Find(row.QuestionId) ?? throw new InvalidOperationException($"line {row.Line}: no question '{row.QuestionId}'");
            var reading = await AskAsync(prompt, replies, question, row.Text);
            var right = HeldOutAnswers.Matches(row.QuestionId, row.Expected, reading);
            var wrongValue = !right && reading.Kind == ReadingOutcome.Value;
            var (r, t, w) = byQuestion.GetValueOrDefault(row.QuestionId);
            byQuestion[row.QuestionId] = (r + (right ? 1 : 0), t + 1, w + (wrongValue ? 1 : 0));
            if (!right)
            {
                output.WriteLine($"{(wrongValue ? "WRONG" : "MISS ")} line {row.Line} {row.QuestionId}: expected {row.Expected}, got {reading}");
            }
        }

        foreach (var (id, (right, total, wrong)) in byQuestion)
        {
            output.WriteLine($"{id,-20} {right,3}/{total,-3} {(double)right / total,7:P1}   wrong values {wrong}");
        }

        var all = byQuestion.Values.Sum(v => v.Right);
        var count = byQuestion.Values.Sum(v => v.Total);
        var accuracy = (double)all / count;
        output.WriteLine($"{"ALL",-20} {all,3}/{count,-3} {accuracy,7:P1}   wrong values {byQuestion.Values.Sum(v => v.WrongValue)}");

        // The figure recorded in the file's header: reading people's words must not get worse than this.
        Assert.True(all >= minimumRight, $"{file}: {all}/{count} read as meant; at least {minimumRight} expected");
        Assert.True(byQuestion.Values.Sum(v => v.WrongValue) <= maximumWrongValues, $"{file}: {byQuestion.Values.Sum(v => v.WrongValue)} values recorded wrong; at most {maximumWrongValues} allowed");
    }

    /// <summary>Asks <paramref name="question"/> with the real prompt, answers with <paramref name="text"/>, and reads the outcome.</summary>
    private static async Task<Reading> AskAsync(QuestionPrompt prompt, QuestionReplies replies, GuidedQuestion question, string text)
    {
        object? result = null;
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            async (step, ct) => await step.PromptAsync(prompt.Id, prompt.For(question, replies.Ask(question, "question", InquiryFor.Self), InquiryFor.Self, allowBack: true), ct),
            async (step, ct) => { result = step.Result ?? "null"; return await step.EndDialogAsync(null, ct); },
        ]));
        root.AddDialog(prompt);

        var adapter = new TestAdapter();
        var state = new ConversationState(new MemoryStorage());
        var accessor = state.CreateProperty<DialogState>("DialogState");
        var seen = new List<string?>();
        async Task TurnAsync(ITurnContext turn, CancellationToken ct)
        {
            await root.RunAsync(turn, accessor, ct);
            await state.SaveChangesAsync(turn, false, ct);
        }

        await adapter.SendTextToBotAsync("start", TurnAsync, CancellationToken.None);
        while (adapter.GetNextReply() is not null)
        {
        }

        await adapter.SendTextToBotAsync(text, TurnAsync, CancellationToken.None);
        while (adapter.GetNextReply() is IActivity reply)
        {
            seen.Add(Replies.ContentIdOf(reply));
        }

        return result switch
        {
            QuestionAnswer { Skipped: true } => new Reading(ReadingOutcome.Skip, null),
            QuestionAnswer answer => new Reading(ReadingOutcome.Value, ValueOf(question, answer)),
            PromptNavigation { Kind: PromptNavigationKind.Skip } => new Reading(ReadingOutcome.Skip, null),
            PromptNavigation { Kind: PromptNavigationKind.Back } => new Reading(ReadingOutcome.Back, null),
            null when seen.Contains(AnswersContent.AskBack) => new Reading(ReadingOutcome.Ambiguous, null),

            // "Skip" heard on a question the flow needs: recognised, answered with why it is needed.
            null when seen.Contains(AnswersContent.CannotSkip) => new Reading(ReadingOutcome.Skip, null),
            null when seen.Contains(AnswersContent.SkipOffer) || seen.Any(id => id?.StartsWith("unsure:", StringComparison.Ordinal) == true) || seen.Contains(AnswersContent.UnsureCannotSkip)
                => new Reading(ReadingOutcome.Unsure, null),
            _ => new Reading(ReadingOutcome.Miss, string.Join(",", seen)),
        };
    }

    private static string? ValueOf(GuidedQuestion question, QuestionAnswer answer) => question.Kind switch
    {
        QuestionKind.Number => answer.Number?.ToString(CultureInfo.InvariantCulture),
        QuestionKind.Phone => answer.Text,
        QuestionKind.Time => answer.Interpreted ? answer.Text : "typed:" + answer.Text,
        QuestionKind.ContactMethod => answer.Values.FirstOrDefault() == "they_call" ? "self" : answer.Values.FirstOrDefault(),
        _ => string.Join('+', answer.Values),
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}

internal enum ReadingOutcome { Value, Unsure, Skip, Back, Ambiguous, Miss }

internal sealed record Reading(ReadingOutcome Kind, string? Value)
{
    public override string ToString() => Kind == ReadingOutcome.Value ? Value! : Value is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()} ({Value})";
}

/// <summary>The held-out file and how a reading is compared with its expected value.</summary>
internal static class HeldOutAnswers
{
    public static List<(string QuestionId, string Expected, string Text, int Line)> Load(string file = "answers-heldout-r1.tsv")
    {
        var rows = new List<(string, string, string, int)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Triage", file)))
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
                return reading.Kind == ReadingOutcome.Skip;
            case "back":
                return reading.Kind == ReadingOutcome.Back;
            case "ambiguous":
                return reading.Kind == ReadingOutcome.Ambiguous;
            case "unsure":
                // The schedule question has its own "not sure" choice, which is the same answer.
                return reading.Kind == ReadingOutcome.Unsure || (questionId == "schedule" && reading.Value == "unsure");
        }

        if (reading.Kind != ReadingOutcome.Value || reading.Value is null)
        {
            return false;
        }

        return questionId switch
        {
            "substances" => expected.Split('+').Order(StringComparer.Ordinal).SequenceEqual(reading.Value.Split('+').Order(StringComparer.Ordinal)),
            "phone" => new string([.. reading.Value.Where(char.IsAsciiDigit)]).EndsWith(expected, StringComparison.Ordinal),
            "best_time" => SameTime(expected, reading.Value),
            _ => string.Equals(expected, reading.Value, StringComparison.Ordinal),
        };
    }

    /// <summary>Two best times are the same when they name the same days, part of day and times (plural or not).</summary>
    private static bool SameTime(string expected, string read)
    {
        if (read.StartsWith("typed:", StringComparison.Ordinal))
        {
            return false;
        }

        static string Key(BestTime t) => $"{t.Days}|{t.Part}|{t.After}|{t.Before}|{t.Around}|{t.Anytime}";
        return Key(BestTimeReader.Read(expected)) == Key(BestTimeReader.Read(read));
    }
}

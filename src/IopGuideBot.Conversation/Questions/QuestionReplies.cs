using System.Text;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Questions;

/// <summary>
/// Builds what guided conversations say around a question: the question itself with its buttons (worded about a loved
/// one on the family path), the retry and skip offer, asking back, and the echo of an interpreted answer.
/// </summary>
public sealed class QuestionReplies(ClinicContent content)
{
    public ClinicContent Content { get; } = content;

    public AnswersContent Answers => Content.Section<AnswersContent>();

    /// <summary>A message from <c>answers.yaml</c>, with flow placeholders (<c>{answer}</c>, <c>{options}</c>, <c>{limit}</c>) filled.</summary>
    public Activity Message(string key, params (string Name, string Value)[] values)
    {
        var message = Answers[key];
        return Replies.Create(Content, key, Fill(message.Text.Value, values), message.Actions);
    }

    /// <summary>The question with its buttons: choices or yes/no, then "skip" when it may be skipped, then any extra ones.</summary>
    public Activity Ask(GuidedQuestion question, string contentId, InquiryFor forWhom, params string[] extraButtons)
    {
        ArgumentNullException.ThrowIfNull(question);
        var activity = Replies.Create(Content, contentId, question.TextFor(forWhom).Value, variant: Variant(forWhom));
        return WithButtons(activity, [.. Buttons(question), .. extraButtons]);
    }

    /// <summary>Asks again after an answer that could not be read: the question's own retry, else the shared one.</summary>
    public Activity Retry(GuidedQuestion question, InquiryFor forWhom)
    {
        ArgumentNullException.ThrowIfNull(question);
        var key = question.Skippable ? AnswersContent.Retry : AnswersContent.RetryCannotSkip;
        var activity = question.Retry is { } own
            ? Replies.Create(Content, $"retry:{question.Id}", own.Value, variant: Variant(forWhom))
            : Message(key);
        var actions = activity.SuggestedActions?.Actions.Select(a => a.Title) ?? [];
        return WithButtons(activity, [.. Buttons(question), .. actions]);
    }

    /// <summary>When the person is unsure and the question cannot be skipped: no pressure, and another way to answer.</summary>
    public Activity Unsure(GuidedQuestion question, InquiryFor forWhom)
    {
        ArgumentNullException.ThrowIfNull(question);
        var activity = question.Retry is { } own
            ? Replies.Create(Content, $"unsure:{question.Id}", own.Value, variant: Variant(forWhom))
            : Message(AnswersContent.UnsureCannotSkip);
        var actions = activity.SuggestedActions?.Actions.Select(a => a.Title) ?? [];
        return WithButtons(activity, [.. Buttons(question), .. actions]);
    }

    /// <summary>"Skip" asked of a question the flow needs: why it matters, and a person as the other way.</summary>
    public Activity CannotSkip(GuidedQuestion question)
    {
        var activity = Message(AnswersContent.CannotSkip);
        var actions = activity.SuggestedActions?.Actions.Select(a => a.Title) ?? [];
        return WithButtons(activity, [.. Buttons(question), .. actions]);
    }

    public Activity SkipOffer(GuidedQuestion question) => WithButtons(Message(AnswersContent.SkipOffer), [.. Buttons(question)]);

    /// <summary>"Just to check: did you mean weekly or daily?" with a button for each reading.</summary>
    public Activity AskBack(IReadOnlyList<string> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var or = Answers[AnswersContent.Or].Text.Value;
        var options = readings.Count <= 1
            ? string.Concat(readings)
            : $"{string.Join(", ", readings.Take(readings.Count - 1))} {or} {readings[^1]}";
        return WithButtons(Message(AnswersContent.AskBack, ("options", Escape(options))), [.. readings]);
    }

    /// <summary>"Noted: weekly." — how an answer in the person's own words was read.</summary>
    public Activity Noted(string description) => Message(AnswersContent.Noted, ("answer", Escape(description)));

    public string ChangeButton => Answers[AnswersContent.ButtonChange].Text.Value;

    public IEnumerable<string> Buttons(GuidedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        IEnumerable<string> buttons = question.Kind switch
        {
            QuestionKind.YesNo or QuestionKind.Offer or QuestionKind.Age => [Answers[AnswersContent.ButtonYes].Text.Value, Answers[AnswersContent.ButtonNo].Text.Value],
            QuestionKind.Choice or QuestionKind.Multi or QuestionKind.Frequency or QuestionKind.ContactMethod => question.Choices.Select(c => c.Label),
            _ => [],
        };
        return question.Skippable ? buttons.Append(Answers[AnswersContent.ButtonSkip].Text.Value) : buttons;
    }

    public static string Variant(InquiryFor forWhom) => forWhom == InquiryFor.FamilyMember ? "family" : "self";

    /// <summary>Fills <c>{name}</c> placeholders the flow owns; the clinic's are filled when the message is built.</summary>
    public static string Fill(string text, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>What a person typed, made inert before it is shown inside a Markdown message.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '(' or ')' or '#' or '<' or '>' or '|' or '~' or '{' or '}' or '!')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static Activity WithButtons(Activity activity, IReadOnlyCollection<string> labels)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(labels);
        var distinct = labels.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.Ordinal).ToList();
        activity.SuggestedActions = distinct.Count == 0
            ? null
            : new SuggestedActions { Actions = [.. distinct.Select(l => new CardAction(ActionTypes.ImBack, l, value: l))] };
        return activity;
    }
}

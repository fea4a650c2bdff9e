using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Questions;

/// <summary>How a question's answer is read (see <see cref="AnswerReader"/>).</summary>
public enum QuestionKind
{
    /// <summary>Yes or no, also inside a sentence ("he did detox once").</summary>
    YesNo,

    /// <summary>Yes or no to something the bot offers ("Shall we start?"): only words of acceptance or refusal count.</summary>
    Offer,

    /// <summary>One of the choices.</summary>
    Choice,

    /// <summary>Any number of the choices ("mostly beer, some weed"); something else is kept as typed.</summary>
    Multi,

    /// <summary>How often, on the choices' scale; counts per period are read ("3 or 4 times a week").</summary>
    Frequency,

    /// <summary>A whole number from min to max ("like a 7", "8/10").</summary>
    Number,

    /// <summary>Yes or no to "at least <c>min</c> years old", also from an age ("I'm 34", "hes 19", "16").</summary>
    Age,

    /// <summary>A short text, such as a first name.</summary>
    Text,

    /// <summary>A phone number (E.164).</summary>
    Phone,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>When to reach someone ("weekday evenings", "tomorrow after 5").</summary>
    Time,

    /// <summary>How to reach someone: one of the choices, or read from a number or address typed instead.</summary>
    ContactMethod,
}

/// <summary>
/// One choice of a question. <paramref name="FromTimesAYear"/>: on a frequency scale, the least uses a year it stands for.
/// <paramref name="Beats"/>: choices it wins over when an answer names both ("day or evening, doesn't matter" is either).
/// <paramref name="WhenNegated"/>: the choice an answer means when it negates this one ("not managed" means worrying).
/// </summary>
public sealed record QuestionChoice(string Id, string Label, IReadOnlyList<string> Synonyms, int? FromTimesAYear = null, IReadOnlyList<string>? Beats = null, string? WhenNegated = null);

/// <summary>Words that could mean any of several choices ("some anxiety": managed, or worrying?); the answer is asked back.</summary>
public sealed record AskBack(IReadOnlyList<string> Phrases, IReadOnlyList<string> Between);

/// <summary>A number read from words ("completely" → 10 on a readiness scale).</summary>
public sealed record NumberWords(int Value, IReadOnlyList<string> Phrases);

/// <summary>
/// One question of a guided conversation, from content (<c>triage.yaml</c>, <c>callback.yaml</c>): its wording for the
/// person themselves and, optionally, for a family member; how the answer is read; and whether it may be skipped.
/// </summary>
public sealed record GuidedQuestion
{
    public required string Id { get; init; }

    public required QuestionKind Kind { get; init; }

    public required Located<string> Text { get; init; }

    /// <summary>Worded about the loved one; <see cref="Text"/> when null.</summary>
    public Located<string>? TextFamily { get; init; }

    public IReadOnlyList<QuestionChoice> Choices { get; init; } = [];

    public bool Skippable { get; init; } = true;

    public int? Min { get; init; }

    public int? Max { get; init; }

    /// <summary>Extra words that mean yes or no to this question ("please don't mention the clinic" → no).</summary>
    public IReadOnlyList<string> YesPhrases { get; init; } = [];

    public IReadOnlyList<string> NoPhrases { get; init; } = [];

    /// <summary>What a yes or a no is echoed as ("18 or older"); the yes/no button labels when null.</summary>
    public string? YesLabel { get; init; }

    public string? NoLabel { get; init; }

    public IReadOnlyList<AskBack> AskBack { get; init; } = [];

    public IReadOnlyList<NumberWords> NumberWords { get; init; } = [];

    /// <summary>Said after an answer that could not be read; the shared retry wording when null.</summary>
    public Located<string>? Retry { get; init; }

    public int Line { get; init; }

    public Located<string> TextFor(Handoff.InquiryFor forWhom) =>
        forWhom == Handoff.InquiryFor.FamilyMember && TextFamily is not null ? TextFamily : Text;

    public QuestionChoice? Choice(string id) => Choices.FirstOrDefault(c => c.Id == id);
}

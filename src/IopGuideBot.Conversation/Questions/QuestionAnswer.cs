namespace IopGuideBot.Conversation.Questions;

/// <summary>
/// One recorded answer. <see cref="Values"/> holds choice ids ("yes"/"no" for a yes/no question, one or more for
/// choices); <see cref="Number"/> a number (an age, a 0–10 rating); <see cref="Text"/> what the answer is when it is text
/// (a name, a phone number in E.164, a time as read, something typed that no choice covers).
/// </summary>
public sealed class QuestionAnswer
{
    public string QuestionId { get; set; } = string.Empty;

    public bool Skipped { get; set; }

    public List<string> Values { get; set; } = [];

    public int? Number { get; set; }

    public string? Text { get; set; }

    /// <summary>Read from the person's own words rather than a button, so the bot says how it read it, with a way to change it.</summary>
    public bool Interpreted { get; set; }

    public static QuestionAnswer Skip(string questionId) => new() { QuestionId = questionId, Skipped = true };

    public bool Is(string value) => !Skipped && Values.Contains(value, StringComparer.Ordinal);

    public override string ToString() => Skipped ? $"{QuestionId}: skipped" : $"{QuestionId}: {string.Join('+', Values)} {Number} {Text}".TrimEnd();
}

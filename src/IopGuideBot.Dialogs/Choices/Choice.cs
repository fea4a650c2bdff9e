using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Choices;

/// <summary>One option of a <c>ChoicePrompt</c>.</summary>
public sealed class Choice
{
    /// <summary>Initializes a new instance of the <see cref="Choice"/> class.</summary>
    public Choice()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="Choice"/> class.</summary>
    /// <param name="value">The value returned when chosen, also shown to the user unless <see cref="Action"/> says otherwise.</param>
    /// <param name="synonyms">Other words that pick it.</param>
    public Choice(string value, params IEnumerable<string> synonyms)
    {
        Value = value;
        Synonyms = [.. synonyms];
    }

    /// <summary>Gets or sets the value returned when chosen.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Gets or sets other words and phrases that pick this choice.</summary>
    public IList<string>? Synonyms { get; set; }

    /// <summary>Gets or sets the suggested action to render for it (its title is also matched); null renders an imBack of <see cref="Value"/>.</summary>
    public CardAction? Action { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Value;
}

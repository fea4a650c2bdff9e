using IopGuideBot.Dialogs.Choices;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>What a prompt asks and how it retries. Persisted with the prompt's state.</summary>
public sealed class PromptOptions
{
    /// <summary>Gets or sets the question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Gets or sets what to say when the answer was not understood; <see cref="Prompt"/> is repeated when null.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>Gets or sets the choices of a <c>ChoicePrompt</c>.</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>Gets or sets extra data for a custom validator (it is persisted as JSON, so keep it simple).</summary>
    public object? Validations { get; set; }

    /// <summary>Gets or sets how many answers the user may give before the prompt ends with <see cref="PromptAttemptsExhausted"/>; the prompt's default when null.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Gets or sets how choices are shown; the prompt's <c>Style</c> when null.</summary>
    public ListStyle? Style { get; set; }
}

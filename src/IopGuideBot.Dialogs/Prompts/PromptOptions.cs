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

    /// <summary>
    /// Gets or sets what to ask when the prompt is asked again after an interruption (a side question, help, a safety
    /// check); <see cref="Prompt"/> when null. An offer usually sets a short form here, or an empty activity to wait
    /// silently.
    /// </summary>
    public Activity? ResumePrompt { get; set; }

    /// <summary>Gets or sets a value indicating whether the user may skip the question (the prompt then ends with <see cref="PromptNavigation.Skip"/>).</summary>
    public bool AllowSkip { get; set; }

    /// <summary>Gets or sets a value indicating whether the user may go back (the prompt then ends with <see cref="PromptNavigation.Back"/>).</summary>
    public bool AllowBack { get; set; }

    /// <summary>
    /// Gets or sets what to say, when <see cref="AllowSkip"/>, once the user is unsure or has missed
    /// <see cref="SkipOfferAfter"/> times; <see cref="RetryPrompt"/> when null. After it, a plain "yes" / "ok" that is
    /// not an answer skips.
    /// </summary>
    public Activity? SkipOffer { get; set; }

    /// <summary>
    /// Gets or sets what to say when the user asks to skip a question that cannot be skipped; <see cref="RetryPrompt"/>
    /// when null.
    /// </summary>
    public Activity? CannotSkipPrompt { get; set; }

    /// <summary>
    /// Gets or sets what to say when the user is unsure and the question cannot be skipped; <see cref="RetryPrompt"/>
    /// when null.
    /// </summary>
    public Activity? UnsurePrompt { get; set; }

    /// <summary>Gets or sets after how many answers the prompt could not accept it offers to skip. Default 2.</summary>
    public int SkipOfferAfter { get; set; } = 2;

    /// <summary>The options of a waiting prompt, to see what it asks (for example from an interruption handler).</summary>
    /// <param name="instance">A prompt's instance on the stack.</param>
    /// <returns>Its options, or null when the instance is not a prompt's.</returns>
    public static PromptOptions? Of(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State.GetValue<PromptOptions>("options");
    }
}

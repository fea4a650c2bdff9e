namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// The result of a prompt that gave up after <see cref="PromptOptions.MaxAttempts"/> answers it could not accept.
/// The next step checks <c>stepContext.Result is PromptAttemptsExhausted</c> and, for example, offers a person.
/// </summary>
public sealed class PromptAttemptsExhausted
{
    private PromptAttemptsExhausted()
    {
    }

    /// <summary>Gets the single instance.</summary>
    public static PromptAttemptsExhausted Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => nameof(PromptAttemptsExhausted);
}

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// Decides whether a prompt accepts the answer. Called even when recognition failed (check
/// <c>ctx.Recognized.Succeeded</c>). A validator may send its own message; the prompt then does not send its retry prompt.
/// </summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
/// <param name="promptContext">The recognised value, attempt count and options.</param>
/// <param name="cancellationToken">Cancels the operation.</param>
/// <returns>True to accept.</returns>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

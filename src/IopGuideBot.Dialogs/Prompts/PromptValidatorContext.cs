using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> gets to decide with.</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object> state, PromptOptions options, int attemptCount)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
    }

    /// <summary>Gets the turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>Gets what the prompt recognised.</summary>
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>Gets the prompt's persisted state.</summary>
    public IDictionary<string, object> State { get; }

    /// <summary>Gets the prompt's options.</summary>
    public PromptOptions Options { get; }

    /// <summary>Gets how many answers the user has given to this prompt, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; }
}

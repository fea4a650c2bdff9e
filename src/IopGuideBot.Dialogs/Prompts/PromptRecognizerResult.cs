namespace IopGuideBot.Dialogs.Prompts;

/// <summary>What a prompt recognised in the user's answer.</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public sealed class PromptRecognizerResult<T>
{
    /// <summary>Gets or sets a value indicating whether a value was recognised.</summary>
    public bool Succeeded { get; set; }

    /// <summary>Gets or sets the recognised value.</summary>
    public T? Value { get; set; }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    /// <summary>Creates a failed result.</summary>
    /// <returns>The result.</returns>
    public static PromptRecognizerResult<T> Failure() => new();
}

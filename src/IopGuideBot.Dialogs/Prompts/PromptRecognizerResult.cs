namespace IopGuideBot.Dialogs.Prompts;

/// <summary>What a prompt recognised in the user's answer.</summary>
/// <typeparam name="T">The prompt's value type.</typeparam>
public sealed class PromptRecognizerResult<T>
{
    /// <summary>Gets or sets a value indicating whether a value was recognised.</summary>
    public bool Succeeded { get; set; }

    /// <summary>Gets or sets the recognised value.</summary>
    public T? Value { get; set; }

    /// <summary>Gets or sets the readings an ambiguous answer could have; the prompt then asks which one was meant.</summary>
    public IReadOnlyList<T>? Candidates { get; set; }

    /// <summary>Gets or sets a value indicating whether the answer says the person doesn't know (the prompt then offers to skip).</summary>
    public bool IsUnsure { get; set; }

    /// <summary>Gets a value indicating whether the answer could mean more than one thing.</summary>
    public bool IsAmbiguous => !Succeeded && Candidates is { Count: > 1 };

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    /// <summary>Creates the result of an answer that could mean any of <paramref name="candidates"/> (two or more).</summary>
    /// <param name="candidates">The possible readings, in the order to offer them.</param>
    /// <returns>The result.</returns>
    public static PromptRecognizerResult<T> Ambiguous(IEnumerable<T> candidates) => new() { Candidates = [.. candidates] };

    /// <summary>Creates the result of an answer that says the person doesn't know ("probably not sure", "maybe").</summary>
    /// <returns>The result.</returns>
    public static PromptRecognizerResult<T> Unsure() => new() { IsUnsure = true };

    /// <summary>Creates a failed result.</summary>
    /// <returns>The result.</returns>
    public static PromptRecognizerResult<T> Failure() => new();
}

namespace IopGuideBot.Conversation.Content;

/// <summary>One problem found in a content file: where it is (file relative to the content folder, 1-based line) and what is wrong.</summary>
public sealed record ContentError(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

/// <summary>Thrown at start-up when the content folder has problems; carries every problem found, not only the first.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentError> errors)
        : base(BuildMessage(errors)) => Errors = errors;

    public ContentValidationException()
        : this([]) { }

    public ContentValidationException(string message)
        : base(message) => Errors = [];

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<ContentError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ContentError> errors) =>
        errors.Count == 0
            ? "Content is invalid."
            : $"Content has {errors.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors);
}

namespace IopGuideBot.Conversation.Content;

/// <summary>The staff command <c>validate-content</c>: checks a content folder and prints what is wrong, file:line: problem.</summary>
public static class ContentValidationCommand
{
    /// <returns>0 when the content is valid, 1 when it is not.</returns>
    public static int Run(string directory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (content, errors) = ContentLoader.TryLoad(directory);
        if (content is null)
        {
            foreach (var error in errors)
            {
                output.WriteLine(error.ToString());
            }

            output.WriteLine($"content has {errors.Count} problem(s) in {Path.GetFullPath(directory)}");
            return 1;
        }

        var examples = content.Topics.All.Sum(t => t.Examples.Count);
        output.WriteLine(
            $"content OK: {content.Topics.Count} topics, {content.Messages.Count} messages, {content.Commands.All.Count} commands, " +
            $"{examples} example phrasings, {content.CareComparison.Rows.Count} comparison rows ({content.Directory})");
        return 0;
    }
}

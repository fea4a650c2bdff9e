namespace IopGuideBot.Conversation;

/// <summary>Options bound to the <c>Content</c> configuration section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    public const string DefaultFolderName = "dialogs-content";

    /// <summary>The content folder. Empty: the nearest <c>dialogs-content</c> folder at or above the app's folder or the current directory.</summary>
    public string? Directory { get; set; }

    public string ResolveDirectory()
    {
        if (!string.IsNullOrWhiteSpace(Directory))
        {
            return Path.GetFullPath(Directory);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultFolderName);
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No '{DefaultFolderName}' folder was found above {AppContext.BaseDirectory}; set {SectionName}:{nameof(Directory)}.");
    }
}

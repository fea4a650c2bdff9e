namespace IopGuideBot.Conversation.Tests;

internal static class ContentPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "dialogs-content")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("dialogs-content not found above the test output folder.");
    });

    public static string Content => Path.Combine(Root.Value, "dialogs-content");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Hosting;

/// <summary>
/// <c>dotnet run --project src/IopGuideBot -- validate-content [directory]</c>: the start-up content check, for staff
/// who edit <c>dialogs-content/</c>, without starting the service.
/// </summary>
public static class ContentCommands
{
    public const string ValidateContent = "validate-content";

    public static bool IsCommand(string[] args) => args is [ValidateContent, ..];

    public static int Run(string[] args, IConfiguration configuration)
    {
        var options = configuration.GetSection(ContentOptions.SectionName).Get<ContentOptions>() ?? new ContentOptions();
        if (args is [_, var directory, ..])
        {
            options.Directory = directory;
        }

        try
        {
            return ContentValidationCommand.Run(options.ResolveDirectory(), Console.Out);
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}

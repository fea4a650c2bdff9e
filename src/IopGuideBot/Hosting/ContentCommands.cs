using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Hosting;

/// <summary>
/// Commands that run instead of the service:
/// <list type="bullet">
/// <item><c>dotnet run --project src/IopGuideBot -- validate-content [directory]</c>: the start-up content check, for staff
/// who edit <c>dialogs-content/</c>.</item>
/// <item><c>dotnet run --project src/IopGuideBot -c Release -- train-crisis-model</c>: retrains the crisis signal's model
/// from its training corpus and writes it into the source tree (run from the repository, then rebuild and commit).</item>
/// </list>
/// </summary>
public static class ContentCommands
{
    public const string ValidateContent = "validate-content";
    public const string TrainCrisisModel = "train-crisis-model";

    public static bool IsCommand(string[] args) => args is [ValidateContent or TrainCrisisModel, ..];

    public static int Run(string[] args, IConfiguration configuration)
    {
        if (args is [TrainCrisisModel, ..])
        {
            using var embeddings = new SentenceEmbeddings();
            CrisisSemanticTrainer.TrainFromRepository(CrisisTrainingCorpus.FindRepositoryRoot(Environment.CurrentDirectory), embeddings, Console.Out);
            return 0;
        }

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

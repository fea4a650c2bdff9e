using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>
/// Something a person can ask for by button or by typing one of its phrases. Global commands (help, menu, person, cancel,
/// bot) interrupt anything, including a question in progress; the others only act from the main conversation.
/// <see cref="Phrases"/> are matched exactly (as whole words); <see cref="Examples"/> are other ways people ask, which the
/// bot learns like a topic's examples and acts on only from the main conversation, when it is sure.
/// </summary>
public sealed record Command(string Id, Located<string> Label, IReadOnlyList<Located<string>> Phrases, bool Global, int Line)
{
    public IReadOnlyList<Located<string>> Examples { get; init; } = [];
}

public sealed class CommandCatalog(IReadOnlyDictionary<string, Command> commands)
{
    public IReadOnlyDictionary<string, Command> All { get; } = commands;

    public Command this[string id] =>
        All.TryGetValue(id, out var command) ? command : throw new KeyNotFoundException($"No command '{id}' in commands.yaml.");
}

public sealed class CommandsSection : ContentSection<CommandCatalog>
{
    public override string FileName => "commands.yaml";

    protected override CommandCatalog? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, "commands.yaml");
        if (map is null)
        {
            return null;
        }

        var commands = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var id = reader.AsString(keyNode, "a command id");
            var entry = reader.AsMapping(value, $"command '{id}'");
            if (id is null || entry is null)
            {
                continue;
            }

            var what = $"command '{id}'";
            reader.AllowOnly(entry, what, "label", "phrases", "global", "examples");
            var label = reader.RequiredString(entry, "label", what);
            var phrases = reader.StringList(entry, "phrases", what, required: true);
            var global = reader.OptionalBool(entry, "global", what) ?? false;
            var examples = reader.StringList(entry, "examples", what, required: false);
            if (label is not null)
            {
                commands[id] = new Command(id, label, phrases, global, ContentReader.LineOf(keyNode)) { Examples = examples };
            }
        }

        return new CommandCatalog(commands);
    }

    protected override void Validate(CommandCatalog model, ContentValidationContext context)
    {
        foreach (var id in CommandIds.Required)
        {
            if (!model.All.ContainsKey(id))
            {
                context.Error(FileName, 1, $"missing required command '{id}'");
            }
        }

        foreach (var command in model.All.Values)
        {
            context.CheckPlaceholders(FileName, command.Label);
        }
    }
}

/// <summary>The command ids the bot's flow acts on.</summary>
public static class CommandIds
{
    public const string Help = "help";
    public const string Menu = "menu";
    public const string Person = "person";
    public const string Cancel = "cancel";
    public const string Bot = "bot";
    public const string Callback = "callback";
    public const string TriageSelf = "triage-self";
    public const string TriageFamily = "triage-family";

    /// <summary>Go on with what was paused (the questions wait after a crisis message until the person asks for this).</summary>
    public const string Resume = "resume";

    /// <summary>Ends a live chat with a specialist and returns to the assistant.</summary>
    public const string EndChat = "end-chat";

    public static IReadOnlyList<string> Required { get; } = [Help, Menu, Person, Cancel, Bot, Callback, TriageSelf, TriageFamily, Resume, EndChat];
}

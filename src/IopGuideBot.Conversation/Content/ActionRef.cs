namespace IopGuideBot.Conversation.Content;

public enum ActionKind
{
    Topic,
    Command,
}

/// <summary>A button that content offers: <c>topic:ID</c> (answer a topic) or <c>command:ID</c> (see <c>commands.yaml</c>).</summary>
public sealed record ActionRef(ActionKind Kind, string Id, int Line)
{
    public override string ToString() => $"{(Kind == ActionKind.Topic ? "topic" : "command")}:{Id}";

    internal static IReadOnlyList<ActionRef> ReadList(ContentReader reader, YamlDotNet.RepresentationModel.YamlMappingNode map, string key, string what)
    {
        var list = new List<ActionRef>();
        foreach (var item in reader.StringList(map, key, what, required: false))
        {
            var text = item.Value.Trim();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var kind = colon < 0 ? "" : text[..colon];
            var id = colon < 0 ? "" : text[(colon + 1)..].Trim();
            if (kind is not ("topic" or "command") || id.Length == 0)
            {
                reader.Error(item.Line, $"'{text}' in '{key}' of {what} must look like topic:<topic id> or command:<command id>");
                continue;
            }

            list.Add(new ActionRef(kind == "topic" ? ActionKind.Topic : ActionKind.Command, id, item.Line));
        }

        return list;
    }
}

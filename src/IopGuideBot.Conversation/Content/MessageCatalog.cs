using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>One bot message: text with placeholders and the buttons offered with it.</summary>
public sealed record Message(string Key, Located<string> Text, IReadOnlyList<ActionRef> Actions);

/// <summary><c>messages.yaml</c>: every fixed thing the bot says, by key.</summary>
public sealed class MessageCatalog(IReadOnlyDictionary<string, Message> messages)
{
    public IReadOnlyDictionary<string, Message> All { get; } = messages;

    public int Count => All.Count;

    public Message this[string key] =>
        All.TryGetValue(key, out var message) ? message : throw new KeyNotFoundException($"No message '{key}' in messages.yaml.");

    public bool Contains(string key) => All.ContainsKey(key);
}

public sealed class MessagesSection : ContentSection<MessageCatalog>
{
    public override string FileName => "messages.yaml";

    protected override MessageCatalog? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, "messages.yaml");
        return map is null ? null : new MessageCatalog(ContentMessages.ReadMap(map, reader));
    }

    protected override void Validate(MessageCatalog model, ContentValidationContext context)
    {
        foreach (var key in MessageKeys.Required)
        {
            if (!model.Contains(key))
            {
                context.Error(FileName, 1, $"missing required message '{key}'");
            }
        }

        ContentMessages.Validate(FileName, model.All.Values, context);
    }
}

/// <summary>Reads and checks a <c>key: text | { text, actions }</c> map, the messages.yaml format, inside another file.</summary>
internal static class ContentMessages
{
    public static Dictionary<string, Message> ReadMap(YamlMappingNode map, ContentReader reader)
    {
        var messages = new Dictionary<string, Message>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = reader.AsString(keyNode, "a message key");
            if (key is null)
            {
                continue;
            }

            var what = $"message '{key}'";
            var entry = value as YamlMappingNode ?? new YamlMappingNode { { "text", value } };
            reader.AllowOnly(entry, what, "text", "actions");
            var text = reader.RequiredString(entry, "text", what);
            var actions = ActionRef.ReadList(reader, entry, "actions", what);
            if (text is not null)
            {
                messages[key] = new Message(key, text, actions);
            }
        }

        return messages;
    }

    /// <summary>Placeholders and buttons; <paramref name="ownPlaceholders"/> are filled by the flow (e.g. <c>{answer}</c>).</summary>
    public static void Validate(string file, IEnumerable<Message> messages, ContentValidationContext context, params string[] ownPlaceholders)
    {
        foreach (var message in messages)
        {
            var text = message.Text;
            foreach (var own in ownPlaceholders)
            {
                text = text with { Value = text.Value.Replace("{" + own + "}", own, StringComparison.Ordinal) };
            }

            context.CheckPlaceholders(file, text);
            foreach (var action in message.Actions)
            {
                context.CheckAction(file, action);
            }
        }
    }
}

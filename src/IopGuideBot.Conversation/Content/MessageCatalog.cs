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
        if (map is null)
        {
            return null;
        }

        var messages = new Dictionary<string, Message>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = reader.AsString(keyNode, "a message key");
            if (key is null)
            {
                continue;
            }

            var what = $"message '{key}'";
            if (value is YamlScalarNode)
            {
                var holder = new YamlMappingNode { { "text", value } };
                var text = reader.RequiredString(holder, "text", what);
                if (text is not null)
                {
                    messages[key] = new Message(key, text, []);
                }

                continue;
            }

            var entry = reader.AsMapping(value, what);
            if (entry is null)
            {
                continue;
            }

            reader.AllowOnly(entry, what, "text", "actions");
            var body = reader.RequiredString(entry, "text", what);
            var actions = ActionRef.ReadList(reader, entry, "actions", what);
            if (body is not null)
            {
                messages[key] = new Message(key, body, actions);
            }
        }

        return new MessageCatalog(messages);
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

        foreach (var message in model.All.Values)
        {
            context.CheckPlaceholders(FileName, message.Text);
            foreach (var action in message.Actions)
            {
                context.CheckAction(FileName, action);
            }
        }
    }
}

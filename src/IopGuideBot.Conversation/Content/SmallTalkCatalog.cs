using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>
/// Something people say that is not a question about the program (hello, thanks, goodbye, "we talked yesterday"), the
/// bot's short reply to it (content id <c>smalltalk.&lt;id&gt;</c>), and example phrasings it learns it from.
/// </summary>
/// <param name="BeforeSending">
/// The reply's wording for someone who has sent the team nothing in this conversation (<c>text_before_sending</c>,
/// <c>actions_before_sending</c>); same content id. Only "what happens now?" has one.
/// </param>
public sealed record SmallTalk(string Id, Message Reply, IReadOnlyList<Located<string>> Examples, int Line, Message? BeforeSending = null);

/// <summary><c>smalltalk.yaml</c>, by id.</summary>
public sealed class SmallTalkCatalog(IReadOnlyDictionary<string, SmallTalk> entries)
{
    public const string ContentIdPrefix = "smalltalk.";

    public IReadOnlyDictionary<string, SmallTalk> All { get; } = entries;

    public SmallTalk this[string id] =>
        All.TryGetValue(id, out var entry) ? entry : throw new KeyNotFoundException($"No small talk '{id}' in smalltalk.yaml.");
}

/// <summary>The small-talk ids the bot's flow relies on.</summary>
public static class SmallTalkIds
{
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    public const string PastChat = "past-chat";

    /// <summary>"What happens now?": answered from what the person last sent us, or (nothing sent in this chat) with what happens if they sent it earlier and how to start.</summary>
    public const string WhatNext = "what-next";

    /// <summary>
    /// A question about something else (weather, homework): the honest "I can only help with the program". Optional;
    /// evaluations count it as the fallback it is, right for an off-topic question and never a confident wrong answer.
    /// </summary>
    public const string OffTopic = "off-topic";

    public static IReadOnlyList<string> Required { get; } = [Greeting, Thanks, Goodbye, PastChat, WhatNext];
}

public sealed class SmallTalkSection : ContentSection<SmallTalkCatalog>
{
    public override string FileName => "smalltalk.yaml";

    protected override SmallTalkCatalog? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, FileName);
        if (map is null)
        {
            return null;
        }

        var entries = new Dictionary<string, SmallTalk>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var id = reader.AsString(keyNode, "a small-talk id");
            var entry = reader.AsMapping(value, $"small talk '{id}'");
            if (id is null || entry is null)
            {
                continue;
            }

            var what = $"small talk '{id}'";
            reader.AllowOnly(entry, what, "text", "actions", "examples", "text_before_sending", "actions_before_sending");
            var text = reader.RequiredString(entry, "text", what);
            var actions = ActionRef.ReadList(reader, entry, "actions", what);
            var contentId = SmallTalkCatalog.ContentIdPrefix + id;
            var textBeforeSending = reader.OptionalString(entry, "text_before_sending", what);
            var beforeSending = textBeforeSending is null
                ? null
                : new Message(contentId, textBeforeSending, ActionRef.ReadList(reader, entry, "actions_before_sending", what));
            var examples = reader.StringList(entry, "examples", what, required: true);
            if (examples.Count is > 0 and < TopicsSection.MinimumExamples)
            {
                reader.Error(entry, $"{what} has {examples.Count} examples; it needs at least {TopicsSection.MinimumExamples} so the bot can recognise it");
            }

            if (text is not null)
            {
                entries[id] = new SmallTalk(id, new Message(contentId, text, actions), examples, ContentReader.LineOf(keyNode), beforeSending);
            }
        }

        return new SmallTalkCatalog(entries);
    }

    protected override void Validate(SmallTalkCatalog model, ContentValidationContext context)
    {
        foreach (var id in SmallTalkIds.Required.Where(id => !model.All.ContainsKey(id)))
        {
            context.Error(FileName, 1, $"missing required small talk '{id}'");
        }

        ContentMessages.Validate(FileName, model.All.Values.SelectMany(e => e.BeforeSending is null ? [e.Reply] : new[] { e.Reply, e.BeforeSending }), context);
    }
}

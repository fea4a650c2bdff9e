using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Content;

/// <summary>
/// One thing the bot can explain. <see cref="Label"/> is its button text (a click arrives as that text);
/// <see cref="Examples"/> are the phrasings the classifier learns it from.
/// </summary>
public sealed record Topic
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Located<string> Label { get; init; }
    public required Located<string> Answer { get; init; }

    /// <summary>The answer worded for a family member asking about their loved one; null when <see cref="Answer"/> fits both.</summary>
    public Located<string>? AnswerFamily { get; init; }

    /// <summary>Who mostly asks about this topic; family topics are preferred for unclear questions about a loved one.</summary>
    public TopicAudience Audience { get; init; }

    /// <summary>A clinic feature the answer depends on (<c>cost</c> or <c>telehealth</c>); when it is off, <see cref="AnswerIfUnavailable"/> is used.</summary>
    public string? Requires { get; init; }
    public Located<string>? AnswerIfUnavailable { get; init; }

    /// <summary>A rich block shown after the answer; today only <c>care-comparison</c>.</summary>
    public string? Show { get; init; }
    public required IReadOnlyList<ActionRef> FollowUps { get; init; }
    public required IReadOnlyList<Located<string>> Examples { get; init; }
    public required int Line { get; init; }
}

/// <summary>Who mostly asks about a topic.</summary>
public enum TopicAudience
{
    /// <summary>The person themselves or a family member.</summary>
    Anyone,

    /// <summary>Mainly family members and friends asking about a loved one.</summary>
    Family,
}

public sealed class TopicCatalog(IReadOnlyList<Topic> topics)
{
    private readonly Dictionary<string, Topic> _byId = topics.GroupBy(t => t.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyList<Topic> All { get; } = topics;

    public int Count => _byId.Count;

    public Topic this[string id] =>
        _byId.TryGetValue(id, out var topic) ? topic : throw new KeyNotFoundException($"No topic '{id}' in topics.yaml.");

    public bool TryGet(string id, out Topic topic) => _byId.TryGetValue(id, out topic!);
}

public sealed class TopicsSection : ContentSection<TopicCatalog>
{
    /// <summary>Fewer phrasings than this and the bot cannot learn a topic reliably, in both the person's and a family member's words.</summary>
    public const int MinimumExamples = 12;

    public static IReadOnlyList<string> Features { get; } = ["cost", "telehealth"];

    public static IReadOnlyList<string> Blocks { get; } = ["care-comparison"];

    public override string FileName => "topics.yaml";

    protected override TopicCatalog? Read(YamlNode root, ContentReader reader)
    {
        var list = reader.AsSequence(root, "topics.yaml (a list of topics)");
        if (list is null)
        {
            return null;
        }

        var topics = new List<Topic>();
        foreach (var node in list.Children)
        {
            var map = reader.AsMapping(node, "a topic");
            if (map is null)
            {
                continue;
            }

            var idText = reader.RequiredString(map, "id", "a topic");
            var what = idText is null ? "a topic" : $"topic '{idText.Value}'";
            reader.AllowOnly(map, what, "id", "title", "label", "answer", "answer_file", "answer_family", "audience", "requires", "answer_if_unavailable", "show", "follow_ups", "examples");
            var title = reader.RequiredString(map, "title", what);
            var label = reader.OptionalString(map, "label", what) ?? title;
            var answer = ReadAnswer(map, reader, what);
            var answerFamily = reader.OptionalString(map, "answer_family", what);
            var audience = TopicAudience.Anyone;
            if (reader.OptionalString(map, "audience", what) is { } audienceText)
            {
                if (audienceText.Value.Trim() == "family")
                {
                    audience = TopicAudience.Family;
                }
                else
                {
                    reader.Error(audienceText.Line, $"'audience' in {what} must be 'family' (or left out)");
                }
            }

            var requires = reader.OptionalString(map, "requires", what);
            if (requires is not null && !Features.Contains(requires.Value))
            {
                reader.Error(requires.Line, $"'requires' in {what} must be one of: {string.Join(", ", Features)}");
            }

            var unavailable = reader.OptionalString(map, "answer_if_unavailable", what);
            if (requires is not null && unavailable is null)
            {
                reader.Error(map, $"missing required key 'answer_if_unavailable' in {what} (it has 'requires')");
            }

            var show = reader.OptionalString(map, "show", what);
            if (show is not null && !Blocks.Contains(show.Value))
            {
                reader.Error(show.Line, $"'show' in {what} must be one of: {string.Join(", ", Blocks)}");
            }

            var followUps = ActionRef.ReadList(reader, map, "follow_ups", what);
            var examples = reader.StringList(map, "examples", what, required: true);
            if (examples.Count is > 0 and < MinimumExamples)
            {
                reader.Error(map, $"{what} has {examples.Count} examples; it needs at least {MinimumExamples} so the bot can recognise it");
            }

            if (idText is null || title is null || label is null || answer is null)
            {
                continue;
            }

            topics.Add(new Topic
            {
                Id = idText.Value.Trim(),
                Title = title.Value.Trim(),
                Label = label with { Value = label.Value.Trim() },
                Answer = answer,
                AnswerFamily = answerFamily,
                Audience = audience,
                Requires = requires?.Value,
                AnswerIfUnavailable = unavailable,
                Show = show?.Value,
                FollowUps = followUps,
                Examples = examples,
                Line = idText.Line,
            });
        }

        return new TopicCatalog(topics);
    }

    private static Located<string>? ReadAnswer(YamlMappingNode map, ContentReader reader, string what)
    {
        var inline = reader.OptionalString(map, "answer", what);
        var file = reader.OptionalString(map, "answer_file", what);
        if (inline is not null && file is not null)
        {
            reader.Error(file.Line, $"{what} has both 'answer' and 'answer_file'; keep one");
            return null;
        }

        if (inline is not null)
        {
            return inline;
        }

        if (file is null)
        {
            reader.Error(map, $"missing required key 'answer' (or 'answer_file') in {what}");
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(reader.Directory, file.Value));
        if (!path.StartsWith(Path.GetFullPath(reader.Directory), StringComparison.Ordinal) || !System.IO.File.Exists(path))
        {
            reader.Error(file.Line, $"answer_file '{file.Value}' of {what} does not exist in the content folder");
            return null;
        }

        var text = System.IO.File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return new Located<string>(text, 1, LinesArePreserved: true) { File = file.Value.Replace('\\', '/') };
    }

    protected override void Validate(TopicCatalog model, ContentValidationContext context)
    {
        var seen = new Dictionary<string, Topic>(StringComparer.Ordinal);
        var phrasings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in model.All)
        {
            if (!seen.TryAdd(topic.Id, topic))
            {
                context.Error(FileName, topic.Line, $"duplicate topic id '{topic.Id}' (first defined on line {seen[topic.Id].Line})");
            }

            context.CheckPlaceholders(FileName, topic.Answer);
            if (topic.AnswerFamily is not null)
            {
                context.CheckPlaceholders(FileName, topic.AnswerFamily);
            }
            if (topic.AnswerIfUnavailable is not null)
            {
                context.CheckPlaceholders(FileName, topic.AnswerIfUnavailable);
            }

            context.CheckLabel(FileName, topic.Label, $"topic '{topic.Id}'");
            foreach (var action in topic.FollowUps)
            {
                context.CheckAction(FileName, action);
            }

            foreach (var example in topic.Examples)
            {
                var normal = TextNormalizer.Normalize(example.Value);
                if (phrasings.TryGetValue(normal, out var other) && other != $"topic '{topic.Id}'")
                {
                    context.Error(FileName, example.Line, $"example '{example.Value}' of topic '{topic.Id}' is also an example of {other}");
                }

                phrasings[normal] = $"topic '{topic.Id}'";
            }
        }

        // The bot learns small talk and command examples alongside the topics, so one phrasing may teach only one thing.
        var others = new List<(string Owner, string File, Located<string> Example)>();
        if (context.Content.TryGetSection<SmallTalkCatalog>(out var smallTalk))
        {
            others.AddRange(smallTalk.All.Values.SelectMany(e => e.Examples.Select(x => ($"small talk '{e.Id}'", "smalltalk.yaml", x))));
        }

        if (context.Content.TryGetSection<CommandCatalog>(out var commands))
        {
            others.AddRange(commands.All.Values.SelectMany(c => c.Examples.Select(x => ($"command '{c.Id}'", "commands.yaml", x))));
        }

        foreach (var (owner, file, example) in others)
        {
            var normal = TextNormalizer.Normalize(example.Value);
            if (phrasings.TryGetValue(normal, out var other) && other != owner)
            {
                context.Error(file, example.Line, $"example '{example.Value}' of {owner} is also an example of {other}");
            }

            phrasings[normal] = owner;
        }
    }
}

using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>What kind of thing a message can ask for.</summary>
public enum IntentKind
{
    /// <summary>A topic from <c>topics.yaml</c>: the bot answers it.</summary>
    Topic,

    /// <summary>A command from <c>commands.yaml</c> (talk to a person, "are you a bot?"): the bot acts on it.</summary>
    Command,

    /// <summary>Small talk from <c>smalltalk.yaml</c> (hello, thanks, goodbye, "we talked yesterday").</summary>
    SmallTalk,
}

/// <summary>
/// What a message asks for. Its <see cref="Key"/> (<c>topic:cost</c>, <c>command:person</c>, <c>smalltalk:thanks</c>) is
/// the label the classifiers learn and what logs and evaluations name.
/// </summary>
public readonly record struct Intent(IntentKind Kind, string Id)
{
    public string Key => Kind switch
    {
        IntentKind.Topic => "topic:" + Id,
        IntentKind.Command => "command:" + Id,
        _ => "smalltalk:" + Id,
    };

    public static Intent Topic(string id) => new(IntentKind.Topic, id);

    public static Intent Command(string id) => new(IntentKind.Command, id);

    public static Intent SmallTalk(string id) => new(IntentKind.SmallTalk, id);

    /// <summary>The intent named by <paramref name="key"/> (as written by <see cref="Key"/>).</summary>
    public static Intent Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = colon < 0 ? ("", key) : (key[..colon], key[(colon + 1)..]);
        return kind switch
        {
            "topic" => Topic(id),
            "command" => Command(id),
            "smalltalk" => SmallTalk(id),
            _ => throw new FormatException($"'{key}' is not an intent key (topic:…, command:… or smalltalk:…)."),
        };
    }

    public override string ToString() => Key;
}

/// <summary>
/// Everything the bot learns to recognise, from content: each topic's examples, title and button label; each small
/// talk's examples; and, for the commands that have learned examples (talk to a person, "are you a bot?"), their phrases
/// and examples. Texts are normalised (<see cref="TextNormalizer"/>) and distinct.
/// </summary>
public sealed class IntentExamples
{
    private readonly Dictionary<Intent, TopicAudience> _audience;

    private IntentExamples(IReadOnlyList<(Intent Intent, string Text)> all, Dictionary<Intent, TopicAudience> audience)
    {
        All = all;
        _audience = audience;
        Intents = all.Select(e => e.Intent).Distinct().ToList();
    }

    public IReadOnlyList<(Intent Intent, string Text)> All { get; }

    public IReadOnlyList<Intent> Intents { get; }

    /// <summary>Family topics are mainly asked about a loved one; everything else is <see cref="TopicAudience.Anyone"/>.</summary>
    public TopicAudience AudienceOf(Intent intent) => _audience.GetValueOrDefault(intent);

    public static IntentExamples From(ClinicContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var texts = new List<(Intent, string)>();
        var audience = new Dictionary<Intent, TopicAudience>();
        foreach (var topic in content.Topics.All)
        {
            var intent = Intent.Topic(topic.Id);
            audience[intent] = topic.Audience;
            texts.AddRange(topic.Examples.Select(e => e.Value).Append(topic.Title).Append(topic.Label.Value).Select(t => (intent, t)));
        }

        if (content.TryGetSection<SmallTalkCatalog>(out var smallTalk))
        {
            foreach (var entry in smallTalk.All.Values)
            {
                texts.AddRange(entry.Examples.Select(e => (Intent.SmallTalk(entry.Id), e.Value)));
            }
        }

        foreach (var command in content.Commands.All.Values.Where(c => c.Examples.Count > 0))
        {
            texts.AddRange(command.Phrases.Concat(command.Examples).Select(e => (Intent.Command(command.Id), e.Value)));
        }

        return From(texts, audience);
    }

    /// <summary>From raw (text, intent) pairs, e.g. one fold of a cross-validation.</summary>
    public static IntentExamples From(IEnumerable<(Intent Intent, string Text)> examples, IReadOnlyDictionary<Intent, TopicAudience>? audience = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<(Intent, string)>();
        foreach (var (intent, text) in examples)
        {
            var normal = TextNormalizer.Normalize(text);
            if (normal.Length > 0 && seen.Add(intent.Key + "\n" + normal))
            {
                all.Add((intent, normal));
            }
        }

        return new IntentExamples(all, audience is null ? [] : new Dictionary<Intent, TopicAudience>(audience));
    }
}

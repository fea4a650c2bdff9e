using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Questions;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Walkthroughs;

/// <summary>One step of the IOP walk-through: a topic's answer, and the topic shown for "Tell me more".</summary>
public sealed record WalkthroughStep(string Id, string Topic, string? MoreTopic, int Line);

/// <summary>One thing that may matter most when comparing care, with the comparison rows that answer it (none: the whole table).</summary>
public sealed record ComparisonChoice(string Id, string Label, IReadOnlyList<string> Synonyms, Located<string> Text, IReadOnlyList<Located<string>> Rows, int Line);

/// <summary><c>walkthroughs.yaml</c>: the "What is an IOP?" and "Compare care options" walk-throughs, and the offers after some topics.</summary>
public sealed class WalkthroughContent(
    IReadOnlyDictionary<string, QuestionChoice> navigation,
    IReadOnlyDictionary<string, Message> messages,
    IReadOnlyList<WalkthroughStep> iopSteps,
    string iopEnd,
    ActionRef iopOffer,
    Located<string> comparisonQuestion,
    IReadOnlyList<ComparisonChoice> comparisonChoices,
    string comparisonEnd,
    ActionRef comparisonOffer,
    IReadOnlyDictionary<string, ActionRef> offers)
{
    public const string WhatIsIop = "what-is-iop";
    public const string CompareCare = "compare-care";

    public const string More = "more";
    public const string Next = "next";
    public const string Question = "question";
    public const string Stop = "stop";

    public const string AskAway = "walkthrough.ask_away";
    public const string Stopped = "walkthrough.stopped";
    public const string OfferDeclined = "offer.declined";

    public static IReadOnlyList<string> RequiredKeys { get; } = [AskAway, Stopped, OfferDeclined];

    public static IReadOnlyList<string> NavigationIds { get; } = [More, Next, Question, Stop];

    public IReadOnlyDictionary<string, QuestionChoice> Navigation { get; } = navigation;

    public IReadOnlyDictionary<string, Message> Messages { get; } = messages;

    public IReadOnlyList<WalkthroughStep> IopSteps { get; } = iopSteps;

    public string IopEnd { get; } = iopEnd;

    public ActionRef IopOffer { get; } = iopOffer;

    public Located<string> ComparisonQuestionText { get; } = comparisonQuestion;

    public IReadOnlyList<ComparisonChoice> ComparisonChoices { get; } = comparisonChoices;

    public string ComparisonEnd { get; } = comparisonEnd;

    public ActionRef ComparisonOffer { get; } = comparisonOffer;

    /// <summary>Topic id → what a "yes" after its answer does.</summary>
    public IReadOnlyDictionary<string, ActionRef> Offers { get; } = offers;

    public Message this[string key] =>
        Messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"No message '{key}' in walkthroughs.yaml.");

    /// <summary>The walk-through buttons as a question, so "tell me more", "ok", "stop" are read like any answer.</summary>
    public GuidedQuestion NavigationQuestion => new()
    {
        Id = "walkthrough.navigation",
        Kind = QuestionKind.Choice,
        Text = new Located<string>(string.Empty, 0),
        Choices = [.. NavigationIds.Select(id => Navigation[id])],
        Skippable = false,
    };

    /// <summary>"What matters most to you?" as a question.</summary>
    public GuidedQuestion ComparisonQuestion => new()
    {
        Id = "walkthrough.comparison",
        Kind = QuestionKind.Choice,
        Text = ComparisonQuestionText,
        Choices = [.. ComparisonChoices.Select(c => new QuestionChoice(c.Id, c.Label, c.Synonyms))],
        Skippable = false,
    };

    /// <summary>Any offer ("Would you like to…?"): yes or no.</summary>
    public static GuidedQuestion OfferQuestion { get; } = new()
    {
        Id = "offer",
        Kind = QuestionKind.Offer,
        Text = new Located<string>(string.Empty, 0),
        Skippable = false,
    };
}

public sealed class WalkthroughSection : ContentSection<WalkthroughContent>
{
    public override string FileName => "walkthroughs.yaml";

    protected override WalkthroughContent? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, FileName);
        if (map is null)
        {
            return null;
        }

        reader.AllowOnly(map, FileName, "navigation", "messages", WalkthroughContent.WhatIsIop, WalkthroughContent.CompareCare, "offers");
        var navigation = new Dictionary<string, QuestionChoice>(StringComparer.Ordinal);
        if (reader.Required(map, "navigation", FileName) is { } navNode && reader.AsMapping(navNode, "'navigation'") is { } nav)
        {
            reader.AllowOnly(nav, "'navigation'", [.. WalkthroughContent.NavigationIds]);
            foreach (var id in WalkthroughContent.NavigationIds)
            {
                if (reader.Required(nav, id, "'navigation'") is { } n && reader.AsMapping(n, $"'{id}' in 'navigation'") is { } button)
                {
                    reader.AllowOnly(button, $"'{id}' in 'navigation'", "label", "synonyms");
                    var label = reader.RequiredString(button, "label", $"'{id}' in 'navigation'");
                    var synonyms = reader.StringList(button, "synonyms", $"'{id}' in 'navigation'", required: false);
                    if (label is not null)
                    {
                        navigation[id] = new QuestionChoice(id, label.Value, [.. synonyms.Select(s => s.Value)]);
                    }
                }
            }
        }

        var messagesNode = reader.Required(map, "messages", FileName);
        var messages = messagesNode is not null && reader.AsMapping(messagesNode, "'messages'") is { } mm
            ? ContentMessages.ReadMap(mm, reader)
            : new Dictionary<string, Message>();

        var steps = new List<WalkthroughStep>();
        string? iopEnd = null;
        ActionRef? iopOffer = null;
        if (reader.Required(map, WalkthroughContent.WhatIsIop, FileName) is { } iopNode && reader.AsMapping(iopNode, $"'{WalkthroughContent.WhatIsIop}'") is { } iop)
        {
            reader.AllowOnly(iop, $"'{WalkthroughContent.WhatIsIop}'", "steps", "end", "offer");
            if (reader.Required(iop, "steps", WalkthroughContent.WhatIsIop) is { } stepsNode && reader.AsSequence(stepsNode, "'steps'") is { } seq)
            {
                foreach (var item in seq.Children)
                {
                    if (reader.AsMapping(item, "a step") is not { } step)
                    {
                        continue;
                    }

                    reader.AllowOnly(step, "a step", "id", "topic", "more");
                    var id = reader.RequiredString(step, "id", "a step");
                    var topic = reader.RequiredString(step, "topic", "a step");
                    var more = reader.OptionalString(step, "more", "a step");
                    if (id is not null && topic is not null)
                    {
                        steps.Add(new WalkthroughStep(id.Value, topic.Value, TopicOf(more, reader), ContentReader.LineOf(step)));
                    }
                }
            }

            iopEnd = reader.RequiredString(iop, "end", WalkthroughContent.WhatIsIop)?.Value;
            iopOffer = Action(iop, reader, WalkthroughContent.WhatIsIop);
        }

        var choices = new List<ComparisonChoice>();
        Located<string>? question = null;
        string? compareEnd = null;
        ActionRef? compareOffer = null;
        if (reader.Required(map, WalkthroughContent.CompareCare, FileName) is { } cmpNode && reader.AsMapping(cmpNode, $"'{WalkthroughContent.CompareCare}'") is { } cmp)
        {
            reader.AllowOnly(cmp, $"'{WalkthroughContent.CompareCare}'", "question", "choices", "end", "offer");
            question = reader.RequiredString(cmp, "question", WalkthroughContent.CompareCare);
            if (reader.Required(cmp, "choices", WalkthroughContent.CompareCare) is { } choicesNode && reader.AsSequence(choicesNode, "'choices'") is { } cs)
            {
                foreach (var item in cs.Children)
                {
                    if (reader.AsMapping(item, "a choice") is not { } c)
                    {
                        continue;
                    }

                    reader.AllowOnly(c, "a choice", "id", "label", "synonyms", "text", "rows");
                    var id = reader.RequiredString(c, "id", "a choice");
                    var label = reader.RequiredString(c, "label", "a choice");
                    var text = reader.RequiredString(c, "text", "a choice");
                    var synonyms = reader.StringList(c, "synonyms", "a choice", required: false);
                    var rows = reader.StringList(c, "rows", "a choice", required: false);
                    if (id is not null && label is not null && text is not null)
                    {
                        choices.Add(new ComparisonChoice(id.Value, label.Value, [.. synonyms.Select(s => s.Value)], text, rows, ContentReader.LineOf(c)));
                    }
                }
            }

            compareEnd = reader.RequiredString(cmp, "end", WalkthroughContent.CompareCare)?.Value;
            compareOffer = Action(cmp, reader, WalkthroughContent.CompareCare);
        }

        var offers = new Dictionary<string, ActionRef>(StringComparer.Ordinal);
        if (reader.Optional(map, "offers") is { } offersNode && reader.AsMapping(offersNode, "'offers'") is { } om)
        {
            foreach (var (key, _) in om.Children)
            {
                if (reader.AsString(key, "a topic id") is { } topicId && Action(om, reader, "'offers'", topicId) is { } action)
                {
                    offers[topicId] = action;
                }
            }
        }

        return navigation.Count < WalkthroughContent.NavigationIds.Count || iopEnd is null || iopOffer is null || question is null || compareEnd is null || compareOffer is null
            ? null
            : new WalkthroughContent(navigation, messages, steps, iopEnd, iopOffer, question, choices, compareEnd, compareOffer, offers);
    }

    private static string? TopicOf(Located<string>? more, ContentReader reader)
    {
        if (more is null)
        {
            return null;
        }

        if (!more.Value.StartsWith("topic:", StringComparison.Ordinal))
        {
            reader.Error(more.Line, $"'more' must look like topic:<topic id>, not '{more.Value}'");
            return null;
        }

        return more.Value["topic:".Length..].Trim();
    }

    private static ActionRef? Action(YamlMappingNode map, ContentReader reader, string what, string key = "offer")
    {
        var text = reader.RequiredString(map, key, what);
        if (text is null)
        {
            return null;
        }

        var colon = text.Value.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? string.Empty : text.Value[..colon];
        if (kind is not ("topic" or "command"))
        {
            reader.Error(text.Line, $"'{key}' in {what} must look like command:<id> or topic:<id>, not '{text.Value}'");
            return null;
        }

        return new ActionRef(kind == "topic" ? ActionKind.Topic : ActionKind.Command, text.Value[(colon + 1)..].Trim(), text.Line);
    }

    protected override void Validate(WalkthroughContent model, ContentValidationContext context)
    {
        foreach (var key in WalkthroughContent.RequiredKeys.Append(model.IopEnd).Append(model.ComparisonEnd).Where(k => !model.Messages.ContainsKey(k)))
        {
            context.Error(FileName, 1, $"missing message '{key}'");
        }

        ContentMessages.Validate(FileName, model.Messages.Values, context);
        if (!context.Content.TryGetSection<TopicCatalog>(out var topics))
        {
            return;
        }

        foreach (var step in model.IopSteps)
        {
            foreach (var topic in new[] { step.Topic, step.MoreTopic }.OfType<string>().Where(t => !topics.TryGet(t, out _)))
            {
                context.Error(FileName, step.Line, $"step '{step.Id}' names topic '{topic}', which is not in topics.yaml");
            }
        }

        if (model.IopSteps.Count == 0 || model.IopSteps[0].Topic != WalkthroughContent.WhatIsIop)
        {
            context.Error(FileName, 1, $"the first step of '{WalkthroughContent.WhatIsIop}' must show the topic '{WalkthroughContent.WhatIsIop}' (its button starts the walk-through)");
        }

        var rows = context.Content.TryGetSection<CareComparison>(out var comparison) ? comparison.Rows.Select(r => r.Label.Value).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var choice in model.ComparisonChoices)
        {
            context.CheckPlaceholders(FileName, choice.Text);
            foreach (var row in choice.Rows.Where(r => !rows.Contains(r.Value)))
            {
                context.Error(FileName, row.Line, $"row '{row.Value}' is not a row label in care-comparison.yaml");
            }
        }

        foreach (var action in model.Offers.Values.Append(model.IopOffer).Append(model.ComparisonOffer))
        {
            context.CheckAction(FileName, action);
        }

        foreach (var topicId in model.Offers.Keys.Where(t => !topics.TryGet(t, out _)))
        {
            context.Error(FileName, 1, $"'offers' names topic '{topicId}', which is not in topics.yaml");
        }
    }
}

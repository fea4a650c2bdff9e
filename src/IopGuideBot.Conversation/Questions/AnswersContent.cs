using System.Globalization;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Questions;

/// <summary>
/// <c>answers.yaml</c>: how guided conversations read answers — the phrases that skip, go back, say "not sure" or ask to
/// keep going; how long a typed name or text may be; and the shared wording of echoes, retries and asking back.
/// </summary>
public sealed class AnswersContent(
    IReadOnlyList<string> skip,
    IReadOnlyList<string> back,
    IReadOnlyList<string> unsure,
    IReadOnlyList<string> keepGoing,
    int nameMaxCharacters,
    int textMaxCharacters,
    IReadOnlyDictionary<string, Message> messages)
{
    public const string Noted = "answers.noted";
    public const string ButtonChange = "answers.button.change";
    public const string ButtonSkip = "answers.button.skip";
    public const string ButtonYes = "answers.button.yes";
    public const string ButtonNo = "answers.button.no";
    public const string SkipOffer = "answers.skip_offer";
    public const string Retry = "answers.retry";
    public const string RetryCannotSkip = "answers.retry.cannot_skip";
    public const string UnsureCannotSkip = "answers.unsure.cannot_skip";
    public const string CannotSkip = "answers.cannot_skip";
    public const string AskBack = "answers.ask_back";
    public const string Or = "answers.or";
    public const string TooLong = "answers.too_long";
    public const string TooLongText = "answers.too_long.text";
    public const string Resume = "answers.resume";
    public const string BackFirst = "answers.back.first";
    public const string Skipped = "answers.skipped";

    public static IReadOnlyList<string> RequiredKeys { get; } =
        [Noted, ButtonChange, ButtonSkip, ButtonYes, ButtonNo, SkipOffer, Retry, RetryCannotSkip, UnsureCannotSkip, CannotSkip, AskBack, Or, TooLong, TooLongText, Resume, BackFirst, Skipped];

    public IReadOnlyList<string> Skip { get; } = skip;

    public IReadOnlyList<string> Back { get; } = back;

    public IReadOnlyList<string> Unsure { get; } = unsure;

    public IReadOnlyList<string> KeepGoing { get; } = keepGoing;

    public int NameMaxCharacters { get; } = nameMaxCharacters;

    public int TextMaxCharacters { get; } = textMaxCharacters;

    public IReadOnlyDictionary<string, Message> Messages { get; } = messages;

    /// <summary>The phrases as prompts use them.</summary>
    public NavigationPhrases Navigation { get; } = new(skip, back, unsure);

    public Message this[string key] =>
        Messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"No message '{key}' in answers.yaml.");

    /// <summary>Whether a message asks to carry on with what was interrupted ("keep going", "where were we").</summary>
    public bool IsKeepGoing(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length > 0 && KeepGoing.Any(p => TextNormalizer.Normalize(p) == normalized);
    }
}

public sealed class AnswersSection : ContentSection<AnswersContent>
{
    public override string FileName => "answers.yaml";

    protected override AnswersContent? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, FileName);
        if (map is null)
        {
            return null;
        }

        reader.AllowOnly(map, FileName, "phrases", "limits", "messages");
        var phrasesNode = reader.Required(map, "phrases", FileName);
        var phrases = phrasesNode is null ? null : reader.AsMapping(phrasesNode, "'phrases'");
        IReadOnlyList<string> List(string key) =>
            phrases is null ? [] : [.. reader.StringList(phrases, key, "'phrases'", required: true).Select(p => p.Value)];
        if (phrases is not null)
        {
            reader.AllowOnly(phrases, "'phrases'", "skip", "back", "unsure", "keep_going");
        }

        var limitsNode = reader.Required(map, "limits", FileName);
        var limits = limitsNode is null ? null : reader.AsMapping(limitsNode, "'limits'");
        int Limit(string key)
        {
            if (limits is null || reader.RequiredString(limits, key, "'limits'") is not { } text)
            {
                return 0;
            }

            if (!int.TryParse(text.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                reader.Error(text.Line, $"'{key}' in 'limits' must be a whole number of characters, not '{text.Value}'");
            }

            return value;
        }

        if (limits is not null)
        {
            reader.AllowOnly(limits, "'limits'", "name_characters", "text_characters");
        }

        var messagesNode = reader.Required(map, "messages", FileName);
        var messages = messagesNode is not null && reader.AsMapping(messagesNode, "'messages'") is { } mm
            ? ContentMessages.ReadMap(mm, reader)
            : new Dictionary<string, Message>();
        return new AnswersContent(List("skip"), List("back"), List("unsure"), List("keep_going"), Limit("name_characters"), Limit("text_characters"), messages);
    }

    protected override void Validate(AnswersContent model, ContentValidationContext context)
    {
        foreach (var key in AnswersContent.RequiredKeys.Where(k => !model.Messages.ContainsKey(k)))
        {
            context.Error(FileName, 1, $"missing required message '{key}'");
        }

        ContentMessages.Validate(FileName, model.Messages.Values, context, "answer", "options", "limit");

        // A tap on a button arrives as its label, so each label must mean what the button says.
        void Expect(string key, Func<string, bool> means, string meaning)
        {
            if (model.Messages.TryGetValue(key, out var message) && !means(message.Text.Value))
            {
                context.Error(FileName, message.Text.Line, $"the button '{message.Text.Value}' ({key}) must read as {meaning}; add it to the {meaning} phrases or reword it");
            }
        }

        Expect(AnswersContent.ButtonChange, t => model.Navigation.MatchCommand(t) == PromptNavigationKind.Back, "back");
        Expect(AnswersContent.ButtonSkip, t => model.Navigation.MatchCommand(t) == PromptNavigationKind.Skip, "skip");
        Expect(AnswersContent.ButtonYes, t => YesNoLexicon.Read(t) == YesNoReading.Yes, "yes");
        Expect(AnswersContent.ButtonNo, t => YesNoLexicon.Read(t) == YesNoReading.No, "no");

        var everywhere = model.Skip.Select(p => ("skip", p)).Concat(model.Back.Select(p => ("back", p))).Concat(model.Unsure.Select(p => ("unsure", p))).Concat(model.KeepGoing.Select(p => ("keep_going", p)));
        foreach (var group in everywhere.GroupBy(p => TextNormalizer.Normalize(p.Item2)).Where(g => g.Select(p => p.Item1).Distinct().Count() > 1))
        {
            context.Error(FileName, 1, $"the phrase '{group.First().Item2}' is in more than one list ({string.Join(", ", group.Select(p => p.Item1).Distinct())}); it can mean only one thing");
        }
    }
}

using System.Globalization;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Safety;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Triage;

public enum TriageQuestionKind { YesNo, Choice, Multi, Frequency, Number, Text, Phone, Email, DateTime }

public sealed record TriageChoice(string Id, string Label, IReadOnlyList<string> Synonyms);

/// <summary>One question of <c>triage.yaml</c>: wording for the person themselves and for a family member.</summary>
public sealed record TriageQuestion(
    string Id,
    TriageQuestionKind Kind,
    Located<string> Text,
    Located<string> TextFamily,
    IReadOnlyList<TriageChoice> Choices,
    bool Skippable,
    int? Min,
    int? Max,
    int Line);

/// <summary><c>triage.yaml</c>: the notice, the questions (staff may reorder and reword), the contact steps and the outcome wording.</summary>
public sealed class TriageContent(int retentionDays, IReadOnlyDictionary<string, Message> messages, IReadOnlyList<TriageQuestion> questions, IReadOnlyList<TriageQuestion> contact)
{
    public const string Notice = "triage.notice";
    public const string NoticeDeclined = "triage.notice.declined";
    public const string Under18 = "triage.under18";
    public const string Under18Family = "triage.under18.family";
    public const string Skipped = "triage.skipped";
    public const string ButtonYes = "triage.button.yes";
    public const string ButtonNo = "triage.button.no";
    public const string ButtonSkip = "triage.button.skip";
    public const string BackFirst = "triage.back.first";
    public const string Retry = "triage.retry";
    public const string RetryPhone = "triage.retry.phone";
    public const string RetryEmail = "triage.retry.email";
    public const string RetryNumber = "triage.retry.number";
    public const string FrequencyNoted = "triage.frequency.noted";
    public const string Privacy = "triage.privacy";
    public const string SideQuestion = "triage.side_question";
    public const string Resume = "triage.resume";
    public const string OutcomeHigherLevel = "triage.outcome.higher-level";
    public const string OutcomeIopFit = "triage.outcome.iop-fit";
    public const string OutcomeStandard = "triage.outcome.standard-outpatient";
    public const string WithdrawalCaution = "triage.withdrawal_caution";
    public const string WhenUrgent = "triage.when.urgent";
    public const string WhenSoon = "triage.when.soon";
    public const string WhenRoutine = "triage.when.routine";
    public const string Done = "triage.done";
    public const string DoneNoContact = "triage.done.no_contact";

    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        Notice, NoticeDeclined, Under18, Under18Family, Skipped, ButtonYes, ButtonNo, ButtonSkip, BackFirst, Retry, RetryPhone, RetryEmail, RetryNumber,
        FrequencyNoted, Privacy, SideQuestion, Resume, OutcomeHigherLevel, OutcomeIopFit, OutcomeStandard, WithdrawalCaution,
        WhenUrgent, WhenSoon, WhenRoutine, Done, DoneNoContact,
    ];

    /// <summary>Question and choice ids the scorer and the flow rely on; the loader reports any that are missing.</summary>
    public static IReadOnlyDictionary<string, string[]> RequiredQuestions { get; } = new Dictionary<string, string[]>
    {
        [TriageQuestionIds.ForWhom] = ["self", "family"],
        [TriageQuestionIds.Adult] = [],
        [TriageQuestionIds.Substances] = ["alcohol", "sedatives"],
        [TriageQuestionIds.Frequency] = [.. TriageFrequency.All],
        [TriageQuestionIds.WithdrawalHistory] = [],
        [TriageQuestionIds.HealthConcerns] = ["none", "stable", "unstable"],
        [TriageQuestionIds.SafeHome] = [],
        [TriageQuestionIds.PriorTreatment] = [],
    };

    public static IReadOnlyList<string> RequiredContact { get; } =
        [TriageQuestionIds.ContactConsent, TriageQuestionIds.FirstName, TriageQuestionIds.Phone, TriageQuestionIds.Email, TriageQuestionIds.BestTime, TriageQuestionIds.VoicemailOk, TriageQuestionIds.TextsOk];

    public int RetentionDays { get; } = retentionDays;

    public IReadOnlyDictionary<string, Message> Messages { get; } = messages;

    public IReadOnlyList<TriageQuestion> Questions { get; } = questions;

    public IReadOnlyList<TriageQuestion> Contact { get; } = contact;

    public Message this[string key] =>
        Messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"No message '{key}' in triage.yaml.");

    /// <summary>Fills the placeholders that belong to the questionnaire (the clinic's are filled by <see cref="ClinicContent.Render"/>).</summary>
    public string Fill(string text, string? answer = null) => text
        .Replace("{triage.retention_days}", RetentionDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{answer}", answer ?? string.Empty, StringComparison.Ordinal);
}

public sealed class TriageSection : ContentSection<TriageContent>
{
    public override string FileName => "triage.yaml";

    protected override TriageContent? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, FileName);
        if (map is null)
        {
            return null;
        }

        reader.AllowOnly(map, FileName, "retention_days", "messages", "questions", "contact");
        var retention = 0;
        if (reader.RequiredString(map, "retention_days", FileName) is { } r
            && (!int.TryParse(r.Value, NumberStyles.None, CultureInfo.InvariantCulture, out retention) || retention < 1))
        {
            reader.Error(r.Line, $"'retention_days' must be a whole number of days, not '{r.Value}'");
        }

        var messagesNode = reader.Required(map, "messages", FileName);
        var messages = messagesNode is not null && reader.AsMapping(messagesNode, "'messages'") is { } mm
            ? ContentMessages.ReadMap(mm, reader)
            : new Dictionary<string, Message>();
        return new TriageContent(retention, messages, ReadQuestions(map, "questions", reader), ReadQuestions(map, "contact", reader));
    }

    private static List<TriageQuestion> ReadQuestions(YamlMappingNode map, string key, ContentReader reader)
    {
        var list = new List<TriageQuestion>();
        var node = reader.Required(map, key, "triage.yaml");
        if (node is null || reader.AsSequence(node, $"'{key}'") is not { } seq)
        {
            return list;
        }

        foreach (var item in seq.Children)
        {
            if (reader.AsMapping(item, $"an item of '{key}'") is not { } q)
            {
                continue;
            }

            reader.AllowOnly(q, "a question", "id", "kind", "text", "text_family", "choices", "skippable", "min", "max");
            var id = reader.RequiredString(q, "id", "a question");
            var what = $"question '{id?.Value}'";
            var kindText = reader.RequiredString(q, "kind", what);
            var text = reader.RequiredString(q, "text", what);
            var textFamily = reader.RequiredString(q, "text_family", what);
            TriageQuestionKind kind = default;
            if (kindText is not null && !Enum.TryParse(kindText.Value, ignoreCase: true, out kind))
            {
                reader.Error(kindText.Line, $"unknown kind '{kindText.Value}' in {what} (expected one of: {string.Join(", ", Enum.GetNames<TriageQuestionKind>().Select(n => n.ToLowerInvariant()))})");
                continue;
            }

            var choices = new List<TriageChoice>();
            if (reader.Optional(q, "choices") is { } choicesNode && reader.AsSequence(choicesNode, $"'choices' in {what}") is { } cs)
            {
                foreach (var c in cs.Children)
                {
                    if (reader.AsMapping(c, $"a choice of {what}") is not { } cm)
                    {
                        continue;
                    }

                    reader.AllowOnly(cm, $"a choice of {what}", "id", "label", "synonyms");
                    var cid = reader.RequiredString(cm, "id", $"a choice of {what}");
                    var label = reader.RequiredString(cm, "label", $"a choice of {what}");
                    var synonyms = reader.StringList(cm, "synonyms", $"a choice of {what}", required: false);
                    if (cid is not null && label is not null)
                    {
                        choices.Add(new TriageChoice(cid.Value, label.Value, synonyms.Select(s => s.Value).ToList()));
                    }
                }
            }

            if (kind is TriageQuestionKind.Choice or TriageQuestionKind.Multi or TriageQuestionKind.Frequency && choices.Count == 0)
            {
                reader.Error(q, $"{what} of kind {kind.ToString().ToLowerInvariant()} needs 'choices'");
            }

            int? min = ReadInt(q, "min", what, reader), max = ReadInt(q, "max", what, reader);
            if (id is not null && text is not null && textFamily is not null)
            {
                list.Add(new TriageQuestion(id.Value, kind, text, textFamily, choices, reader.OptionalBool(q, "skippable", what) ?? true, min, max, ContentReader.LineOf(q)));
            }
        }

        return list;
    }

    private static int? ReadInt(YamlMappingNode map, string key, string what, ContentReader reader)
    {
        if (reader.OptionalString(map, key, what) is not { } s)
        {
            return null;
        }

        if (int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        reader.Error(s.Line, $"'{key}' in {what} must be a whole number");
        return null;
    }

    protected override void Validate(TriageContent model, ContentValidationContext context)
    {
        foreach (var key in TriageContent.RequiredKeys.Where(k => !model.Messages.ContainsKey(k)))
        {
            context.Error(FileName, 1, $"missing required message '{key}'");
        }

        ContentMessages.Validate(FileName, model.Messages.Values, context, "triage.retention_days", "answer");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var q in model.Questions.Concat(model.Contact))
        {
            if (!seen.TryAdd(q.Id, q.Line))
            {
                context.Error(FileName, q.Line, $"duplicate question id '{q.Id}' (first defined on line {seen[q.Id]})");
            }

            context.CheckPlaceholders(FileName, q.Text);
            context.CheckPlaceholders(FileName, q.TextFamily);
        }

        foreach (var (id, choiceIds) in TriageContent.RequiredQuestions)
        {
            var q = model.Questions.FirstOrDefault(x => x.Id == id);
            if (q is null)
            {
                context.Error(FileName, 1, $"missing question '{id}' (the flow or the scorer needs it)");
                continue;
            }

            foreach (var cid in choiceIds.Where(c => q.Choices.All(x => x.Id != c)))
            {
                context.Error(FileName, q.Line, $"question '{id}' needs a choice with id '{cid}' (the scorer reads it)");
            }
        }

        foreach (var id in TriageContent.RequiredContact.Where(id => model.Contact.All(q => q.Id != id)))
        {
            context.Error(FileName, 1, $"missing contact step '{id}'");
        }
    }
}

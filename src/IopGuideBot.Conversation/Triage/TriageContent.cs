using System.Globalization;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Questions;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Triage;

/// <summary>
/// The thresholds of <see cref="TriageScorer"/>, from <c>triage.yaml</c>: frequency choice ids ("at least weekly") and
/// substance choice ids.
/// </summary>
public sealed record TriageScoring(string IopFrom, string IopAfterTreatmentFrom, string WithdrawalRiskFrom, IReadOnlyList<string> WithdrawalRiskSubstances, string SoonFrom, int Line)
{
    public static TriageScoring Default { get; } = new(TriageFrequency.Weekly, TriageFrequency.Monthly, TriageFrequency.Daily, ["alcohol", "sedatives"], TriageFrequency.Daily, 0);
}

/// <summary><c>triage.yaml</c>: the notice, the questions (staff may reorder and reword), the contact offer, the scoring thresholds and the outcome wording.</summary>
public sealed class TriageContent(int retentionDays, TriageScoring scoring, IReadOnlyDictionary<string, Message> messages, IReadOnlyList<GuidedQuestion> questions, GuidedQuestion contactOffer)
{
    public const string Notice = "triage.notice";
    public const string NoticeResume = "triage.notice.resume";
    public const string NoticeDeclined = "triage.notice.declined";
    public const string NoticeRetry = "triage.notice.retry";
    public const string Stopped = "triage.stopped";
    public const string Under18 = "triage.under18";
    public const string Under18Family = "triage.under18.family";
    public const string OutcomeHigherLevel = "triage.outcome.higher-level";
    public const string OutcomeIopFit = "triage.outcome.iop-fit";
    public const string OutcomeStandard = "triage.outcome.standard-outpatient";
    public const string WithdrawalCaution = "triage.withdrawal_caution";
    public const string WhenUrgent = "triage.when.urgent";
    public const string WhenSoon = "triage.when.soon";
    public const string WhenRoutine = "triage.when.routine";
    public const string DoneNoContact = "triage.done.no_contact";

    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        Notice, NoticeResume, NoticeDeclined, NoticeRetry, Stopped, Under18, Under18Family, OutcomeHigherLevel, OutcomeIopFit, OutcomeStandard,
        WithdrawalCaution, WhenUrgent, WhenSoon, WhenRoutine, DoneNoContact,
    ];

    /// <summary>Question ids, kinds and choice ids the scorer and the flow rely on; the loader reports any that are missing.</summary>
    public static IReadOnlyDictionary<string, (QuestionKind[] Kinds, string[] Choices)> RequiredQuestions { get; } = new Dictionary<string, (QuestionKind[], string[])>
    {
        [TriageQuestionIds.ForWhom] = ([QuestionKind.Choice], ["self", "family"]),
        [TriageQuestionIds.Adult] = ([QuestionKind.Age, QuestionKind.YesNo], []),
        [TriageQuestionIds.Substances] = ([QuestionKind.Multi], ["other"]),
        [TriageQuestionIds.Frequency] = ([QuestionKind.Frequency], [TriageFrequency.Never]),
        [TriageQuestionIds.WithdrawalHistory] = ([QuestionKind.YesNo], []),
        [TriageQuestionIds.HealthConcerns] = ([QuestionKind.Choice], ["none", "stable", "unstable"]),
        [TriageQuestionIds.SafeHome] = ([QuestionKind.YesNo], []),
        [TriageQuestionIds.PriorTreatment] = ([QuestionKind.YesNo], []),
    };

    public int RetentionDays { get; } = retentionDays;

    public TriageScoring Scoring { get; } = scoring;

    public IReadOnlyDictionary<string, Message> Messages { get; } = messages;

    public IReadOnlyList<GuidedQuestion> Questions { get; } = questions;

    /// <summary>"Would you like someone to contact you?", asked after the suggestion.</summary>
    public GuidedQuestion ContactOffer { get; } = contactOffer;

    public Message this[string key] =>
        Messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"No message '{key}' in triage.yaml.");

    /// <summary>A question of the questionnaire (or the contact offer) by id; null when content no longer has it.</summary>
    public GuidedQuestion? Question(string id) =>
        id == ContactOffer.Id ? ContactOffer : Questions.FirstOrDefault(q => q.Id == id);

    /// <summary>The frequency scale, least often first (the scorer compares against it).</summary>
    public IReadOnlyList<string> FrequencyScale =>
        Question(TriageQuestionIds.Frequency)?.Choices.Select(c => c.Id).ToList() ?? [];

    /// <summary>Fills the placeholders that belong to the questionnaire (the clinic's are filled when a message is built).</summary>
    public string Fill(string text) =>
        text.Replace("{triage.retention_days}", RetentionDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
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

        reader.AllowOnly(map, FileName, "retention_days", "scoring", "messages", "questions", "contact_offer");
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
        var questions = QuestionYaml.ReadList(reader.Required(map, "questions", FileName), "questions", reader);
        var offerNode = reader.Required(map, "contact_offer", FileName);
        var offer = offerNode is not null && reader.AsMapping(offerNode, "'contact_offer'") is { } om ? QuestionYaml.Read(om, reader) : null;
        var scoring = ReadScoring(map, reader);
        return offer is null || scoring is null ? null : new TriageContent(retention, scoring, messages, questions, offer);
    }

    private static TriageScoring? ReadScoring(YamlMappingNode map, ContentReader reader)
    {
        var node = reader.Required(map, "scoring", "triage.yaml");
        if (node is null || reader.AsMapping(node, "'scoring'") is not { } scoring)
        {
            return null;
        }

        const string what = "'scoring'";
        reader.AllowOnly(scoring, what, "iop_from", "iop_after_treatment_from", "withdrawal_risk_from", "withdrawal_risk_substances", "soon_from");
        var iop = reader.RequiredString(scoring, "iop_from", what);
        var afterTreatment = reader.RequiredString(scoring, "iop_after_treatment_from", what);
        var withdrawal = reader.RequiredString(scoring, "withdrawal_risk_from", what);
        var substances = reader.StringList(scoring, "withdrawal_risk_substances", what, required: true);
        var soon = reader.RequiredString(scoring, "soon_from", what);
        return iop is null || afterTreatment is null || withdrawal is null || soon is null
            ? null
            : new TriageScoring(iop.Value, afterTreatment.Value, withdrawal.Value, [.. substances.Select(s => s.Value)], soon.Value, ContentReader.LineOf(scoring));
    }

    protected override void Validate(TriageContent model, ContentValidationContext context)
    {
        foreach (var key in TriageContent.RequiredKeys.Where(k => !model.Messages.ContainsKey(k)))
        {
            context.Error(FileName, 1, $"missing required message '{key}'");
        }

        ContentMessages.Validate(FileName, model.Messages.Values, context, "triage.retention_days");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var q in model.Questions.Append(model.ContactOffer))
        {
            if (!seen.TryAdd(q.Id, q.Line))
            {
                context.Error(FileName, q.Line, $"duplicate question id '{q.Id}' (first defined on line {seen[q.Id]})");
            }

            QuestionYaml.Validate(FileName, q, context);
        }

        foreach (var (id, (kinds, choiceIds)) in TriageContent.RequiredQuestions)
        {
            var q = model.Questions.FirstOrDefault(x => x.Id == id);
            if (q is null)
            {
                context.Error(FileName, 1, $"missing question '{id}' (the flow or the scorer needs it)");
                continue;
            }

            if (!kinds.Contains(q.Kind))
            {
                context.Error(FileName, q.Line, $"question '{id}' must be of kind {string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))}");
            }

            foreach (var cid in choiceIds.Where(c => q.Choices.All(x => x.Id != c)))
            {
                context.Error(FileName, q.Line, $"question '{id}' needs a choice with id '{cid}' (the scorer reads it)");
            }
        }

        if (model.ContactOffer.Kind != QuestionKind.Offer)
        {
            context.Error(FileName, model.ContactOffer.Line, "'contact_offer' must be of kind offer");
        }

        var scale = model.FrequencyScale;
        var substances = model.Question(TriageQuestionIds.Substances)?.Choices.Select(c => c.Id).ToList() ?? [];
        var scoring = model.Scoring;
        foreach (var (key, value) in new[] { ("iop_from", scoring.IopFrom), ("iop_after_treatment_from", scoring.IopAfterTreatmentFrom), ("withdrawal_risk_from", scoring.WithdrawalRiskFrom), ("soon_from", scoring.SoonFrom) })
        {
            if (!scale.Contains(value))
            {
                context.Error(FileName, scoring.Line, $"'{key}' in 'scoring' must be one of the frequency choices ({string.Join(", ", scale)}), not '{value}'");
            }
        }

        foreach (var substance in scoring.WithdrawalRiskSubstances.Where(s => !substances.Contains(s)))
        {
            context.Error(FileName, scoring.Line, $"'withdrawal_risk_substances' names '{substance}', which is not a choice of the substances question");
        }
    }
}

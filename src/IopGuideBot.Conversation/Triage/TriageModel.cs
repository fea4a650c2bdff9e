using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Conversation.Triage;

/// <summary>Question ids the code relies on (defined in <c>triage.yaml</c>).</summary>
public static class TriageQuestionIds
{
    public const string ForWhom = "for_whom";
    public const string Adult = "adult";
    public const string Substances = "substances";
    public const string Frequency = "frequency";
    public const string WithdrawalHistory = "withdrawal_history";
    public const string HealthConcerns = "health_concerns";
    public const string SafeHome = "safe_home";
    public const string Schedule = "schedule";
    public const string PriorTreatment = "prior_treatment";
    public const string Readiness = "readiness";
    public const string ContactConsent = "contact_consent";
    public const string FirstName = "first_name";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string BestTime = "best_time";
    public const string VoicemailOk = "voicemail_ok";
    public const string TextsOk = "texts_ok";

    /// <summary>Contact answers: never kept without consent, never part of <see cref="TriageResult.Answers"/>.</summary>
    public static IReadOnlySet<string> ContactIds { get; } = new HashSet<string>(StringComparer.Ordinal)
        { ContactConsent, FirstName, Phone, Email, BestTime, VoicemailOk, TextsOk };
}

/// <summary>NIDA Quick Screen frequency choices ("in the past year, how often…").</summary>
public static class TriageFrequency
{
    public const string Never = "never";
    public const string OnceOrTwice = "once_or_twice";
    public const string Monthly = "monthly";
    public const string Weekly = "weekly";
    public const string Daily = "daily";

    public static IReadOnlyList<string> All { get; } = [Never, OnceOrTwice, Monthly, Weekly, Daily];
}

/// <summary>What to discuss with a specialist. A conversation starter, never a placement or a diagnosis.</summary>
public enum TriageOutcome { HigherLevelOfCare, IopGoodFit, StandardOutpatientMayBeEnough }

/// <summary>
/// One answer. <see cref="Values"/> holds choice ids (one for yes/no "yes"/"no", one or more for choices);
/// <see cref="Number"/> a number; <see cref="Text"/> what was typed when it is the answer itself (free text).
/// </summary>
public sealed class TriageAnswer
{
    public string QuestionId { get; set; } = string.Empty;

    public bool Skipped { get; set; }

    public List<string> Values { get; set; } = [];

    public int? Number { get; set; }

    public string? Text { get; set; }

    public static TriageAnswer Skip(string questionId) => new() { QuestionId = questionId, Skipped = true };

    public bool Is(string value) => !Skipped && Values.Contains(value, StringComparer.Ordinal);
}

/// <summary>Everything the questionnaire hands to staff. Placed in conversation state and given to <see cref="ITriageResultSink"/>.</summary>
public sealed class TriageResult
{
    public string ConversationId { get; set; } = string.Empty;

    public DateTimeOffset CompletedAt { get; set; }

    public InquiryFor ForWhom { get; set; }

    /// <summary>Agreed to the notice (otherwise nothing was asked or kept).</summary>
    public bool NoticeAccepted { get; set; }

    /// <summary>Agreed to be contacted; without it <see cref="Contact"/> is null.</summary>
    public bool ContactConsent { get; set; }

    /// <summary>Answers by question id (contact steps excluded).</summary>
    public Dictionary<string, TriageAnswer> Answers { get; set; } = new(StringComparer.Ordinal);

    public TriageOutcome Outcome { get; set; }

    public HandoffUrgency Urgency { get; set; }

    /// <summary>Ids of the scoring rules that applied (see <see cref="TriageScorer"/>), for the staff summary.</summary>
    public List<string> Reasons { get; set; } = [];

    /// <summary>The conversation had a crisis flag when the questionnaire ended.</summary>
    public bool CrisisFlagged { get; set; }

    public HandoffContact? Contact { get; set; }
}

/// <summary>Where finished questionnaires go: the handoff record in the service, a log line by default.</summary>
public interface ITriageResultSink
{
    Task SubmitAsync(TriageResult result, CancellationToken cancellationToken);
}

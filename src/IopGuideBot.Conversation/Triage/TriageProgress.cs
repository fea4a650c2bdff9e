using IopGuideBot.Conversation.Handoff;
namespace IopGuideBot.Conversation.Triage;

/// <summary>Where a questionnaire is, kept in the dialog instance's state (so it survives restarts and crisis pauses).</summary>
public sealed class TriageProgress
{
    public bool NoticeAccepted { get; set; }

    public InquiryFor ForWhom { get; set; }

    /// <summary>The person chose "for me / for someone else" before the questionnaire began (the question is not asked).</summary>
    public bool ForWhomGiven { get; set; }

    /// <summary>Index into questions followed by contact steps.</summary>
    public int Step { get; set; }

    /// <summary>Steps answered or skipped, for "go back".</summary>
    public List<int> History { get; set; } = [];

    public int FailedAttempts { get; set; }

    public Dictionary<string, TriageAnswer> Answers { get; set; } = new(StringComparer.Ordinal);

    public bool OutcomeShown { get; set; }
}

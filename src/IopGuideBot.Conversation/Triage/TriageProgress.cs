using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;

namespace IopGuideBot.Conversation.Triage;

/// <summary>
/// Where a questionnaire is: the answers by question id (so a reordered <c>triage.yaml</c> never mixes them up), who it
/// is about, and what to echo next. It is the questions waterfall's options, persisted with the dialog state.
/// </summary>
public sealed class TriageProgress
{
    public InquiryFor ForWhom { get; set; } = InquiryFor.Self;

    /// <summary>The person chose "for me / for someone else" before the questionnaire began (the question is not asked).</summary>
    public bool ForWhomGiven { get; set; }

    public Dictionary<string, QuestionAnswer> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How the last answer was read, said back before the next question.</summary>
    public string? PendingEcho { get; set; }

    /// <summary>The questionnaire ended early (under 18, or a question that could not be answered).</summary>
    public bool Stopped { get; set; }

    /// <summary>How many times the questions were walked again for ones still unanswered (after a reorder in content).</summary>
    public int Sweeps { get; set; }
}

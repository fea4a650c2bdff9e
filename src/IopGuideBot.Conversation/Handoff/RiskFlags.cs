using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Handoff;

/// <summary>The risk flags staff see on a handoff: <c>crisis:…</c> from the safety check, <c>triage:…</c> from the questionnaire's rules.</summary>
public static class RiskFlags
{
    public const string NotSafe = "crisis:not-safe-now";

    public static string For(CrisisCategory category) => "crisis:" + category switch
    {
        CrisisCategory.SuicideOrSelfHarm => "suicide-or-self-harm",
        CrisisCategory.OverdoseInProgress => "overdose",
        CrisisCategory.SevereWithdrawal => "severe-withdrawal",
        CrisisCategory.DangerToOthers => "danger",
        CrisisCategory.MedicalEmergency => "medical-emergency",
        CrisisCategory.PregnancyWithOpioidWithdrawal => "pregnancy-opioid-withdrawal",
        _ => category.ToString().ToLowerInvariant(),
    };

    /// <summary>The flag for a questionnaire scoring rule (see <c>TriageScorer</c>).</summary>
    public static string ForTriageRule(string ruleId) => "triage:" + ruleId;
}

using IopGuideBot.Conversation.Handoff;
namespace IopGuideBot.Conversation.Triage;

/// <summary>The scorer's verdict and the ids of the rules that produced it.</summary>
public sealed record TriageAssessment(TriageOutcome Outcome, HandoffUrgency Urgency, IReadOnlyList<string> Reasons);

/// <summary>
/// Turns questionnaire answers into a suggestion to discuss and an urgency for staff. Pure. The rules follow the
/// ASAM-dimension mapping in <c>shared/reference/clinical-facts.md</c> §1.4 (a design proposal that needs clinical
/// sign-off) and are repeated for staff at the top of <c>triage.yaml</c>. A skipped question never raises the level of
/// care by itself, and never lowers it: an unknown frequency is treated as "worth discussing an IOP".
/// </summary>
public static class TriageScorer
{
    public const string RuleWithdrawalHistory = "withdrawal-history";
    public const string RuleDailySedativeOrAlcohol = "daily-alcohol-or-sedatives";
    public const string RuleUnstableHealth = "unstable-health";
    public const string RuleUnsafeHome = "unsafe-home";
    public const string RuleFrequentUse = "weekly-or-daily-use";
    public const string RuleRelapseAfterTreatment = "monthly-use-after-treatment";
    public const string RuleFrequencyUnknown = "frequency-unknown";
    public const string RuleLowFrequency = "monthly-or-less-use";
    public const string RuleCrisisFlag = "crisis-flag";
    public const string RuleDailyUse = "daily-use";

    public static TriageAssessment Score(IReadOnlyDictionary<string, TriageAnswer> answers, bool crisisFlagged)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var reasons = new List<string>();
        TriageAnswer? Get(string id) => answers.TryGetValue(id, out var a) && !a.Skipped ? a : null;

        var frequency = Get(TriageQuestionIds.Frequency)?.Values.FirstOrDefault();
        var daily = frequency == TriageFrequency.Daily;
        var substances = Get(TriageQuestionIds.Substances);

        // D1 withdrawal: seizures, hallucinations or DTs when stopping before → risk of complicated withdrawal.
        var withdrawalRisk = Get(TriageQuestionIds.WithdrawalHistory)?.Is("yes") == true;
        if (withdrawalRisk)
        {
            reasons.Add(RuleWithdrawalHistory);
        }

        // D1: daily alcohol or sedative (benzodiazepine) use: stopping can cause dangerous withdrawal, so medically
        // supervised withdrawal may be needed first.
        if (daily && (substances?.Is("alcohol") == true || substances?.Is("sedatives") == true))
        {
            reasons.Add(RuleDailySedativeOrAlcohol);
        }

        // D2/D3: medical or mental-health concerns that feel unstable now need more support than IOP's consult-and-refer.
        if (Get(TriageQuestionIds.HealthConcerns)?.Is("unstable") == true)
        {
            reasons.Add(RuleUnstableHealth);
        }

        // D6: no safe, supportive place to live → residential or recovery housing may need discussing.
        if (Get(TriageQuestionIds.SafeHome)?.Is("no") == true)
        {
            reasons.Add(RuleUnsafeHome);
        }

        TriageOutcome outcome;
        if (reasons.Count > 0)
        {
            outcome = TriageOutcome.HigherLevelOfCare;
        }
        else if (frequency is TriageFrequency.Weekly or TriageFrequency.Daily)
        {
            // D5: weekly or daily use with the other dimensions stable → IOP is the level to discuss.
            reasons.Add(RuleFrequentUse);
            outcome = TriageOutcome.IopGoodFit;
        }
        else if (frequency == TriageFrequency.Monthly && Get(TriageQuestionIds.PriorTreatment)?.Is("yes") == true)
        {
            // D5: use continuing after earlier treatment suggests more structure than weekly counseling.
            reasons.Add(RuleRelapseAfterTreatment);
            outcome = TriageOutcome.IopGoodFit;
        }
        else if (frequency is null)
        {
            // Unknown use: don't under-triage; let the specialist decide.
            reasons.Add(RuleFrequencyUnknown);
            outcome = TriageOutcome.IopGoodFit;
        }
        else
        {
            // Monthly or less, no risk factors → standard outpatient may be enough.
            reasons.Add(RuleLowFrequency);
            outcome = TriageOutcome.StandardOutpatientMayBeEnough;
        }

        // Urgency: a crisis flag in this conversation or withdrawal risk → urgent (same day);
        // a higher level of care or daily use → soon; otherwise routine.
        HandoffUrgency urgency;
        if (crisisFlagged || withdrawalRisk)
        {
            if (crisisFlagged)
            {
                reasons.Add(RuleCrisisFlag);
            }

            urgency = HandoffUrgency.Urgent;
        }
        else if (outcome == TriageOutcome.HigherLevelOfCare || daily)
        {
            if (daily)
            {
                reasons.Add(RuleDailyUse);
            }

            urgency = HandoffUrgency.Soon;
        }
        else
        {
            urgency = HandoffUrgency.Routine;
        }

        return new TriageAssessment(outcome, urgency, reasons);
    }
}

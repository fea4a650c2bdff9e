namespace IopGuideBot.Conversation.Safety;

/// <summary>What kind of emergency a message suggests. Order of the values is not a priority order; see <see cref="CrisisDetector"/>.</summary>
public enum CrisisCategory
{
    None = 0,
    /// <summary>Thoughts of suicide or self-harm (the writer's own or someone else's), current or recent.</summary>
    SuicideOrSelfHarm,
    /// <summary>An overdose happening now or just now (the writer or someone with them).</summary>
    OverdoseInProgress,
    /// <summary>Dangerous withdrawal happening now: seizure, hallucinations, confusion/delirium (DTs), uncontrollable shaking.</summary>
    SevereWithdrawal,
    /// <summary>Someone may be hurt by another person right now: the writer threatening others, or being threatened or hurt.</summary>
    DangerToOthers,
    /// <summary>Another medical emergency: chest pain, can't breathe, unconscious, heavy bleeding, stroke signs.</summary>
    MedicalEmergency,
    /// <summary>Pregnancy together with opioid use or withdrawal: needs a same-day clinician, never "just stop".</summary>
    PregnancyWithOpioidWithdrawal,
}

/// <summary>
/// The detector's verdict on one message. Holds rule ids only, never the message text, so it is safe to log.
/// </summary>
/// <param name="Category">The most urgent category found, or <see cref="CrisisCategory.None"/>.</param>
/// <param name="Categories">Every category found, most urgent first.</param>
/// <param name="IsRetraction">The message takes something back ("nvm", "I didn't mean it", "just kidding").</param>
/// <param name="IsDenial">The message denies suicidality ("I'm not suicidal", "I would never hurt myself").</param>
/// <param name="RuleIds">Ids of the lexicon rules that fired (for tests and tuning).</param>
public sealed record CrisisAssessment(
    CrisisCategory Category,
    IReadOnlyList<CrisisCategory> Categories,
    bool IsRetraction,
    bool IsDenial,
    IReadOnlyList<string> RuleIds)
{
    public static CrisisAssessment None { get; } = new(CrisisCategory.None, [], false, false, []);

    public bool IsCrisis => Category != CrisisCategory.None;

    /// <summary>Takes back or denies an earlier crisis message, and reports no new crisis.</summary>
    public bool IsRetractionOrDenial => !IsCrisis && (IsRetraction || IsDenial);
}

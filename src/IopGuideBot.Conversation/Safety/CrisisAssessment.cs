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
    /// <summary>The check could not read the message (it failed inside): treated as a possible crisis, never as "fine".</summary>
    PossibleCrisis,
}

/// <summary>Whose danger the message is about: the writer's own, or someone the writer is with or worried about.</summary>
public enum CrisisVoice
{
    /// <summary>The writer ("I took…", "I want to die").</summary>
    Self,
    /// <summary>Someone else ("he's not waking up", "my friend said she wants to die").</summary>
    Bystander,
}

/// <summary>Which of the detector's independent signals saw a crisis.</summary>
[Flags]
public enum CrisisSignals
{
    None = 0,
    /// <summary>A lexicon rule (precise cue) fired.</summary>
    Lexicon = 1,
    /// <summary>The semantic model (sentence embeddings) judged the meaning risky.</summary>
    Semantic = 2,
    /// <summary>The check failed inside and fell back to "possible crisis".</summary>
    CheckFailed = 4,
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

    /// <summary>What the detector answers when it fails inside: a possible crisis, so resources are shown and the flag raised.</summary>
    public static CrisisAssessment CheckFailed { get; } =
        new(CrisisCategory.PossibleCrisis, [CrisisCategory.PossibleCrisis], false, false, []) { Signals = CrisisSignals.CheckFailed };

    public bool IsCrisis => Category != CrisisCategory.None;

    /// <summary>Takes back or denies an earlier crisis message, and reports no new crisis.</summary>
    public bool IsRetractionOrDenial => !IsCrisis && (IsRetraction || IsDenial);

    /// <summary>Which signals saw the crisis.</summary>
    public CrisisSignals Signals { get; init; }

    /// <summary>Whose danger it is, so the reply speaks to the right person.</summary>
    public CrisisVoice Voice { get; init; } = CrisisVoice.Self;

    /// <summary>The message is in Spanish, so resources are given in Spanish.</summary>
    public bool IsSpanish { get; init; }

    /// <summary>The message was longer than the check reads; its first and last parts were checked.</summary>
    public bool IsTruncated { get; init; }

    /// <summary>The semantic model's probability that the message is risky (0 when it did not run).</summary>
    public float SemanticRisk { get; init; }
}

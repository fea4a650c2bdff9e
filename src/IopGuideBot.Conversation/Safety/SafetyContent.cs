using IopGuideBot.Conversation.Content;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// <c>safety.yaml</c>: the scripted crisis replies (one per category, with variants for who is speaking and for Spanish),
/// the honest line about our team, the safety check and its answers, and the safety-mode messages.
/// </summary>
public sealed class SafetyContent(IReadOnlyDictionary<string, Message> messages)
{
    public const string Suicide = "crisis.suicide";
    public const string Overdose = "crisis.overdose";
    public const string Withdrawal = "crisis.withdrawal";
    public const string Danger = "crisis.danger";
    public const string Medical = "crisis.medical";
    public const string Pregnancy = "crisis.pregnancy";
    public const string Possible = "crisis.possible";
    public const string TeamAlerted = "crisis.team.alerted";
    public const string TeamReachingOut = "crisis.team.reaching-out";
    public const string Check = "crisis.check";
    public const string CheckSafe = "crisis.check.safe";
    public const string CheckUnsafe = "crisis.check.unsafe";
    public const string CheckUnclear = "crisis.check.unclear";
    public const string Retraction = "crisis.retraction";
    public const string Paused = "safety.paused";
    public const string TooLong = "safety.too-long";

    /// <summary>Spanish reply for a category without its own Spanish reply.</summary>
    public const string GeneralSpanish = "crisis.general.es";

    public const string SelfSuffix = ".self";
    public const string BystanderSuffix = ".bystander";
    public const string SpanishSuffix = ".es";

    /// <summary>Keys the code asks for in every conversation: their English form and their Spanish form.</summary>
    private static readonly string[] AnsweredInBothLanguages =
        [Possible, TeamAlerted, TeamReachingOut, Check, CheckSafe, CheckUnsafe, CheckUnclear, Retraction];

    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        Suicide, Overdose, Withdrawal, Danger, Medical, Pregnancy, Paused, TooLong, GeneralSpanish,
        .. AnsweredInBothLanguages,
        .. AnsweredInBothLanguages.Select(k => k + SpanishSuffix),
    ];

    public IReadOnlyDictionary<string, Message> Messages { get; } = messages;

    public Message this[string key] =>
        Messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"No message '{key}' in safety.yaml.");

    /// <summary>The plain reply key for a category.</summary>
    public static string KeyFor(CrisisCategory category) => category switch
    {
        CrisisCategory.SuicideOrSelfHarm => Suicide,
        CrisisCategory.OverdoseInProgress => Overdose,
        CrisisCategory.SevereWithdrawal => Withdrawal,
        CrisisCategory.DangerToOthers => Danger,
        CrisisCategory.MedicalEmergency => Medical,
        CrisisCategory.PregnancyWithOpioidWithdrawal => Pregnancy,
        CrisisCategory.PossibleCrisis => Possible,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "not a crisis category"),
    };

    /// <summary>
    /// The crisis reply for a category, worded for who is speaking (<c>.self</c> / <c>.bystander</c>, when the file has
    /// that variant) and in Spanish when the person wrote in Spanish (<c>.es</c>, else <see cref="GeneralSpanish"/>).
    /// </summary>
    public Message CrisisReply(CrisisCategory category, CrisisVoice voice, bool spanish)
    {
        var key = KeyFor(category);
        if (spanish)
        {
            return Messages.TryGetValue(key + SpanishSuffix, out var es) ? es : this[GeneralSpanish];
        }

        var variant = key + (voice == CrisisVoice.Bystander ? BystanderSuffix : SelfSuffix);
        return Messages.TryGetValue(variant, out var worded) ? worded : this[key];
    }

    /// <summary>A safety-mode message, in Spanish when the conversation's safety replies are.</summary>
    public Message For(string key, bool spanish) =>
        spanish && Messages.TryGetValue(key + SpanishSuffix, out var es) ? es : this[key];
}

public sealed class SafetySection : ContentSection<SafetyContent>
{
    public override string FileName => "safety.yaml";

    protected override SafetyContent? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, FileName);
        return map is null ? null : new SafetyContent(ContentMessages.ReadMap(map, reader));
    }

    protected override void Validate(SafetyContent model, ContentValidationContext context)
    {
        foreach (var key in SafetyContent.RequiredKeys.Where(k => !model.Messages.ContainsKey(k)))
        {
            context.Error(FileName, 1, $"missing required message '{key}'");
        }

        ContentMessages.Validate(FileName, model.Messages.Values, context);
    }
}

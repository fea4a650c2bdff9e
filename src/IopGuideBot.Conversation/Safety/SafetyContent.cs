using IopGuideBot.Conversation.Content;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Safety;

/// <summary><c>safety.yaml</c>: the scripted crisis replies, one per category, plus the safety check and its answers.</summary>
public sealed class SafetyContent(IReadOnlyDictionary<string, Message> messages)
{
    public const string Suicide = "crisis.suicide";
    public const string Overdose = "crisis.overdose";
    public const string Withdrawal = "crisis.withdrawal";
    public const string Danger = "crisis.danger";
    public const string Medical = "crisis.medical";
    public const string Pregnancy = "crisis.pregnancy";
    public const string Check = "crisis.check";
    public const string CheckSafe = "crisis.check.safe";
    public const string CheckUnsafe = "crisis.check.unsafe";
    public const string Retraction = "crisis.retraction";

    public static IReadOnlyList<string> RequiredKeys { get; } =
        [Suicide, Overdose, Withdrawal, Danger, Medical, Pregnancy, Check, CheckSafe, CheckUnsafe, Retraction];

    public IReadOnlyDictionary<string, Message> Messages { get; } = messages;

    public Message this[string key] =>
        Messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"No message '{key}' in safety.yaml.");

    /// <summary>The reply key for a category.</summary>
    public static string KeyFor(CrisisCategory category) => category switch
    {
        CrisisCategory.SuicideOrSelfHarm => Suicide,
        CrisisCategory.OverdoseInProgress => Overdose,
        CrisisCategory.SevereWithdrawal => Withdrawal,
        CrisisCategory.DangerToOthers => Danger,
        CrisisCategory.MedicalEmergency => Medical,
        CrisisCategory.PregnancyWithOpioidWithdrawal => Pregnancy,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "not a crisis category"),
    };
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

using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>Reads an answer to "Are you safe right now?".</summary>
public static class SafetyCheckAnswers
{
    private static readonly Regex Reassurance = CompiledCrisisRule.Compile(
        @"^(?:yes|yeah|yep|yup|ya|y|i think so|i guess|mostly|for now)?\s*(?:i'm|i am|im)?\s*(?:safe|ok|okay|fine|alright|all right|good|okay now|fine now|safe now)?\s*(?:now|really|thanks|thank you|i promise)?$|\b(?:i'm|i am) (?:safe|ok|okay|fine|alright|all right)\b|\byes\b");

    private static readonly Regex NotSafe = CompiledCrisisRule.Compile(
        @"^(?:no|nope|nah|not really|not at all|i'm not|i am not|no i'm not)\b|\bnot safe\b|\b(?:i'm|i am) not (?:safe|ok|okay|alright)\b|\bin danger\b");

    /// <summary>Whether the answer reassures ("I'm safe", "I'm okay", "yes").</summary>
    public static bool IsReassurance(string? text) => CrisisTextNormalizer.Normalize(text).Any(t => Reassurance.IsMatch(t));

    /// <summary>Whether the answer says the person is not safe.</summary>
    public static bool IsNotSafe(string? text) => CrisisTextNormalizer.Normalize(text).Any(t => NotSafe.IsMatch(t));
}

using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>How a person answered "Are you safe right now?".</summary>
public enum SafetyAnswer
{
    /// <summary>Neither clearly safe nor clearly not: "idk… probably", "whatever", a question about something else.</summary>
    Unclear,
    Safe,
    NotSafe,
}

/// <summary>
/// Reads an answer to "Are you safe right now?" (English and Spanish) and an answer to "Would you like to keep going?".
/// Doubt never counts as safe: "not really" and "no" are not safe; "idk", "probably", "I guess" are unclear.
/// </summary>
public static class SafetyCheckAnswers
{
    private static readonly LexiconPattern NotSafeStatement = CompiledCrisisRule.Compile(
        @"\bnot (?:really |very |that |totally |completely )?safe\b|\b(?:i'm|i am) not (?:safe|ok|okay|alright|all right|fine|good|sure)\b|\b(?:in|still in) danger\b|^not (?:really|at all|sure)\b|\bi don't (?:think so|feel safe|know if i'm safe)\b|\bhelp me\b|\bno estoy (?:a salvo|bien|segur[oa])\b|\bno me siento segur[oa]\b");

    private static readonly LexiconPattern Hedge = CompiledCrisisRule.Compile(
        @"\b(?:i don't know|dunno|probably|maybe|i guess|not sure|kind of|kinda|sort of|whatever|depends|idc|i don't care|no se|tal vez|quizas|creo que si)\b");

    private static readonly LexiconPattern SafeStatement = CompiledCrisisRule.Compile(
        @"\b(?:i'm|i am|im|we're|we are) (?:safe|ok|okay|fine|alright|all right|good|okay now|fine now|safe now|not in danger)\b|\bi'll be (?:ok|okay|fine|alright)\b|\bestoy (?:a salvo|bien|segur[oa])\b|^(?:yes|yeah|yep|yup|ya|y|yea|yess|ye|sure|i think so|i am|si|ok|okay|fine|safe|good|alright|all good|all right)\b");

    private static readonly LexiconPattern BareNo = CompiledCrisisRule.Compile(@"^(?:no|nope|nah|nop|no no)\b");

    private static readonly LexiconPattern GoOn = CompiledCrisisRule.Compile(
        @"^(?:yes|yeah|yep|yup|ya|yea|sure|ok|okay|alright|all right|let's go|lets go|go ahead|yes please|si|vamos|dale|claro)\b");

    /// <summary>Reads an answer to "Are you safe right now?".</summary>
    public static SafetyAnswer Read(string? text)
    {
        var variants = CrisisTextNormalizer.Normalize(text);
        if (variants.Any(NotSafeStatement.IsMatch))
        {
            return SafetyAnswer.NotSafe;
        }

        if (variants.Any(Hedge.IsMatch))
        {
            return SafetyAnswer.Unclear;
        }

        if (variants.Any(SafeStatement.IsMatch))
        {
            return SafetyAnswer.Safe;
        }

        return variants.Any(BareNo.IsMatch) ? SafetyAnswer.NotSafe : SafetyAnswer.Unclear;
    }

    /// <summary>Whether a short answer says yes to "Would you like to keep going?" ("yes", "ok", "sure").</summary>
    public static bool SaysGoOn(string? text) => CrisisTextNormalizer.Normalize(text).Any(GoOn.IsMatch);
}

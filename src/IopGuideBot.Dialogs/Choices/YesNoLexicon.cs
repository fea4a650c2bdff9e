namespace IopGuideBot.Dialogs.Choices;

/// <summary>
/// Recognises yes or no in English and Spanish (Recognizers.Text.Choice, which Bot Builder uses, is not available
/// here). Whole words only, accents ignored. Hedges ("not sure", "maybe", "no sé") are neither, and so is an
/// answer containing both a yes and a no.
/// </summary>
public static class YesNoLexicon
{
    private static readonly string[] Yes =
    [
        "yes", "yeah", "yep", "yup", "yea", "sure", "ok", "okay", "of course", "definitely", "please", "y", "correct",
        "right", "absolutely", "si", "claro", "vale", "por supuesto", "de acuerdo", "bueno", "dale",
    ];

    private static readonly string[] No =
    [
        "no", "nope", "nah", "not really", "no thanks", "no thank you", "n", "never", "no gracias", "nunca", "para nada",
        "negative",
    ];

    private static readonly string[] Hedges =
    [
        "not sure", "unsure", "maybe", "perhaps", "dont know", "do not know", "idk", "no se", "no estoy seguro",
        "no estoy segura", "tal vez", "quizas", "quiza", "a veces", "sometimes", "not yet",
    ];

    /// <summary>Recognises yes (true), no (false) or neither (null).</summary>
    /// <param name="utterance">The user's answer.</param>
    /// <returns>True, false or null.</returns>
    public static bool? Recognize(string? utterance)
    {
        var text = ChoiceText.Normalize(utterance);
        if (text.Length == 0 || Hedges.Any(h => ChoiceText.ContainsPhrase(text, h)))
        {
            return null;
        }

        var yes = Yes.Any(y => ChoiceText.ContainsPhrase(text, y));
        var no = No.Any(n => ChoiceText.ContainsPhrase(text, n));
        return yes == no ? null : yes;
    }
}

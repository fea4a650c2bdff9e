namespace IopGuideBot.Conversation.Dialogs;

/// <summary>Dialog ids the main flow knows. Triage and handoff are begun only if a dialog with that id is registered.</summary>
public static class DialogIds
{
    public const string Main = "main";
    public const string Router = "main.router";

    /// <summary>The triage questionnaire; begun with an <see cref="Handoff.InquiryFor"/> as its options.</summary>
    public const string Triage = "triage";

    /// <summary>The request for a person (a callback request); begun with null options.</summary>
    public const string Handoff = "handoff";
}

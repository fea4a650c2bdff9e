namespace IopGuideBot.Conversation.Dialogs;

/// <summary>Dialog ids the main flow knows. Triage and handoff are begun only if a dialog with that id is registered.</summary>
public static class DialogIds
{
    public const string Main = "main";
    public const string Router = "main.router";

    /// <summary>The triage questionnaire (issue #6); begun with an <see cref="InquiryFor"/> as its options.</summary>
    public const string Triage = "triage";

    /// <summary>The warm handoff to a person (a later issue); begun with an <see cref="InquiryFor"/>-free null options.</summary>
    public const string Handoff = "handoff";
}

/// <summary>Who an inquiry is about: passed as the options when the main flow begins <see cref="DialogIds.Triage"/>.</summary>
public enum InquiryFor
{
    Self,
    FamilyMember,
}

namespace IopGuideBot.Conversation.Content;

/// <summary>
/// The content files the bot loads, in one place. To add a file: write a <see cref="ContentSection{TModel}"/> and add an
/// instance here. Order matters only for readability; every section is read before any is validated.
/// </summary>
public static class ContentSections
{
    public static IReadOnlyList<IContentSection> All { get; } =
    [
        new ClinicSection(),
        new MessagesSection(),
        new CommandsSection(),
        new TopicsSection(),
        new SmallTalkSection(),
        new CareComparisonSection(),
        new Safety.SafetySection(),
        new Questions.AnswersSection(),
        new Triage.TriageSection(),
        new Handoff.CallbackSection(),
        new Walkthroughs.WalkthroughSection(),
        new Terms.TermsSection(),
        new WebsiteSection(),
    ];
}

namespace IopGuideBot.Conversation.Content;

/// <summary>The message keys the bot's flow uses; each must exist in <c>messages.yaml</c>.</summary>
public static class MessageKeys
{
    public const string Welcome = "welcome";
    public const string Menu = "menu";
    public const string Help = "help";
    public const string BotDisclosure = "bot.disclosure";
    public const string HandoffRequested = "handoff.requested";
    public const string CancelDone = "cancel.done";
    public const string InputEmpty = "input.empty";
    public const string InputNonText = "input.non_text";
    public const string FallbackSuggest = "fallback.suggest";
    public const string FallbackMenu = "fallback.menu";
    public const string TriageComingSoon = "triage.coming_soon";
    public const string ComparisonPlainHeading = "comparison.plain_heading";
    public const string TurnError = "error.turn";
    public const string AnsweredInEnglish = "spanish.answered_in_english";

    public static IReadOnlyList<string> Required { get; } =
    [
        Welcome, Menu, Help, BotDisclosure, HandoffRequested, CancelDone, InputEmpty, InputNonText, FallbackSuggest,
        FallbackMenu, TriageComingSoon, ComparisonPlainHeading, TurnError, AnsweredInEnglish,
    ];
}

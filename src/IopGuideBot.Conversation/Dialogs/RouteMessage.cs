namespace IopGuideBot.Conversation.Dialogs;

/// <summary>
/// The result of a guided dialog that the person left by saying something else: the main conversation answers the
/// current message as if nothing had been running.
/// </summary>
public sealed class RouteMessage
{
    private RouteMessage()
    {
    }

    public static RouteMessage Instance { get; } = new();
}

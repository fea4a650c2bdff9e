using IopGuideBot.Conversation.Handoff;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Conversation;

/// <summary>
/// What the conversation knows about who it is about, kept in <c>ConversationState</c> so every flow can word itself
/// for the person or their loved one: the questionnaire sets it, the callback request reads it (and asks when unknown).
/// </summary>
public sealed class InquiryContext
{
    public const string PropertyName = "InquiryContext";

    public InquiryFor ForWhom { get; set; } = InquiryFor.Unknown;

    public static IStatePropertyAccessor<InquiryContext> CreateAccessor(ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        return conversationState.CreateProperty<InquiryContext>(PropertyName);
    }
}

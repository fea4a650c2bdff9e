using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation;

/// <summary>
/// The clinic's bot. Welcomes each conversation exactly once (however the channel reports members joining), runs
/// <see cref="MainDialog"/> for every message, and saves conversation and user state at the end of each turn.
/// </summary>
public partial class ClinicBot : ActivityHandler
{
    /// <summary>The conversation-state property that holds the dialog stack.</summary>
    public const string DialogStateProperty = nameof(DialogState);

    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly MainDialog _mainDialog;
    private readonly Replies _replies;
    private readonly LiveChatTurns _liveChat;
    private readonly ILogger<ClinicBot> _logger;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IStatePropertyAccessor<bool> _welcomed;

    /// <summary>The event Web Chat sends when its window connects to a conversation.</summary>
    public const string WebChatJoinEvent = "webchat/join";

    public ClinicBot(ConversationState conversationState, UserState userState, MainDialog mainDialog, Replies replies, LiveChatTurns liveChat, ILogger<ClinicBot> logger)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _conversationState = conversationState;
        _userState = userState;
        _mainDialog = mainDialog;
        _replies = replies;
        _liveChat = liveChat;
        _logger = logger;
        _dialogState = conversationState.CreateProperty<DialogState>(DialogStateProperty);
        _welcomed = conversationState.CreateProperty<bool>("Welcomed");
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await _userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);

        // The Emulator sends one update listing the bot and the user; older clients send one per member.
        var botId = turnContext.Activity.Recipient?.Id;
        if (membersAdded.Any(m => m.Id != botId))
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
        }
    }

    /// <summary>
    /// Web Chat sends the <see cref="WebChatJoinEvent"/> event each time its window connects (also after a page refresh);
    /// Direct Line sends no conversationUpdate to Web Chat, so this is where a website visitor is welcomed.
    /// </summary>
    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (string.Equals(turnContext.Activity.Name, WebChatJoinEvent, StringComparison.Ordinal))
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
        }
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _welcomed.GetAsync(turnContext, () => false, cancellationToken))
        {
            return;
        }

        await _welcomed.SetAsync(turnContext, true, cancellationToken);
        LogContent(_logger, MessageKeys.Welcome);
        await turnContext.SendActivityAsync(_replies.Message(MessageKeys.Welcome), cancellationToken);
    }

    /// <summary>While a specialist is live in the conversation, they answer, not the dialogs (see <see cref="LiveChatTurns"/>).</summary>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (await _liveChat.TakesTurnAsync(turnContext, cancellationToken))
        {
            return;
        }

        await _mainDialog.RunAsync(turnContext, _dialogState, cancellationToken);
    }

    // Per turn: Debug, off the hot path at the default level (BENCHMARKS.md).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {ContentId}")]
    private static partial void LogContent(ILogger logger, string contentId);
}

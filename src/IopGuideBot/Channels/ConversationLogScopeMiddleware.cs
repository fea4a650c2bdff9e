using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Storage;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Serilog.Context;

namespace IopGuideBot.Channels;

/// <summary>Tags every log event of a turn with the hashed conversation id, so a conversation's events correlate.</summary>
public sealed class ConversationLogScopeMiddleware : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        using (LogContext.PushProperty("ConversationHash", LogIds.Hash(turnContext.Activity.Conversation?.Id)))
        {
            await next(cancellationToken);
        }
    }
}

using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Storage;
using Microsoft.Extensions.Options;

namespace IopGuideBot.DirectLine;

/// <summary>
/// The WebSocket behind a conversation's <c>streamUrl</c>: first every activity after the client's watermark, then each
/// activity set as it is committed to the log, whichever instance wrote it (storage change notifications wake the
/// stream; it then reads the log after the last watermark it sent, so nothing is skipped or sent twice).
/// </summary>
public sealed class DirectLineStream(
    IActivityLog log,
    IActivityNotifications notifications,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStream> logger)
{
    /// <summary>
    /// Without a notification the log is read again after this long anyway: notifications are hints, and one lost
    /// while the database connection was re-established must not leave a conversation silent.
    /// </summary>
    private static readonly TimeSpan RereadPeriod = TimeSpan.FromSeconds(15);

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        // Subscribed before the first read, so a change committed between the read and the wait still wakes the loop.
        using var subscription = await notifications.SubscribeAsync(conversationId, _ => wake.Writer.TryWrite(true), stop.Token);
        var receiving = ReceiveUntilClosedAsync(socket, stop);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                watermark = await SendNewAsync(socket, conversationId, watermark, stop.Token);
                using var period = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                period.CancelAfter(RereadPeriod);
                try
                {
                    await wake.Reader.ReadAsync(period.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // the re-read period passed
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (WebSocketException ex)
        {
            logger.LogInformation("Direct Line stream of {ConversationHash} ended: {ExceptionType}", LogIds.Hash(conversationId), ex.GetType().Name);
        }
        finally
        {
            await stop.CancelAsync();
            await CloseAsync(socket);
            await receiving;
        }
    }

    private async Task<long> SendNewAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxActivitiesPerRead;
        while (true)
        {
            var page = await log.ReadJsonAfterAsync(conversationId, watermark, max, cancellationToken);
            if (page.Count == 0)
            {
                return watermark;
            }

            watermark = page[^1].Sequence;
            if (DirectLineEndpoints.ActivitySetJson(page, watermark) is { } json)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }

            if (page.Count < max)
            {
                return watermark;
            }
        }
    }

    /// <summary>Reads (and ignores: DirectLineJS sends empty keep-alives) until the client closes, then stops the stream.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Extensions.Options;

namespace IopGuideBot.LiveChat;

/// <summary>Options section <c>HandoffNotifications</c>: where staff are told about new and urgent handoffs.</summary>
public sealed class HandoffNotificationOptions
{
    public const string SectionName = "HandoffNotifications";

    /// <summary>The webhook that receives a POST per new or urgent handoff; none when empty.</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC-SHA256 key the receiver checks the signature with (required with <see cref="Url"/>).</summary>
    public string? Secret { get; set; }

    /// <summary>The console's public address, to make the link absolute (e.g. https://chat.clinic.org); else it is a path.</summary>
    public string? ConsoleBaseUrl { get; set; }

    /// <summary>Delivery attempts per notification; the waits between them double from <see cref="FirstRetryDelay"/>.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>
/// What the webhook receives: only the urgency, the handoff id and the console link, never health information (the
/// receiver may be a chat room or a pager). The body is signed: header <see cref="SignatureHeader"/> is
/// <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes with the shared secret.
/// </summary>
public sealed record HandoffNotification(string Urgency, string HandoffId, string Link, bool New)
{
    public const string SignatureHeader = "X-IopGuideBot-Signature";

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

/// <summary>
/// Queues a notification for each announced handoff and delivers them in the background, retrying with exponential
/// backoff when the receiver fails or cannot be reached. A notification is at most a hint to look at the console: the
/// queue lives in this instance's memory.
/// </summary>
public sealed partial class HandoffNotifier(
    IHttpClientFactory httpClients, IOptions<HandoffNotificationOptions> options, TimeProvider time, ILogger<HandoffNotifier> logger)
    : BackgroundService, IHandoffAnnouncementListener
{
    public const string HttpClientName = "handoff-notifications";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<HandoffNotification> _queue = Channel.CreateBounded<HandoffNotification>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Announce(HandoffAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return;
        }

        var path = $"/staff/handoffs/{Uri.EscapeDataString(announcement.Handoff.Id)}";
        var link = string.IsNullOrWhiteSpace(settings.ConsoleBaseUrl) ? path : settings.ConsoleBaseUrl.TrimEnd('/') + path;
        _queue.Writer.TryWrite(new HandoffNotification(
            announcement.Handoff.Urgency.ToString().ToLowerInvariant(), announcement.Handoff.Id, link, announcement.Created));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = DeliverWithRetriesAsync(notification, stoppingToken); // one slow receiver must not hold back the next handoff
        }
    }

    private async Task DeliverWithRetriesAsync(HandoffNotification notification, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { notification.Urgency, notification.HandoffId, notification.Link, notification.New }, Json);
        var signature = HandoffNotification.Sign(body, settings.Secret ?? string.Empty);
        var delay = settings.FirstRetryDelay;
        for (var attempt = 1; attempt <= Math.Max(1, settings.MaxAttempts); attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.Add(HandoffNotification.SignatureHeader, signature);
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    LogDelivered(logger, LogIds.Hash(notification.HandoffId), attempt);
                    return;
                }

                LogAttemptFailed(logger, LogIds.Hash(notification.HandoffId), attempt, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogAttemptFailed(logger, LogIds.Hash(notification.HandoffId), attempt, ex.GetType().Name);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (attempt < settings.MaxAttempts)
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay *= 2;
            }
        }

        LogGaveUp(logger, LogIds.Hash(notification.HandoffId), settings.MaxAttempts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff notification {HandoffHash} delivered (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string handoffHash, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff notification {HandoffHash} attempt {Attempt} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string handoffHash, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handoff notification {HandoffHash} not delivered after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string handoffHash, int attempts);
}

using System.Globalization;
using System.Net;
using System.Net.Mail;
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

    /// <summary>The e-mail sent per new or urgent handoff (section <c>HandoffNotifications:Smtp</c>); none without a host.</summary>
    public HandoffSmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether the webhook is on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>
/// Options section <c>HandoffNotifications:Smtp</c>: the mail server, sender and recipients of the e-mail per new or urgent
/// handoff, retried with the webhook's backoff (<see cref="HandoffNotificationOptions.MaxAttempts"/>).
/// </summary>
public sealed class HandoffSmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? From { get; set; }

    /// <summary>One or more addresses, comma-separated (e.g. a staff on-call list).</summary>
    public string? To { get; set; }

    /// <summary>Sign-in for the mail server; none when empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS before sending (the mail server must offer it).</summary>
    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
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

    /// <summary>The e-mail's subject and body: the same three facts as the webhook, nothing about the person.</summary>
    public (string Subject, string Body) Mail() =>
        ($"{(New ? "New" : "Now")} {Urgency} handoff waiting in the staff console",
         $"Urgency: {Urgency}\r\nHandoff: {HandoffId}\r\nOpen it in the staff console: {Link}\r\n\r\n"
         + "Sign in to the console to see it. This message carries no details by design.\r\n");
}

/// <summary>
/// Queues a notification for each announced handoff and delivers them in the background, to the webhook and by e-mail
/// (each when configured), retrying each with exponential backoff when the receiver fails or cannot be reached. A notification is at most a hint to look at the console: the
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
        if (!settings.IsConfigured && !settings.Smtp.IsConfigured)
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
            // One slow receiver must not hold back the next handoff, nor the other way of telling staff.
            var settings = options.Value;
            if (settings.IsConfigured)
            {
                _ = DeliverWithRetriesAsync(notification, "webhook", token => PostAsync(notification, token), stoppingToken);
            }

            if (settings.Smtp.IsConfigured)
            {
                _ = DeliverWithRetriesAsync(notification, "e-mail", token => MailAsync(notification, token), stoppingToken);
            }
        }
    }

    /// <summary>One webhook attempt: null when delivered, else why not.</summary>
    private async Task<string?> PostAsync(HandoffNotification notification, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { notification.Urgency, notification.HandoffId, notification.Link, notification.New }, Json);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add(HandoffNotification.SignatureHeader, HandoffNotification.Sign(body, settings.Secret ?? string.Empty));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, stoppingToken);
            return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return ex.GetType().Name;
        }
    }

    /// <summary>One e-mail attempt: null when the mail server took it, else why not (never the server's text: it may quote addresses).</summary>
    private async Task<string?> MailAsync(HandoffNotification notification, CancellationToken stoppingToken)
    {
        var smtp = options.Value.Smtp;
        var (subject, body) = notification.Mail();
        try
        {
            using var message = new MailMessage
            {
                From = new MailAddress(smtp.From!),
                Subject = subject,
                Body = body,
                // Urgency, id and link are ASCII: plain 7-bit text any mail server and pager gateway reads.
                BodyEncoding = Encoding.ASCII,
                BodyTransferEncoding = System.Net.Mime.TransferEncoding.SevenBit,
            };
            message.To.Add(smtp.To!);
            using var client = new SmtpClient(smtp.Host, smtp.Port)
            {
                EnableSsl = smtp.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = 10_000,
            };
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
            }

            await client.SendMailAsync(message, stoppingToken);
            return null;
        }
        catch (SmtpException ex)
        {
            return ex is SmtpFailedRecipientException failed ? $"{ex.GetType().Name} {failed.StatusCode}" : $"{ex.GetType().Name} {ex.StatusCode}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Unreachable host, TLS refused, sign-in refused, a timeout: all worth another attempt later.
            return ex.GetType().Name;
        }
    }

    private async Task DeliverWithRetriesAsync(
        HandoffNotification notification, string way, Func<CancellationToken, Task<string?>> attemptOnce, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var delay = settings.FirstRetryDelay;
        for (var attempt = 1; attempt <= Math.Max(1, settings.MaxAttempts); attempt++)
        {
            string? failure;
            try
            {
                failure = await attemptOnce(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (failure is null)
            {
                LogDelivered(logger, way, LogIds.Hash(notification.HandoffId), attempt);
                return;
            }

            LogAttemptFailed(logger, way, LogIds.Hash(notification.HandoffId), attempt, failure);

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

        LogGaveUp(logger, way, LogIds.Hash(notification.HandoffId), settings.MaxAttempts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff notification ({Way}) {HandoffHash} delivered (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string way, string handoffHash, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff notification ({Way}) {HandoffHash} attempt {Attempt} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string way, string handoffHash, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handoff notification ({Way}) {HandoffHash} not delivered after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string way, string handoffHash, int attempts);
}

using System.Security.Claims;
using System.Text;
using System.Threading.Channels;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;
using Microsoft.AspNetCore.Authentication;

namespace IopGuideBot.StaffConsole;

/// <summary>
/// The console's routes besides its pages: live updates as Server-Sent Events, its own script and style, and the
/// security headers every <c>/staff</c> response carries.
/// </summary>
public static class StaffConsoleEndpoints
{
    public const string BasePath = "/staff";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(BasePath), console => console.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            // No inline script or style anywhere in the console; everything is this service's own files.
            headers.ContentSecurityPolicy = string.Join("; ",
                "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
                "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.CacheControl = "no-store"; // pages carry PHI: never kept by the browser or a proxy
            await next(http);
        }));

        app.MapRazorPages();
        app.MapGet(BasePath + "/assets/console.js", () => Asset("console.js", "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapGet(BasePath + "/assets/console.css", () => Asset("console.css", "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet(BasePath + "/assets/icon.svg", () => Asset("icon.svg", "image/svg+xml")).AllowAnonymous();
        app.MapGet(BasePath + "/events", QueueEventsAsync).RequireAuthorization(StaffConsoleServiceCollectionExtensions.StaffPolicy);
        app.MapGet(BasePath + "/handoffs/{id}/events", HandoffEventsAsync).RequireAuthorization(StaffConsoleServiceCollectionExtensions.StaffPolicy);
        return app;
    }

    /// <summary>"queue" whenever any handoff is created or changes (or notifications may have been missed).</summary>
    private static Task QueueEventsAsync(HttpContext http, IActivityNotifications notifications, TimeProvider time) =>
        StreamAsync(http, notifications, time, conversationId: null,
            change => change.Kind is StorageChangeKind.Handoff or StorageChangeKind.Resync ? ("queue", "changed") : null);

    /// <summary>"transcript" with the new sequence when the conversation grows, "handoff" when its handoff changes.</summary>
    private static async Task<IResult> HandoffEventsAsync(
        string id, HttpContext http, IHandoffStore handoffs, IActivityNotifications notifications, TimeProvider time)
    {
        var handoff = await handoffs.GetAsync(id, http.RequestAborted);
        if (handoff is null)
        {
            return Results.NotFound();
        }

        await StreamAsync(http, notifications, time, handoff.ConversationId, change => change.Kind switch
        {
            StorageChangeKind.Activity => ("transcript", change.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            StorageChangeKind.Handoff => ("handoff", "changed"),
            StorageChangeKind.Resync => ("transcript", "0"),
            _ => null,
        });
        return Results.Empty;
    }

    /// <summary>
    /// Writes events until the client leaves or the session expires (the stream never outlives the sign-in; the browser
    /// reconnects and is then refused). Notifications carry ids only, never content.
    /// </summary>
    private static async Task StreamAsync(
        HttpContext http, IActivityNotifications notifications, TimeProvider time, string? conversationId,
        Func<StorageChange, (string Event, string Data)?> select)
    {
        var auth = await http.AuthenticateAsync(StaffConsoleServiceCollectionExtensions.Scheme);
        var expires = auth.Properties?.ExpiresUtc ?? time.GetUtcNow();
        var events = Channel.CreateBounded<(string Event, string Data)>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using var subscription = await notifications.SubscribeAsync(conversationId, change =>
        {
            if (select(change) is { } e)
            {
                events.Writer.TryWrite(e);
            }
        }, http.RequestAborted);

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 3000\n: connected\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);

        var remaining = expires - time.GetUtcNow();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        session.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        try
        {
            while (!session.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(session.Token);
                beat.CancelAfter(Heartbeat);
                string text;
                try
                {
                    var e = await events.Reader.ReadAsync(beat.Token);
                    text = $"event: {e.Event}\ndata: {e.Data}\n\n";
                }
                catch (OperationCanceledException) when (!session.IsCancellationRequested)
                {
                    text = ": heartbeat\n\n";
                }

                await http.Response.WriteAsync(text, session.Token);
                await http.Response.Body.FlushAsync(session.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The person left, or the session ended.
        }
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = typeof(StaffConsoleEndpoints).Assembly.GetManifestResourceStream("StaffConsole/Assets/" + name)
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Results.Text(reader.ReadToEnd(), contentType);
    }

    internal static string StaffId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
}

using System.Collections.Concurrent;
using System.Net;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.LiveChat;
using IopGuideBot.Storage;
using IopGuideBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Tests.StaffConsole;

/// <summary>
/// The console's side of the <see cref="ILiveChat"/> contract: join, send and return reach the live chat as the
/// signed-in specialist (first name as the person will see it), with the text as typed, and each is audited without the
/// text. The bot's implementation is tested on its own side; here a recording one stands in, changing the handoff's status
/// as the contract says.
/// </summary>
public sealed class LiveChatActionsTests : IAsyncLifetime
{
    private const string Password = "live chat passphrase 12";

    private readonly RecordingLiveChat _live = new();
    private BotService _service = null!;

    public async Task InitializeAsync()
    {
        _service = new BotService(configureServices: services => services.AddSingleton<ILiveChat>(sp =>
        {
            _live.Handoffs = sp.GetRequiredService<IHandoffStore>();
            return _live;
        }));
        await _service.Services.GetRequiredService<IStaffStore>().CreateAsync("sam", "Sam Rivera", Password);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Join_send_and_return_go_to_the_live_chat_as_the_specialist_and_are_audited_without_the_text()
    {
        var handoffs = _service.Services.GetRequiredService<IHandoffStore>();
        var handoff = await handoffs.CreateOrUpdateAsync(new HandoffRequest { ConversationId = "live-" + Guid.NewGuid().ToString("N"), Urgency = HandoffUrgency.Soon });
        using var sam = await StaffConsoleClient.SignedInAsync(_service.BaseAddress, "sam", Password);
        var page = $"/staff/handoffs/{handoff.Id}";

        // Before claiming, the live chat refuses (as the contract says) and the page tells the specialist.
        _live.Next = LiveChatOutcome.NotYours;
        Assert.Contains("result=not-yours", (await sam.PostFormAsync(page, page + "?handler=Join", [])).Headers.Location!.OriginalString, StringComparison.Ordinal);

        await sam.PostFormAsync(page, page + "?handler=Claim", new() { ["version"] = handoff.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.DoesNotContain("id=\"live-unavailable\"", await sam.GetPageAsync(page), StringComparison.Ordinal);
        _live.Next = LiveChatOutcome.Done;
        Assert.Contains("result=joined", (await sam.PostFormAsync(page, page + "?handler=Join", [])).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("name=\"text\"", await sam.GetPageAsync(page), StringComparison.Ordinal); // live: the message box shows
        const string Text = "Hi, this is Sam from the clinic <b>LIVE-CANARY</b>";
        Assert.Contains("result=sent", (await sam.PostFormAsync(page, page + "?handler=Send", new() { ["text"] = Text })).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("result=invalid", (await sam.PostFormAsync(page, page + "?handler=Send", new() { ["text"] = "   " })).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("result=returned", (await sam.PostFormAsync(page, page + "?handler=Return", [])).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var staffId = (await _service.Services.GetRequiredService<IStaffStore>().FindByUsernameAsync("sam"))!.Id;
        Assert.Equal(
            [$"join {handoff.Id} {staffId} Sam", $"join {handoff.Id} {staffId} Sam", $"send {handoff.Id} {staffId} Sam {Text}", $"return {handoff.Id} {staffId} Sam"],
            _live.Calls);
        var audit = await _service.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery { Actor = staffId });
        Assert.Contains(audit, e => e is { Action: "livechat.join", Outcome: "not-yours" });
        Assert.Contains(audit, e => e is { Action: "livechat.join", Outcome: "ok" });
        Assert.Contains(audit, e => e is { Action: "livechat.send", Outcome: "ok" });
        Assert.Contains(audit, e => e is { Action: "livechat.return", Outcome: "ok" });
        Assert.DoesNotContain(audit, e => (e.Detail ?? "").Contains("CANARY", StringComparison.Ordinal));
    }

    private sealed class RecordingLiveChat : ILiveChat
    {
        public IHandoffStore Handoffs { get; set; } = null!;

        public LiveChatOutcome Next { get; set; } = LiveChatOutcome.Done;

        public ConcurrentQueue<string> Queue { get; } = new();

        public IReadOnlyList<string> Calls => [.. Queue];

        public async Task<LiveChatOutcome> JoinAsync(string handoffId, Specialist specialist, CancellationToken cancellationToken = default)
        {
            Queue.Enqueue($"join {handoffId} {specialist.StaffId} {specialist.FirstName}");
            return Next == LiveChatOutcome.Done ? await SetAsync(handoffId, HandoffStatus.Live) : Next;
        }

        public Task<LiveChatOutcome> SendAsync(string handoffId, Specialist specialist, string text, CancellationToken cancellationToken = default)
        {
            Queue.Enqueue($"send {handoffId} {specialist.StaffId} {specialist.FirstName} {text}");
            return Task.FromResult(Next);
        }

        public async Task<LiveChatOutcome> ReturnToBotAsync(string handoffId, Specialist specialist, CancellationToken cancellationToken = default)
        {
            Queue.Enqueue($"return {handoffId} {specialist.StaffId} {specialist.FirstName}");
            return await SetAsync(handoffId, HandoffStatus.Claimed);
        }

        private async Task<LiveChatOutcome> SetAsync(string handoffId, HandoffStatus status)
        {
            var handoff = await Handoffs.GetAsync(handoffId);
            return handoff is not null && await Handoffs.TryUpdateAsync(handoff with { Status = status }) is not null
                ? LiveChatOutcome.Done
                : LiveChatOutcome.Conflict;
        }
    }
}

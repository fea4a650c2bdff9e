using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.LiveChat;

/// <summary>
/// A handoff that staff must hear about: a new one (a request for a person, a finished questionnaire, a crisis flag), or
/// one that has just become urgent.
/// </summary>
public sealed record HandoffAnnouncement(HandoffRecord Handoff, bool Created);

/// <summary>Where an announced handoff goes: the turn's handoff.initiate event, the staff webhook.</summary>
public interface IHandoffAnnouncementListener
{
    void Announce(HandoffAnnouncement announcement);
}

/// <summary>
/// The handoffs announced during the running turn (flows with the turn's async context), so the turn can send its
/// <c>handoff.initiate</c> event once, after the bot has filled the record, whichever part of the bot wrote it.
/// </summary>
public static class HandoffTurnAnnouncements
{
    private static readonly AsyncLocal<List<HandoffAnnouncement>?> Current = new();

    /// <summary>Starts collecting for the turn; dispose to stop.</summary>
    public static Scope Begin()
    {
        var previous = Current.Value;
        Current.Value = [];
        return new Scope(previous);
    }

    internal static void Add(HandoffAnnouncement announcement)
    {
        var list = Current.Value;
        if (list is null)
        {
            return;
        }

        lock (list)
        {
            list.Add(announcement);
        }
    }

    public sealed class Scope(List<HandoffAnnouncement>? previous) : IDisposable
    {
        private readonly List<HandoffAnnouncement> _collected = Current.Value!;

        /// <summary>The latest state of each handoff announced so far, and whether it was created in this turn.</summary>
        public IReadOnlyList<HandoffAnnouncement> Collected
        {
            get
            {
                lock (_collected)
                {
                    return [.. _collected.GroupBy(a => a.Handoff.Id)
                        .Select(g => g.Last() with { Created = g.Any(a => a.Created) })];
                }
            }
        }

        public void Dispose() => Current.Value = previous;
    }
}

/// <summary>
/// Watches every handoff write (the store is where all of them pass: the conversation's request, triage, safety, staff)
/// and announces the new and the newly urgent ones to the turn and to the listeners, and the queue's movements to the
/// people waiting in it (<see cref="PlaceInLineUpdates"/>).
/// </summary>
internal sealed class AnnouncingHandoffStore(
    IHandoffStore inner, IEnumerable<IHandoffAnnouncementListener> listeners, PlaceInLineUpdates places) : IHandoffStore
{
    public async Task<HandoffRecord> CreateOrUpdateAsync(HandoffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var before = await HandoffRequests.OpenAsync(inner, request.ConversationId, cancellationToken);
        var queue = await QueueIfMovesAsync(before, before?.Status ?? HandoffStatus.Waiting, request.Urgency, cancellationToken);
        var saved = await inner.CreateOrUpdateAsync(request, cancellationToken);
        if (queue is not null)
        {
            places.QueueMoved(queue, saved);
        }

        var created = before is null || before.Id != saved.Id;
        if (created || (before!.Urgency != HandoffUrgency.Urgent && saved.Urgency == HandoffUrgency.Urgent))
        {
            Announce(new HandoffAnnouncement(saved, created));
        }

        return saved;
    }

    public async Task<HandoffRecord?> TryUpdateAsync(HandoffRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var before = await inner.GetAsync(record.Id, cancellationToken);
        var queue = await QueueIfMovesAsync(before, record.Status, record.Urgency, cancellationToken);
        var saved = await inner.TryUpdateAsync(record, cancellationToken);
        if (queue is not null && saved is not null)
        {
            places.QueueMoved(queue, saved);
        }

        if (saved is { Urgency: HandoffUrgency.Urgent, IsOpen: true } && before is { Urgency: not HandoffUrgency.Urgent })
        {
            Announce(new HandoffAnnouncement(saved, Created: false));
        }

        return saved;
    }

    private void Announce(HandoffAnnouncement announcement)
    {
        HandoffTurnAnnouncements.Add(announcement);
        foreach (var listener in listeners)
        {
            listener.Announce(announcement);
        }
    }

    public Task<HandoffRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<HandoffRecord?> GetByConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        inner.GetByConversationAsync(conversationId, cancellationToken);

    public Task<IReadOnlyList<HandoffRecord>> ListOpenAsync(CancellationToken cancellationToken = default) => inner.ListOpenAsync(cancellationToken);

    public async Task<HandoffRecord?> TryClaimAsync(string id, string staffId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var queue = await inner.ListOpenAsync(cancellationToken);
        var saved = await inner.TryClaimAsync(id, staffId, expectedVersion, cancellationToken);
        if (saved is not null)
        {
            places.QueueMoved(queue, saved);
        }

        return saved;
    }

    public async Task<HandoffRecord?> TryCloseAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var queue = await inner.ListOpenAsync(cancellationToken);
        var saved = await inner.TryCloseAsync(id, expectedVersion, cancellationToken);
        if (saved is not null)
        {
            places.QueueMoved(queue, saved);
        }

        return saved;
    }

    /// <summary>The open handoffs before a write that can move others in the queue; null (nothing read) when it cannot.</summary>
    private async Task<IReadOnlyList<HandoffRecord>?> QueueIfMovesAsync(
        HandoffRecord? before, HandoffStatus status, HandoffUrgency urgency, CancellationToken cancellationToken) =>
        PlaceInLineUpdates.CanMove(before, status, urgency) ? await inner.ListOpenAsync(cancellationToken) : null;
}

using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Hosting;

/// <summary>Counts handoffs as they are queued or changed, by urgency; everything else goes straight to the store.</summary>
internal sealed class MeteredHandoffStore(IHandoffStore inner, ClinicMetrics metrics) : IHandoffStore
{
    public async Task<HandoffRecord> CreateOrUpdateAsync(HandoffRequest request, CancellationToken cancellationToken = default)
    {
        var saved = await inner.CreateOrUpdateAsync(request, cancellationToken);
        metrics.HandoffRecorded(saved.Urgency.ToString(), created: saved.Version == 1);
        return saved;
    }

    public Task<HandoffRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(id, cancellationToken);

    public Task<HandoffRecord?> GetByConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        inner.GetByConversationAsync(conversationId, cancellationToken);

    public Task<IReadOnlyList<HandoffRecord>> ListOpenAsync(CancellationToken cancellationToken = default) =>
        inner.ListOpenAsync(cancellationToken);

    public Task<HandoffRecord?> TryClaimAsync(string id, string staffId, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.TryClaimAsync(id, staffId, expectedVersion, cancellationToken);

    public async Task<HandoffRecord?> TryUpdateAsync(HandoffRecord record, CancellationToken cancellationToken = default)
    {
        var saved = await inner.TryUpdateAsync(record, cancellationToken);
        if (saved is not null)
        {
            metrics.HandoffRecorded(saved.Urgency.ToString(), created: false);
        }

        return saved;
    }

    public Task<HandoffRecord?> TryCloseAsync(string id, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.TryCloseAsync(id, expectedVersion, cancellationToken);
}

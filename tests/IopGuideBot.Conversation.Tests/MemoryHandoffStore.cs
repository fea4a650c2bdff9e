using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.Conversation.Tests;

/// <summary>
/// The handoff store in memory, for conversations run without a database (the way <c>MemoryStorage</c> stands in for
/// bot state). The real stores are held to the same rules by the storage contract suite.
/// </summary>
internal sealed class MemoryHandoffStore : IHandoffStore
{
    private readonly Lock _gate = new();
    private readonly List<HandoffRecord> _records = [];

    public IReadOnlyList<HandoffRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public Task<HandoffRecord> CreateOrUpdateAsync(HandoffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var index = _records.FindIndex(r => r.ConversationId == request.ConversationId && r.IsOpen);
            var now = DateTimeOffset.UtcNow;
            var record = index < 0
                ? new HandoffRecord { Id = Guid.NewGuid().ToString("N"), ConversationId = request.ConversationId, CreatedAt = now, Status = HandoffStatus.Waiting, Version = 0 }
                : _records[index];
            record = record with
            {
                UpdatedAt = now,
                Urgency = request.Urgency,
                ForWhom = request.ForWhom,
                RiskFlags = request.RiskFlags,
                Summary = request.Summary,
                TriageAnswersJson = request.TriageAnswersJson,
                Contact = request.Contact,
                Version = record.Version + 1,
            };
            if (index < 0)
            {
                _records.Add(record);
            }
            else
            {
                _records[index] = record;
            }

            return Task.FromResult(record);
        }
    }

    public Task<HandoffRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.FirstOrDefault(r => r.Id == id));
        }
    }

    public Task<HandoffRecord?> GetByConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.Where(r => r.ConversationId == conversationId).OrderBy(r => r.IsOpen ? 0 : 1).ThenByDescending(r => r.CreatedAt).FirstOrDefault());
        }
    }

    public Task<IReadOnlyList<HandoffRecord>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<HandoffRecord>>([.. _records.Where(r => r.IsOpen).OrderBy(r => r.Urgency).ThenBy(r => r.CreatedAt)]);
        }
    }

    public Task<HandoffRecord?> TryClaimAsync(string id, string staffId, long expectedVersion, CancellationToken cancellationToken = default) =>
        Task.FromException<HandoffRecord?>(new NotSupportedException("Staff actions are tested against the real stores."));

    /// <summary>As the real stores do: the write wins only at the version read (the person's "end chat", a withdrawn request).</summary>
    public Task<HandoffRecord?> TryUpdateAsync(HandoffRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var index = _records.FindIndex(r => r.Id == record.Id);
            if (index < 0 || _records[index].Version != record.Version)
            {
                return Task.FromResult<HandoffRecord?>(null);
            }

            _records[index] = record with { UpdatedAt = DateTimeOffset.UtcNow, Version = record.Version + 1 };
            return Task.FromResult<HandoffRecord?>(_records[index]);
        }
    }

    public Task<HandoffRecord?> TryCloseAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var index = _records.FindIndex(r => r.Id == id);
            if (index < 0 || _records[index].Version != expectedVersion)
            {
                return Task.FromResult<HandoffRecord?>(null);
            }

            _records[index] = _records[index] with { Status = HandoffStatus.Closed, UpdatedAt = DateTimeOffset.UtcNow, Version = expectedVersion + 1 };
            return Task.FromResult<HandoffRecord?>(_records[index]);
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IopGuideBot.Storage;

/// <summary>
/// Delivers <see cref="StorageChange"/>s to subscribers in this process. With PostgreSQL it also keeps one LISTEN
/// connection (started by the first subscription) so changes committed by any instance arrive here.
/// </summary>
internal sealed class ChangeHub : IActivityNotifications, IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly string? _listenConnectionString;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private ImmutableList<Subscription> _subscriptions = [];
    private Task? _listenLoop;
    private int _disposed;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChangeHub(ILogger logger, string? listenConnectionString)
    {
        _logger = logger;
        _listenConnectionString = listenConnectionString;
    }

    public async Task<IDisposable> SubscribeAsync(
        string? conversationId, Action<StorageChange> onChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var subscription = new Subscription(this, conversationId, onChange);
        Task ready;
        lock (_gate)
        {
            _subscriptions = _subscriptions.Add(subscription);
            if (_listenConnectionString is not null && _listenLoop is null)
            {
                _listenLoop = Task.Run(() => ListenLoopAsync(_listenConnectionString, _stopping.Token));
            }

            ready = _listenConnectionString is null ? Task.CompletedTask : _listening.Task;
        }

        await ready.WaitAsync(cancellationToken);
        return subscription;
    }

    public void Publish(StorageChange change)
    {
        foreach (var s in _subscriptions)
        {
            if (s.ConversationId is null || change.Kind == StorageChangeKind.Resync
                || string.Equals(s.ConversationId, change.ConversationId, StringComparison.Ordinal))
            {
                try
                {
                    s.OnChange(change);
                }
#pragma warning disable CA1031 // One faulty subscriber must not stop delivery to the others.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogWarning("A storage change subscriber threw {ExceptionType}", ex.GetType().Name);
                }
            }
        }
    }

    internal static string Format(StorageChange change) => string.Create(CultureInfo.InvariantCulture,
        $"{(int)change.Kind}|{change.Sequence}|{change.ConversationId}");

    internal static StorageChange? Parse(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return new StorageChange((StorageChangeKind)kind, parts[2], sequence);
        }

        return null;
    }

    private async Task ListenLoopAsync(string connectionString, CancellationToken stopping)
    {
        var reconnecting = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // A dedicated, unpooled session: LISTEN belongs to the session and must outlive any one command.
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stopping);
                connection.Notification += (_, e) =>
                {
                    if (Parse(e.Payload) is { } change)
                    {
                        Publish(change);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Database.PostgresDatabase.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                _listening.TrySetResult();
                if (reconnecting)
                {
                    _logger.LogInformation("Storage change notifications reconnected");
                    Publish(new StorageChange(StorageChangeKind.Resync, string.Empty, 0));
                }

                while (!stopping.IsCancellationRequested)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive database restarts; it reconnects.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                reconnecting = true;
                _logger.LogWarning("Storage change notifications lost their connection ({ExceptionType}); retrying", ex.GetType().Name);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Remove(subscription);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Owned by the database and also registered as IActivityNotifications, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_listenLoop is not null)
        {
            await _listenLoop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private sealed class Subscription(ChangeHub hub, string? conversationId, Action<StorageChange> onChange) : IDisposable
    {
        public string? ConversationId { get; } = conversationId;
        public Action<StorageChange> OnChange { get; } = onChange;

        public void Dispose() => hub.Remove(this);
    }
}

using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IopGuideBot.DirectLine;

/// <summary>
/// Token buckets for the public parts of the website chat: new chats per client address, activities per conversation.
/// Kept per instance: behind a load balancer each instance allows its share, which still bounds what one client can do.
/// </summary>
public sealed class DirectLineRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _newChats;
    private readonly PartitionedRateLimiter<string> _activities;

    public DirectLineRateLimits(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _newChats = Buckets(settings.TokensPerMinutePerClient, settings.TokensPerMinutePerClient);
        _activities = Buckets(settings.ActivityBurstPerConversation, settings.ActivitiesPerMinutePerConversation);
    }

    /// <summary>Null when the client may start a chat now; otherwise how long it should wait.</summary>
    public TimeSpan? TryStartChat(string clientAddress) => TryAcquire(_newChats, clientAddress);

    /// <summary>Null when the conversation may post now; otherwise how long it should wait.</summary>
    public TimeSpan? TryPostActivity(string conversationId) => TryAcquire(_activities, conversationId);

    public void Dispose()
    {
        _newChats.Dispose();
        _activities.Dispose();
    }

    private static TimeSpan? TryAcquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    private static PartitionedRateLimiter<string> Buckets(int burst, int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}

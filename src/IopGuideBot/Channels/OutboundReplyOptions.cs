using System.ComponentModel.DataAnnotations;

namespace IopGuideBot.Channels;

/// <summary>
/// How replies are sent to a channel's <c>serviceUrl</c> (section <c>Bot:Outbound</c>). Short on purpose: a channel
/// that accepts a connection and never answers holds the person's request for at most <see cref="TotalTimeout"/>.
/// </summary>
public sealed class OutboundReplyOptions
{
    public const string SectionName = "Bot:Outbound";

    /// <summary>Time to open a TCP connection to the channel.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time for one attempt, from sending the reply to the channel's answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time for one reply, all attempts and waits between them included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries after a transient failure (connection refused or reset, timeout, 408, 429, 5xx), with jitter.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First wait before a retry; later waits grow exponentially.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}

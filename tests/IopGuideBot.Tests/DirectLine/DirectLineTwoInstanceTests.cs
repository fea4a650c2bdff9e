using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests.DirectLine;

/// <summary>
/// Two service processes on one PostgreSQL database, as behind a load balancer: a browser's stream stays on one
/// instance while its posts (and so the bot's replies) may be handled by the other.
/// </summary>
public sealed class DirectLineTwoInstanceTests
{
    [SkippableFact]
    public async Task A_stream_on_one_instance_pushes_what_was_posted_and_answered_on_the_other()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = schema.ConnectionString,
            ["Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), "iopguidebot-tests", Guid.NewGuid().ToString("N")),
        };
        await using var first = ServiceProcess.Start(settings);
        await using var second = ServiceProcess.Start(settings);
        await Task.WhenAll(first.WaitUntilHealthyAsync(), second.WaitUntilHealthyAsync());
        using var a = new HttpClient { BaseAddress = first.BaseAddress };
        using var b = new HttpClient { BaseAddress = second.BaseAddress };

        var onA = await DirectLineChat.StartAsync(a);
        await using var stream = await onA.OpenStreamAsync();
        var onB = onA.On(b); // same conversation and token, other instance: tokens are sealed with the shared key ring

        var join = await onB.PostAsync(DirectLineChat.Join());
        var question = await onB.SayAsync("What is an intensive outpatient program?");
        var received = await stream.WaitForAsync(
            r => r.Any(x => DirectLineChat.IsBotMessage(x) && x.ReplyToId == join) && r.Any(x => DirectLineChat.IsBotMessage(x) && x.ReplyToId == question),
            "the welcome and the answer written by the other instance",
            // Shorter than the stream's own periodic re-read, so only the change notifications can bring them in time.
            timeout: TimeSpan.FromSeconds(10));

        Assert.Contains(received, x => x.Id == question && x.From.Id == onA.UserId);
        Assert.Equal(received.Count, received.Select(x => x.Id).Distinct().Count());
        Assert.Equal((await onB.ReadAllAsync()).Select(x => x.Id), (await onA.ReadAllAsync()).Select(x => x.Id));
    }
}

using System.Net;
using IopGuideBot.DirectLine;
using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests.DirectLine;

/// <summary>The public endpoints are rate-limited: per conversation for activities, per client address for new chats.</summary>
public sealed class DirectLineLimitsTests() : ServiceTest(new Dictionary<string, string?>
{
    ["DirectLine:ActivityBurstPerConversation"] = "3",
    ["DirectLine:ActivitiesPerMinutePerConversation"] = "1",
    ["DirectLine:TokensPerMinutePerClient"] = "3",
})
{
    [Fact]
    public async Task A_conversation_posting_too_fast_gets_429_with_retry_after_and_others_are_not_slowed()
    {
        var busy = await DirectLineChat.StartAsync(Client);
        var calm = await DirectLineChat.StartAsync(Client);
        for (var i = 0; i < 3; i++)
        {
            await busy.PostAsync(DirectLineChat.Join());
        }

        using var limited = await busy.PostRawAsync(DirectLineChat.Join());
        var calmId = await calm.PostAsync(DirectLineChat.Join());

        await DirectLineProtocolTests.AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, DirectLineErrorCodes.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains(await calm.ReadAllAsync(), a => a.Id == calmId);
        Assert.Equal(3, (await busy.ReadAllAsync()).Count(a => a.Type == "event"));
    }

    [Fact]
    public async Task One_address_starting_too_many_chats_gets_429()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await Client.PostAsync("/api/directline/token", null);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await DirectLineProtocolTests.AssertErrorAsync(last!, HttpStatusCode.TooManyRequests, DirectLineErrorCodes.TooManyRequests);
        Assert.True(last!.Headers.Contains("Retry-After"));
        last.Dispose();
    }
}

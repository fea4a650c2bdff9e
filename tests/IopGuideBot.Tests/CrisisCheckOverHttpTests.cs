using System.Diagnostics;
using System.Text;
using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>
/// The crisis check over real HTTP, on the inputs that used to switch it off or hold a core for minutes: a message as
/// large as the channel accepts gets a safe answer promptly (and a crisis at its end is still caught), and a noncharacter
/// inside a crisis message does not stop the crisis reply.
/// </summary>
public sealed class CrisisCheckOverHttpTests : ServiceTest
{
    /// <summary>Generous for a loaded 2-core machine; the quadratic check took minutes on this input. Costs are in the benchmarks.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(60);

    /// <summary>As close to the 256 KB body limit as a message's text can get with the rest of the activity around it.</summary>
    private static readonly string NearlyAQuarterMegabyte = Filler(250 * 1024);

    [Fact]
    public async Task A_message_of_nearly_256_KB_gets_a_prompt_friendly_answer()
    {
        var chat = new ExpectRepliesChat();
        var watch = Stopwatch.StartNew();

        var replies = await chat.SayAsync(Client, NearlyAQuarterMegabyte);

        Assert.True(watch.Elapsed < Prompt, $"answered after {watch.Elapsed}");
        Assert.Equal(["safety.too-long"], replies);
    }

    [Fact]
    public async Task A_crisis_at_the_end_of_a_256_KB_message_is_still_caught()
    {
        var chat = new ExpectRepliesChat();
        var watch = Stopwatch.StartNew();

        var replies = await chat.SayAsync(Client, NearlyAQuarterMegabyte + " honestly I want to kill myself tonight");

        Assert.True(watch.Elapsed < Prompt, $"answered after {watch.Elapsed}");
        Assert.Equal(["crisis.suicide", "crisis.team.alerted", "crisis.check"], replies);
    }

    [Theory]
    [InlineData("I want to kill myself", 0xFFFE)]
    [InlineData("my friend is overdosing", 0xD800)]
    public async Task A_noncharacter_does_not_switch_off_the_crisis_reply(string words, int codeUnit)
    {
        var chat = new ExpectRepliesChat();
        var text = (char)codeUnit + words + (char)codeUnit;

        var replies = await chat.SayAsync(Client, text);

        Assert.Equal("crisis.check", replies[^1]);
        Assert.StartsWith("crisis.", replies[0], StringComparison.Ordinal);
    }

    /// <summary>Ordinary words, so the text looks like a (very long) message rather than one repeated character.</summary>
    private static string Filler(int length)
    {
        const string words = "so I have been thinking about the program and my schedule and whether evening groups would work for me ";
        var sb = new StringBuilder(length + words.Length);
        while (sb.Length < length)
        {
            sb.Append(words);
        }

        return sb.ToString(0, length);
    }
}

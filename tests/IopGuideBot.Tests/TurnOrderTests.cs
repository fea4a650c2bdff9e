using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>
/// One turn at a time per conversation: "yes" and "no" sent together to "Are you 18 or older?" end in one branch —
/// never both the adult questionnaire and the under-18 stop — and both messages are answered. On one instance the
/// turns queue; on two instances over PostgreSQL the loser of the state race runs again on what the winner saved.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class TurnOrderTests
{
    private const string Adult = "triage.question.adult";
    private const string AdultBranch = "triage.question.substances";
    private const string UnderageBranch = "triage.under18";
    private const int Races = 6;

    [Fact]
    public async Task Yes_and_no_sent_together_end_in_one_branch_on_one_instance()
    {
        await using var service = new BotService();
        using var client = service.CreateLoopbackClient();

        for (var race = 0; race < Races; race++)
        {
            await RaceAsync(client, client);
        }
    }

    [SkippableFact]
    public async Task Yes_and_no_sent_together_to_two_instances_end_in_one_branch()
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
        using var a = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var b = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        for (var race = 0; race < Races; race++)
        {
            await RaceAsync(a, b);
        }

        using var metrics = new HttpClient { BaseAddress = first.BaseAddress };
        Assert.Equal(0, (await PrometheusScrape.ReadAsync(metrics)).Sum("iopguidebot_turns_failed_total"));
    }

    private static async Task RaceAsync(HttpClient forYes, HttpClient forNo)
    {
        var chat = new ExpectRepliesChat();
        Assert.Contains("topic:iop-right-for-me", await chat.SayAsync(forYes, "is an IOP right for me?"));
        Assert.Contains("triage.notice", await chat.SayAsync(forNo, "Start the questions"));
        Assert.Equal([Adult], await chat.SayAsync(forYes, "yes")); // "Start the questions" already said: for me

        var yes = chat.SayAsync(forYes, "yes");
        var no = chat.SayAsync(forNo, "no");
        var (yesReplies, noReplies) = (await yes, await no);

        Assert.True(yesReplies.Count > 0 && noReplies.Count > 0, $"a reply expected to each; 'yes' got [{string.Join(", ", yesReplies)}], 'no' got [{string.Join(", ", noReplies)}]");
        var adult = yesReplies.Contains(AdultBranch) || noReplies.Contains(AdultBranch);
        var underage = yesReplies.Contains(UnderageBranch) || noReplies.Contains(UnderageBranch);
        Assert.True(adult ^ underage, $"one branch expected; 'yes' got [{string.Join(", ", yesReplies)}], 'no' got [{string.Join(", ", noReplies)}]");
    }
}

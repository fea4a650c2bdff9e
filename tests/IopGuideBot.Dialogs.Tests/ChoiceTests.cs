using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Tests;

public class ChoiceTests
{
    private static readonly IList<Choice> Substances =
    [
        new("Alcohol", "drinking", "booze"),
        new("Opioids", "heroin", "fentanyl", "pills"),
        new("Cannabis", "weed", "marijuana"),
        new("Stimulants", "meth", "cocaine"),
    ];

    [Theory]
    [InlineData("Alcohol", "Alcohol", ChoiceMatchKind.Exact)]
    [InlineData("  OPIOIDS! ", "Opioids", ChoiceMatchKind.Exact)]
    [InlineData("weed", "Cannabis", ChoiceMatchKind.Synonym)]
    [InlineData("2", "Opioids", ChoiceMatchKind.Index)]
    [InlineData("option 3", "Cannabis", ChoiceMatchKind.Index)]
    [InlineData("four", "Stimulants", ChoiceMatchKind.Index)]
    [InlineData("the second one", "Opioids", ChoiceMatchKind.Ordinal)]
    [InlineData("2nd", "Opioids", ChoiceMatchKind.Ordinal)]
    [InlineData("the first", "Alcohol", ChoiceMatchKind.Ordinal)]
    [InlineData("last", "Stimulants", ChoiceMatchKind.Ordinal)]
    [InlineData("mostly drinking on weekends", "Alcohol", ChoiceMatchKind.Partial)]
    public void RecognisesEachStrategy(string utterance, string expected, ChoiceMatchKind kind)
    {
        var found = ChoiceRecognizer.Recognize(utterance, Substances);

        Assert.NotNull(found);
        Assert.Equal(expected, found.Value);
        Assert.Equal(kind, found.MatchKind);
        Assert.Equal(Substances.IndexOf(Substances.First(c => c.Value == expected)), found.Index);
    }

    [Fact]
    public void IgnoresAccentsAndCase()
    {
        IList<Choice> choices = [new("Sí"), new("No")];
        Assert.Equal("Sí", ChoiceRecognizer.Recognize("si", choices)?.Value);
        Assert.Equal("Sí", ChoiceRecognizer.Recognize("SÍ", choices)?.Value);

        IList<Choice> plain = [new("Si"), new("No")];
        Assert.Equal("Si", ChoiceRecognizer.Recognize("Sí", plain)?.Value);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("the fifth one")]
    [InlineData("something else entirely")]
    [InlineData("second hand smoke")]
    [InlineData("")]
    public void ReturnsNullWhenNothingMatchesConfidently(string utterance) =>
        Assert.Null(ChoiceRecognizer.Recognize(utterance, Substances));

    [Fact]
    public void PartialMatchNeedsAWinner()
    {
        IList<Choice> choices = [new("Morning group"), new("Evening group")];
        Assert.Null(ChoiceRecognizer.Recognize("group", choices));
        var found = ChoiceRecognizer.Recognize("the evening one", choices);
        Assert.Equal("Evening group", found?.Value);
        Assert.InRange(found!.Score, 0.5, 1.0);
    }

    [Fact]
    public void MatchesTheActionTitle()
    {
        IList<Choice> choices = [new("in_person") { Action = new CardAction(ActionTypes.ImBack, "In person", value: "in_person") }, new("video")];
        Assert.Equal("in_person", ChoiceRecognizer.Recognize("In person", choices)?.Value);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("test")]
    public async Task RendersSuggestedActionsWhereTheChannelShowsThem(string channelId)
    {
        var harness = PromptScenario.Create(new ChoicePrompt("p"), question: "Which substance?", choices: Substances, channelId: channelId);
        await harness.Flow()
            .Send("start").AssertReply(activity =>
            {
                var message = activity.AsMessageActivity();
                Assert.Equal("Which substance?", message.Text);
                Assert.Equal(["Alcohol", "Opioids", "Cannabis", "Stimulants"], message.SuggestedActions.Actions.Select(a => a.Title));
                Assert.All(message.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .Send("the second one").AssertReply("got Opioids#1")
            .StartTestAsync();
    }

    [Fact]
    public async Task RendersANumberedListElsewhereAndRetriesWithIt()
    {
        var harness = PromptScenario.Create(new ChoicePrompt("p"), question: "Which substance?", retry: "Pick one:", choices: Substances, channelId: "sms");
        await harness.Flow()
            .Send("start").AssertReply(activity =>
            {
                var message = activity.AsMessageActivity();
                Assert.Equal("Which substance?\n1. Alcohol\n2. Opioids\n3. Cannabis\n4. Stimulants", message.Text);
                Assert.Null(message.SuggestedActions);
            })
            .Send("tea").AssertReply("Pick one:\n1. Alcohol\n2. Opioids\n3. Cannabis\n4. Stimulants")
            .Send("meth").AssertReply("got Stimulants#3")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePromptEndsExhaustedAfterMaxAttempts()
    {
        var harness = PromptScenario.Create(new ChoicePrompt("p") { Style = ListStyle.None }, choices: Substances, maxAttempts: 2);
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("tea").AssertReply("retry?")
            .Send("coffee").AssertReply("exhausted")
            .StartTestAsync();
    }

    [Fact]
    public void RendersInline()
    {
        var activity = ChoiceFactory.Render(new Activity { Type = ActivityTypes.Message, Text = "Ready?" }, [new("Yes"), new("No"), new("Later")], ListStyle.InLine);
        Assert.Equal("Ready? 1. Yes, 2. No, or 3. Later", activity.Text);
    }
}

using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;

namespace IopGuideBot.Dialogs.Tests;

public class PromptTests
{
    [Fact]
    public async Task TextPromptRetriesOnBlankThenAccepts()
    {
        var harness = PromptScenario.Create(new TextPrompt("p"));
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("   ").AssertReply("retry?")
            .Send("Ana").AssertReply("got Ana")
            .StartTestAsync();
    }

    [Fact]
    public async Task RepeatsTheQuestionWhenThereIsNoRetryPrompt()
    {
        var harness = PromptScenario.Create(new NumberPrompt<int>("p"), retry: null);
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("lots").AssertReply("question?")
            .Send("4").AssertReply("got 4")
            .StartTestAsync();
    }

    [Fact]
    public async Task EndsWithAttemptsExhaustedAfterMaxAttempts()
    {
        var harness = PromptScenario.Create(new NumberPrompt<int>("p"), maxAttempts: 2);
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("no idea").AssertReply("retry?")
            .Send("still no idea").AssertReply("exhausted")
            .StartTestAsync();

        Assert.Same(PromptAttemptsExhausted.Instance, harness.Results[^1].Result);
        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
    }

    [Fact]
    public async Task DefaultMaxAttemptsIsThreeAndConfigurable()
    {
        var harness = PromptScenario.Create(new TextPrompt("p", (ctx, ct) => Task.FromResult(false)));
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("a").AssertReply("retry?")
            .Send("b").AssertReply("retry?")
            .Send("c").AssertReply("exhausted")
            .StartTestAsync();

        var once = PromptScenario.Create(new TextPrompt("p", (ctx, ct) => Task.FromResult(false)) { DefaultMaxAttempts = 1 });
        await once.Flow()
            .Send("start").AssertReply("question?")
            .Send("a").AssertReply("exhausted")
            .StartTestAsync();
    }

    [Fact]
    public async Task CustomValidatorSeesAttemptsAndCanAnswerItself()
    {
        var attempts = new List<int>();
        var prompt = new NumberPrompt<int>("p", async (ctx, ct) =>
        {
            attempts.Add(ctx.AttemptCount);
            if (ctx.Recognized.Succeeded && ctx.Recognized.Value is >= 0 and <= 7)
            {
                return true;
            }

            await ctx.Context.SendActivityAsync("Between 0 and 7 days, please.", cancellationToken: ct);
            return false;
        });
        var harness = PromptScenario.Create(prompt);

        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("9").AssertReply("Between 0 and 7 days, please.")
            .Send("five").AssertReply("got 5")
            .StartTestAsync();

        Assert.Equal([1, 2], attempts);
    }

    [Theory]
    [InlineData("three times a week", "en-us", "3")]
    [InlineData("twice", "en-us", "2")]
    [InlineData("once a week", "en-us", "1")]
    [InlineData("about 12 drinks", "en-us", "12")]
    [InlineData("tres veces", "es-es", "3")]
    public async Task NumberPromptRecognisesWordsAndDigits(string answer, string locale, string expected)
    {
        var harness = PromptScenario.Create(new NumberPrompt<int>("p"), locale: locale);
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send(answer).AssertReply($"got {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPromptUsesTheLocaleForDecimalCommas()
    {
        var german = PromptScenario.Create(new NumberPrompt<double>("p"), locale: "de-DE");
        await german.Flow()
            .Send("start").AssertReply("question?")
            .Send("1,5").AssertReply("got 1.5")
            .StartTestAsync();

        // Without an activity locale, the prompt's DefaultLocale decides.
        Assert.Equal(1.5m, NumberPrompt<double>.RecognizeNumber("1,5", "de-de"));
        var byDefault = PromptScenario.Create(new NumberPrompt<double>("p", defaultLocale: "de-DE"), locale: string.Empty);
        await byDefault.Flow()
            .Send("start").AssertReply("question?")
            .Send("2,25").AssertReply("got 2.25")
            .StartTestAsync();
    }

    [Fact]
    public async Task IntNumberPromptRejectsFractions()
    {
        var harness = PromptScenario.Create(new NumberPrompt<int>("p"));
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("2.5").AssertReply("retry?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yeah")]
    [InlineData("yep")]
    [InlineData("yup")]
    [InlineData("sure")]
    [InlineData("ok")]
    [InlineData("Okay!")]
    [InlineData("of course")]
    [InlineData("definitely")]
    [InlineData("please")]
    [InlineData("y")]
    [InlineData("Sí")]
    [InlineData("si")]
    [InlineData("claro")]
    [InlineData("vale")]
    [InlineData("yes please")]
    public async Task ConfirmPromptRecognisesYes(string answer)
    {
        var harness = PromptScenario.Create(new ConfirmPrompt("p"), channelId: "sms");
        await harness.Flow()
            .Send("start").AssertReply("question? 1. Yes, or 2. No")
            .Send(answer).AssertReply("got True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("no")]
    [InlineData("Nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("no thanks")]
    [InlineData("n")]
    [InlineData("never")]
    [InlineData("No, gracias")]
    public async Task ConfirmPromptRecognisesNo(string answer)
    {
        var harness = PromptScenario.Create(new ConfirmPrompt("p"), channelId: "sms");
        await harness.Flow()
            .Send("start").AssertReply("question? 1. Yes, or 2. No")
            .Send(answer).AssertReply("got False")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("maybe")]
    [InlineData("I don't know")]
    [InlineData("no sé")]
    [InlineData("yesterday")]
    [InlineData("nobody")]
    [InlineData("yes and no")]
    public async Task ConfirmPromptDoesNotMistakeHedgesOrLookalikesForAnAnswer(string answer)
    {
        var harness = PromptScenario.Create(new ConfirmPrompt("p"), channelId: "sms");
        await harness.Flow()
            .Send("start").AssertReply("question? 1. Yes, or 2. No")
            .Send(answer).AssertReply("retry? 1. Yes, or 2. No")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPromptShowsSpanishButtons()
    {
        var harness = PromptScenario.Create(new ConfirmPrompt("p"), locale: "es-ES", channelId: "directline");
        await harness.Flow()
            .Send("start").AssertReply(activity =>
            {
                var actions = activity.AsMessageActivity().SuggestedActions.Actions;
                Assert.Equal(["Sí", "No"], actions.Select(a => a.Title));
            })
            .Send("claro").AssertReply("got True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("555 201 3344")]
    [InlineData("(555) 201-3344")]
    [InlineData("+1 555-201-3344")]
    [InlineData("5552013344")]
    [InlineData("my number is 555.201.3344")]
    public async Task PhonePromptNormalisesToE164(string answer)
    {
        var harness = PromptScenario.Create(new PhonePrompt("p"));
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send(answer).AssertReply("got +15552013344")
            .StartTestAsync();
    }

    [Fact]
    public async Task PhonePromptReasksForAnInvalidNumber()
    {
        var harness = PromptScenario.Create(new PhonePrompt("p"));
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("12345").AssertReply("retry?")
            .Send("call me maybe").AssertReply("retry?")
            .Send("(555) 201-3344").AssertReply("got +15552013344")
            .StartTestAsync();
    }

    [Fact]
    public async Task EmailPromptAcceptsAValidAddressAndReasksOtherwise()
    {
        var harness = PromptScenario.Create(new EmailPrompt("p"));
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("ana at example").AssertReply("retry?")
            .Send("ana@").AssertReply("retry?")
            .Send("it's Ana.Lopez@Example.ORG thanks").AssertReply("got Ana.Lopez@example.org")
            .StartTestAsync();
    }
}

using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs.Tests;

/// <summary>Go back, skip, "not sure", asking back, and asking again after an interruption: the engine's guided-flow features.</summary>
public class NavigationTests
{
    private static readonly NavigationPhrases Phrases = new(
        skip: ["skip", "pass", "rather not say"],
        back: ["go back", "back", "change my answer"],
        unsure: ["not sure", "idk", "no idea", "dont know"]);

    /// <summary>Three questions as ask/record pairs of named steps; records go into Values and the last step reports them.</summary>
    private static WaterfallDialog Questionnaire(string[] order, string id = "q")
    {
        var waterfall = new WaterfallDialog(id);
        foreach (var name in order)
        {
            waterfall.AddStep("ask:" + name, async (step, ct) =>
            {
                if (step.Values.ContainsKey(name) && step.Reason != DialogReason.BackCalled)
                {
                    return await step.NextAsync(null, ct);
                }

                return await step.PromptAsync("number", new PromptOptions
                {
                    Prompt = MessageFactory.Text($"{name}?"),
                    RetryPrompt = MessageFactory.Text($"{name} again?"),
                    SkipOffer = MessageFactory.Text($"skip {name}?"),
                    AllowSkip = true,
                    AllowBack = true,
                }, ct);
            });
            waterfall.AddStep("record:" + name, async (step, ct) =>
            {
                switch (step.Result)
                {
                    case PromptNavigation { Kind: PromptNavigationKind.Back }:
                        if (!step.CanGoBack)
                        {
                            await step.Context.SendActivityAsync("first question", cancellationToken: ct);
                        }

                        return await step.GoBackAsync(ct);
                    case PromptNavigation { Kind: PromptNavigationKind.Skip }:
                        step.Values[name] = "skipped";
                        break;
                    case int value:
                        step.Values[name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }

                return await step.NextAsync(null, ct);
            });
        }

        waterfall.AddStep("report", async (step, ct) =>
        {
            var report = string.Join(" ", step.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
            await step.Context.SendActivityAsync(report, cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        });
        return waterfall;
    }

    private static ComponentDialog Root(WaterfallDialog waterfall)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(waterfall);
        root.AddDialog(new NumberPrompt<int>("number") { Navigation = Phrases });
        return root;
    }

    [Fact]
    public async Task GoBackAsksThePreviousQuestionAgainAndThenCarriesOn()
    {
        var harness = new DialogTestHarness(Root(Questionnaire(["a", "b", "c"])));
        await harness.Flow()
            .Send("start").AssertReply("a?")
            .Send("1").AssertReply("b?")
            .Send("go back").AssertReply("a?")
            .Send("5").AssertReply("b?")
            .Send("2").AssertReply("c?")
            .Send("can we go back to the last question please").AssertReply("b?")
            .Send("7").AssertReply("c?")
            .Send("3").AssertReply("a=5 b=7 c=3")
            .StartTestAsync();
    }

    [Fact]
    public async Task GoBackPassesOverStepsThatDidNotAsk()
    {
        var harness = new DialogTestHarness(Root(Questionnaire(["a", "b", "c"])));
        await harness.Flow()
            .Send("start").AssertReply("a?")
            .Send("1").AssertReply("b?")
            .Send("skip").AssertReply("c?")
            .Send("back").AssertReply("b?")
            .Send("back").AssertReply("a?")
            .Send("back").AssertReply("first question").AssertReply("a?")
            .StartTestAsync();
    }

    [Fact]
    public async Task NamedStepsKeepTheirPlaceWhenTheOrderChangesMidConversation()
    {
        var first = new DialogTestHarness(Root(Questionnaire(["a", "b", "c"])));
        await first.Flow()
            .Send("start").AssertReply("a?")
            .Send("1").AssertReply("b?")
            .StartTestAsync();

        // The steps are reordered (as when staff edit content and the service restarts): "b" is still the open question.
        var restarted = first.Restart(Root(Questionnaire(["c", "b", "a"])));
        await restarted.Flow()
            .Send("2").AssertReply("a=1 b=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task AWordThatIsOnlyPartOfAnAnswerDoesNotNavigate()
    {
        var harness = PromptScenario.Create(new NumberPrompt<int>("p") { Navigation = Phrases });
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("I don't want to go back to 3").AssertReply("got 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task SkipAndBackOnlyWhereTheOptionsAllowThem()
    {
        var harness = PromptScenario.Create(new NumberPrompt<int>("p") { Navigation = Phrases });
        await harness.Flow()
            .Send("start").AssertReply("question?")
            .Send("skip").AssertReply("retry?")
            .Send("go back").AssertReply("retry?")
            .Send("4").AssertReply("got 4")
            .StartTestAsync();
    }

    [Fact]
    public async Task NotSureOffersToSkipAndAYesThenSkips()
    {
        var harness = new DialogTestHarness(Root(Questionnaire(["a"])));
        await harness.Flow()
            .Send("start").AssertReply("a?")
            .Send("honestly idk").AssertReply("skip a?")
            .Send("ok").AssertReply("a=skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnAnswerAfterTheSkipOfferIsStillTaken()
    {
        var harness = new DialogTestHarness(Root(Questionnaire(["a"])));
        await harness.Flow()
            .Send("start").AssertReply("a?")
            .Send("no idea").AssertReply("skip a?")
            .Send("maybe 6").AssertReply("a=6")
            .StartTestAsync();
    }

    [Fact]
    public async Task UnsureTwiceSkips()
    {
        var harness = new DialogTestHarness(Root(Questionnaire(["a"])));
        await harness.Flow()
            .Send("start").AssertReply("a?")
            .Send("not sure").AssertReply("skip a?")
            .Send("i dont know").AssertReply("a=skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterTwoMissesTheQuestionOffersToSkip()
    {
        var harness = new DialogTestHarness(Root(Questionnaire(["a"])));
        await harness.Flow()
            .Send("start").AssertReply("a?")
            .Send("purple").AssertReply("a again?")
            .Send("green").AssertReply("skip a?")
            .Send("yes").AssertReply("a=skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnAmbiguousAnswerIsAskedBackAndTheClarificationIsRead()
    {
        var choices = new List<Choice> { new("Weekly"), new("Daily") };
        var harness = PromptScenario.Create(new AmbiguousChoicePrompt("p"), choices: choices);
        await harness.Flow()
            .Send("start").AssertReply(a => Assert.StartsWith("question?", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("both").AssertReply(a => Assert.StartsWith("which: Weekly or Daily", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("the second").AssertReply("got Daily#1")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnUnrecognisedAnswerAParentHandlesIsAskedAgainWithoutCountingAMiss()
    {
        var root = new SideQuestionRoot();
        root.AddDialog(new WaterfallDialog("ask", [
            async (step, ct) => await step.PromptAsync("p", new PromptOptions
            {
                Prompt = MessageFactory.Text("how many?"),
                RetryPrompt = MessageFactory.Text("a number please"),
                ResumePrompt = MessageFactory.Text("so, how many?"),
                MaxAttempts = 1,
            }, ct),
            async (step, ct) => { await step.Context.SendActivityAsync($"got {step.Result}", cancellationToken: ct); return await step.EndDialogAsync(null, ct); },
        ]));
        root.AddDialog(new NumberPrompt<int>("p"));
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("start").AssertReply("how many?")
            .Send("is this private?").AssertReply("yes, it is private").AssertReply("so, how many?")
            .Send("is this private?").AssertReply("yes, it is private").AssertReply("so, how many?")
            .Send("3").AssertReply("got 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnEmptyResumePromptWaitsSilently()
    {
        var root = new SideQuestionRoot();
        root.AddDialog(new WaterfallDialog("ask", [
            async (step, ct) => await step.PromptAsync("p", new PromptOptions { Prompt = MessageFactory.Text("shall we?"), ResumePrompt = MessageFactory.Text(string.Empty) }, ct),
            async (step, ct) => { await step.Context.SendActivityAsync($"got {step.Result}", cancellationToken: ct); return await step.EndDialogAsync(null, ct); },
        ]));
        root.AddDialog(new ConfirmPrompt("p") { Style = ListStyle.None });
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("start").AssertReply("shall we?")
            .Send("is this private?").AssertReply("yes, it is private")
            .Send("sure").AssertReply("got True")
            .StartTestAsync();
    }

    [Fact]
    public async Task SkipOnAQuestionThatMustBeAnsweredIsHeardAndCountsTowardsTheLimit()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            async (step, ct) => await step.PromptAsync("p", new PromptOptions
            {
                Prompt = MessageFactory.Text("age?"),
                RetryPrompt = MessageFactory.Text("a number please"),
                CannotSkipPrompt = MessageFactory.Text("this one is needed"),
                UnsurePrompt = MessageFactory.Text("your best guess is fine"),
                MaxAttempts = 3,
            }, ct),
            async (step, ct) => { await step.Context.SendActivityAsync($"got {step.Result}", cancellationToken: ct); return await step.EndDialogAsync(null, ct); },
        ]));
        root.AddDialog(new NumberPrompt<int>("p") { Navigation = Phrases });
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("start").AssertReply("age?")
            .Send("skip").AssertReply("this one is needed")
            .Send("no idea").AssertReply("your best guess is fine")
            .Send("pass").AssertReply("got PromptAttemptsExhausted")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnUnrecognisedAnswerBubblesThroughNestedComponentsToTheRoot()
    {
        var inner = new ComponentDialog("inner");
        inner.AddDialog(new WaterfallDialog("ask", [
            async (step, ct) => await step.PromptAsync("p", new PromptOptions { Prompt = MessageFactory.Text("how many?") }, ct),
            async (step, ct) => { await step.Context.SendActivityAsync($"got {step.Result}", cancellationToken: ct); return await step.EndDialogAsync(null, ct); },
        ]));
        inner.AddDialog(new NumberPrompt<int>("p"));
        var root = new SideQuestionRoot();
        root.AddDialog(inner);
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("start").AssertReply("how many?")
            .Send("is this private?").AssertReply("yes, it is private").AssertReply("how many?")
            .Send("2").AssertReply("got 2")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChildContextShowsWhatAComponentIsDoing()
    {
        var inner = new ComponentDialog("inner");
        inner.AddDialog(new WaterfallDialog("ask", [
            async (step, ct) => await step.PromptAsync("p", new PromptOptions { Prompt = MessageFactory.Text("how many?") }, ct),
            async (step, ct) => await step.EndDialogAsync(step.Result, ct),
        ]));
        inner.AddDialog(new NumberPrompt<int>("p"));
        var root = new SideQuestionRoot();
        root.AddDialog(inner);
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("start").AssertReply("how many?")
            .Send("what is this?").AssertReply("how many?")
            .StartTestAsync();

        // From the root, down through the inner component: the prompt is what is waiting.
        Assert.Equal(["inner", "p"], root.SeenActive);
    }

    [Theory]
    [InlineData("yes", YesNoReading.Yes)]
    [InlineData("k", YesNoReading.Yes)]
    [InlineData("sure thing", YesNoReading.Yes)]
    [InlineData("let's do it", YesNoReading.Yes)]
    [InlineData("he did detox once", YesNoReading.Yes)]
    [InlineData("I've been to rehab twice", YesNoReading.Yes)]
    [InlineData("nope never", YesNoReading.No)]
    [InlineData("she hasn't", YesNoReading.No)]
    [InlineData("please don't mention the clinic", YesNoReading.No)]
    [InlineData("no problem at all", YesNoReading.Yes)]
    [InlineData("no wait, actually yes", YesNoReading.Yes)]
    [InlineData("I have no idea", YesNoReading.Unsure)]
    [InlineData("not sure", YesNoReading.Unsure)]
    [InlineData("yes and no", YesNoReading.Ambiguous)]
    [InlineData("kind of", YesNoReading.Ambiguous)]
    [InlineData("not right now", YesNoReading.No)]
    [InlineData("I'd rather you didn't", YesNoReading.No)]
    [InlineData("homeless right now", YesNoReading.None)]
    [InlineData("saw a counselor for a while", YesNoReading.Yes)]
    [InlineData("it depends", YesNoReading.Ambiguous)]
    [InlineData("purple", YesNoReading.None)]
    [InlineData("nobody", YesNoReading.None)]
    public void YesNoReadsAnswersInsideSentences(string text, YesNoReading expected) =>
        Assert.Equal(expected, YesNoLexicon.Read(text));

    [Fact]
    public void MentionsFindEveryChoiceNamedAndTheNegatedOnes()
    {
        var choices = new List<Choice>
        {
            new("alcohol", "beer", "drink", "wine"),
            new("cannabis", "weed", "marijuana"),
            new("opioids", "heroin", "pain pills"),
        };

        Assert.Equal([0, 1], ChoiceMentions.Find("mostly beers, some weed", choices).Select(m => m.Index));
        Assert.Equal([1], ChoiceMentions.Find("marijuanna", choices).Select(m => m.Index));
        var mentions = ChoiceMentions.Find("not drinking anymore, just heroin", choices);
        Assert.Equal([(0, true), (2, false)], mentions.Select(m => (m.Index, m.Negated)));
        Assert.Equal([2], ChoiceMentions.Find("mostly pain really bad pills", choices).Select(m => m.Index));
        Assert.Equal([1], ChoiceMentions.Find("wieed", choices).Select(m => m.Index));
    }

    /// <summary>A choice prompt that reads "both" as "could be either" and then takes the clarification as usual.</summary>
    private sealed class AmbiguousChoicePrompt(string id) : ChoicePrompt(id)
    {
        protected override async Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Text == "both")
            {
                return PromptRecognizerResult<FoundChoice>.Ambiguous(options.Choices!.Select((c, i) => new FoundChoice { Value = c.Value, Index = i }));
            }

            return await base.OnRecognizeAsync(turnContext, state, options, cancellationToken);
        }

        protected override Task OnClarifyAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, IReadOnlyList<FoundChoice> candidates, CancellationToken cancellationToken)
        {
            Assert.Equal(candidates, ClarifyingCandidates(state));
            return turnContext.SendActivityAsync($"which: {string.Join(" or ", candidates.Select(c => c.Value))}", cancellationToken: cancellationToken);
        }
    }

    /// <summary>A root that answers "is this private?" whenever a prompt below it cannot read it, and notes what was waiting.</summary>
    private sealed class SideQuestionRoot() : ComponentDialog("root")
    {
        public List<string> SeenActive { get; } = [];

        protected override async Task<bool> OnPostBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken)
        {
            SeenActive.Clear();
            for (var child = CreateChildContext(dc); child?.ActiveDialog is { } active;)
            {
                SeenActive.Add(active.Id);
                child = child.FindDialog(active.Id) is ComponentDialog component ? component.CreateChildContext(child) : null;
            }

            if (e.Name == DialogEvents.Unrecognized && e.Value as string == "is this private?")
            {
                await dc.Context.SendActivityAsync("yes, it is private", cancellationToken: cancellationToken);
                return true;
            }

            return false;
        }
    }
}

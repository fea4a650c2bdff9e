using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs.Tests;

public class WaterfallTests
{
    [Fact]
    public async Task AdvancesOneStepPerMessageAndEndsWithTheLastResult()
    {
        var waterfall = new WaterfallDialog("w", [
            async (step, ct) => { await step.Context.SendActivityAsync("step1", cancellationToken: ct); return Dialog.EndOfTurn; },
            async (step, ct) => { await step.Context.SendActivityAsync($"step2 got {step.Result}", cancellationToken: ct); return Dialog.EndOfTurn; },
            async (step, ct) => await step.EndDialogAsync($"done with {step.Result}", ct),
        ]);
        var harness = new DialogTestHarness(waterfall);

        await harness.Flow()
            .Send("hello").AssertReply("step1")
            .Send("a").AssertReply("step2 got a")
            .Send("b").StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
        Assert.Equal("done with b", harness.Results[^1].Result);
    }

    [Fact]
    public async Task PromptResultReachesTheNextStep()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("w", [
            async (step, ct) => await step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("name?") }, ct),
            async (step, ct) => { await step.Context.SendActivityAsync($"hi {step.Result}", cancellationToken: ct); return await step.EndDialogAsync(step.Result, ct); },
        ]));
        root.AddDialog(new TextPrompt("text"));
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("start").AssertReply("name?")
            .Send("  Ana ").AssertReply("hi Ana")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
        Assert.Equal("Ana", harness.Results[^1].Result);
    }
}

using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs.Tests;

public class ComponentDialogTests
{
    [Fact]
    public async Task NextAsyncTwiceInOneStepThrows()
    {
        Exception? caught = null;
        var waterfall = new WaterfallDialog("w", [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                caught = await Record.ExceptionAsync(() => step.NextAsync(null, ct));
                return Dialog.EndOfTurn;
            },
            async (step, ct) => { await step.Context.SendActivityAsync("step2", cancellationToken: ct); return Dialog.EndOfTurn; },
        ]);

        await new DialogTestHarness(waterfall).Flow().Send("go").AssertReply("step2").StartTestAsync();

        Assert.IsType<InvalidOperationException>(caught);
    }

    [Fact]
    public async Task NextAsyncSkipsAheadWithAResult()
    {
        var waterfall = new WaterfallDialog("w", [
            async (step, ct) => await step.NextAsync(42, ct),
            async (step, ct) => { await step.Context.SendActivityAsync($"{step.Reason} {step.Result}", cancellationToken: ct); return await step.EndDialogAsync(null, ct); },
        ]);

        await new DialogTestHarness(waterfall).Flow().Send("go").AssertReply("NextCalled 42").StartTestAsync();
    }

    [Fact]
    public async Task NestedComponentsPassResultsUpAndKeepTheirInnerStacks()
    {
        var inner = new ComponentDialog("inner");
        inner.AddDialog(new WaterfallDialog("innerSteps", [
            async (step, ct) => await step.PromptAsync("name", new PromptOptions { Prompt = MessageFactory.Text("name?") }, ct),
            async (step, ct) => await step.EndDialogAsync($"inner:{step.Result}", ct),
        ]));
        inner.AddDialog(new TextPrompt("name"));

        var outer = new ComponentDialog("outer");
        outer.AddDialog(new WaterfallDialog("outerSteps", [
            async (step, ct) => await step.BeginDialogAsync("inner", null, ct),
            async (step, ct) => { await step.Context.SendActivityAsync($"outer got {step.Result}", cancellationToken: ct); return Dialog.EndOfTurn; },
            async (step, ct) => await step.EndDialogAsync("done", ct),
        ]));
        outer.AddDialog(inner);

        var harness = new DialogTestHarness(outer);
        await harness.Flow()
            .Send("hi").AssertReply("name?")
            .Send("Ana").AssertReply("outer got inner:Ana")
            .StartTestAsync();

        // The same conversation goes on after a restart, through both components' persisted inner stacks.
        var restarted = harness.Restart();
        await restarted.Flow().Send("bye").StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, restarted.Results[^1].Status);
        Assert.Equal("done", restarted.Results[^1].Result);
    }

    [Fact]
    public async Task ParentHandlesHelpMidPromptAndTheQuestionIsAskedAgain()
    {
        var harness = new DialogTestHarness(new IntakeWithInterruptions());
        await harness.Flow()
            .Send("hi").AssertReply("How many days a week?")
            .Send("help").AssertReply("I'm asking so we can find the right group.")
            .AssertReply("How many days a week?")
            .Send("three").AssertReply("3 days, noted.")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelEndsEverythingFromAnyDepth()
    {
        var harness = new DialogTestHarness(new IntakeWithInterruptions());
        await harness.Flow()
            .Send("hi").AssertReply("How many days a week?")
            .Send("cancel").AssertReply("Cancelled.")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
        var state = await harness.Accessor.GetAsync(Turn(harness.Adapter, "x"), () => new DialogState());
        Assert.Empty(state.DialogStack);

        // The next message starts over.
        await harness.Flow().Send("hi again").AssertReply("How many days a week?").StartTestAsync();
    }

    [Fact]
    public async Task CancelAllDialogsEmptiesTheStack()
    {
        var prompt = new TextPrompt("p");
        var set = new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("d")).Add(prompt);
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        var turn = Turn(adapter, "hi");
        var dc = await set.CreateContextAsync(turn);

        await dc.PromptAsync("p", new PromptOptions { Prompt = MessageFactory.Text("q") });
        Assert.Equal("p", dc.ActiveDialog?.Id);

        var result = await dc.CancelAllDialogsAsync();
        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Null(dc.ActiveDialog);
        Assert.Equal(DialogTurnStatus.Empty, (await dc.CancelAllDialogsAsync()).Status);
    }

    [Fact]
    public async Task ReplaceDialogLoopsAWaterfallWithNewOptions()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("loop", [
            async (step, ct) =>
            {
                var round = (int?)step.Options ?? 1;
                step.Values["round"] = round;
                return await step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text($"round {round}?") }, ct);
            },
            async (step, ct) =>
            {
                var round = (int)step.Values["round"];
                return step.Result is "stop" || round == 3
                    ? await step.EndDialogAsync(round, ct)
                    : await step.ReplaceDialogAsync("loop", round + 1, ct);
            },
        ]));
        root.AddDialog(new TextPrompt("text"));

        var harness = new DialogTestHarness(root);
        await harness.Flow()
            .Send("go").AssertReply("round 1?")
            .Send("more").AssertReply("round 2?")
            .Send("stop")
            .StartTestAsync();

        Assert.Equal(2, harness.Results[^1].Result);
        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
    }

    [Fact]
    public async Task ExhaustedPromptLetsTheStepOfferAPerson()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("w", [
            async (step, ct) => await step.PromptAsync("days", new PromptOptions { Prompt = MessageFactory.Text("days?"), MaxAttempts = 1 }, ct),
            async (step, ct) =>
            {
                var reply = step.Result is PromptAttemptsExhausted ? "Let me find a person to help." : "thanks";
                await step.Context.SendActivityAsync(reply, cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new NumberPrompt<int>("days"));

        await new DialogTestHarness(root).Flow()
            .Send("hi").AssertReply("days?")
            .Send("dunno").AssertReply("Let me find a person to help.")
            .StartTestAsync();
    }

    [Fact]
    public async Task UnknownDialogIdFailsLoudly()
    {
        var waterfall = new WaterfallDialog("w", [async (step, ct) => await step.BeginDialogAsync("missing", null, ct)]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogTestHarness(waterfall).Flow().Send("hi").StartTestAsync());
    }

    private static TurnContext Turn(Microsoft.Bot.Builder.Adapters.TestAdapter adapter, string text)
    {
        var activity = adapter.MakeActivity(text);
        activity.ChannelId = adapter.Conversation.ChannelId;
        activity.Conversation = adapter.Conversation.Conversation;
        return new TurnContext(adapter, activity);
    }

    private sealed class IntakeWithInterruptions : ComponentDialog
    {
        public IntakeWithInterruptions()
            : base(nameof(IntakeWithInterruptions))
        {
            AddDialog(new WaterfallDialog("intake", [
                async (step, ct) => await step.PromptAsync("days", new PromptOptions { Prompt = MessageFactory.Text("How many days a week?") }, ct),
                async (step, ct) => { await step.Context.SendActivityAsync($"{step.Result} days, noted.", cancellationToken: ct); return Dialog.EndOfTurn; },
            ]));
            AddDialog(new NumberPrompt<int>("days"));
        }

        protected override async Task<DialogTurnResult?> OnInterruptAsync(DialogContext innerDc, CancellationToken ct)
        {
            switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
            {
                case "help":
                    await innerDc.Context.SendActivityAsync("I'm asking so we can find the right group.", cancellationToken: ct);
                    await innerDc.RepromptDialogAsync(ct);
                    return EndOfTurn;
                case "cancel":
                    await innerDc.Context.SendActivityAsync("Cancelled.", cancellationToken: ct);
                    return await innerDc.CancelAllDialogsAsync(ct);
                default:
                    return null;
            }
        }
    }
}

using BenchmarkDotNet.Attributes;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace IopGuideBot.Benchmarks;

/// <summary>One whole turn in memory: load state, recognise the answer, resume the waterfall, ask again, save state.</summary>
[MemoryDiagnoser]
public class PromptTurnBenchmarks
{
    private TestAdapter _adapter = null!;
    private ConversationState _conversationState = null!;
    private IStatePropertyAccessor<DialogState> _accessor = null!;
    private ComponentDialog _root = null!;
    private BotCallbackHandler _callback = null!;

    [GlobalSetup]
    public void Setup()
    {
        _adapter = new TestAdapter("emulator");
        _conversationState = new ConversationState(new MemoryStorage());
        _accessor = _conversationState.CreateProperty<DialogState>(nameof(DialogState));
        _root = new ComponentDialog("root");
        _root.AddDialog(new WaterfallDialog("loop", [
            async (step, ct) => await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions
            {
                Prompt = MessageFactory.Text("Which substance?"),
                Choices = [new Choice("Alcohol", "drinking"), new Choice("Opioids", "pills"), new Choice("Cannabis", "weed")],
            }, ct),
            async (step, ct) =>
            {
                step.Values["last"] = ((FoundChoice)step.Result!).Index;
                return await step.ReplaceDialogAsync("loop", null, ct);
            },
        ]));
        _root.AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
        _root.AddDialog(new TextPrompt(nameof(TextPrompt)));
        _callback = async (turnContext, ct) =>
        {
            await _root.RunAsync(turnContext, _accessor, ct);
            await _conversationState.SaveChangesAsync(turnContext, false, ct);
        };

        RecognizerWarmup.Run("en-us");
        _adapter.ProcessActivityAsync(_adapter.MakeActivity("start"), _callback).GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task ChoicePromptTurn()
    {
        await _adapter.ProcessActivityAsync(_adapter.MakeActivity("the second one"), _callback);
        _adapter.ActiveQueue.Clear();
    }
}

using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Dialogs.Tests;

/// <summary>A root component that asks one prompt and replies with what it got, so tests assert what the user sees.</summary>
internal static class PromptScenario
{
    public static DialogTestHarness Create(Dialog prompt, string question = "question?", string? retry = "retry?", int? maxAttempts = null, IList<Choice>? choices = null, Func<object?, string>? format = null, string channelId = "test", string? locale = null)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            async (step, ct) => await step.PromptAsync(prompt.Id, new PromptOptions
            {
                Prompt = MessageFactory.Text(question),
                RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
                MaxAttempts = maxAttempts,
                Choices = choices,
            }, ct),
            async (step, ct) =>
            {
                var reply = step.Result is PromptAttemptsExhausted ? "exhausted" : $"got {(format ?? Default)(step.Result)}";
                await step.Context.SendActivityAsync(reply, cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        root.AddDialog(prompt);
        return new DialogTestHarness(root, channelId: channelId, locale: locale);
    }

    private static string Default(object? value) => value switch
    {
        FoundChoice found => $"{found.Value}#{found.Index}",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}

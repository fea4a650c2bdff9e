using IopGuideBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>Asks a yes/no question; the result is a <see cref="bool"/>. Recognition is <see cref="YesNoLexicon"/>'s; "yes and no" is asked back.</summary>
public class ConfirmPrompt : Prompt<bool>
{
    /// <summary>Initializes a new instance of the <see cref="ConfirmPrompt"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator.</param>
    /// <param name="defaultLocale">The culture used when the activity has no locale.</param>
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator)
    {
        DefaultLocale = defaultLocale;
    }

    /// <summary>Gets or sets how the yes/no buttons are shown. Default <see cref="ListStyle.Auto"/>.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Gets or sets the culture used when the activity has no locale (Spanish shows "Sí"/"No").</summary>
    public string? DefaultLocale { get; set; }

    /// <inheritdoc/>
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var culture = PromptCulture.Resolve(turnContext.Activity.Locale, DefaultLocale);
        var spanish = PromptCulture.IsSpanish(culture);
        IList<Choice> choices = options.Choices ?? (spanish ? [new("Sí"), new("No")] : [new("Yes"), new("No")]);
        var question = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var style = ChoiceFactory.ResolveStyle(options.Style ?? Style, turnContext.Activity.ChannelId, choices.Count);

        // Inline reads better than a list for two options.
        var activity = ChoiceFactory.Render(question, choices, style == ListStyle.List ? ListStyle.InLine : style, spanish ? "o" : "or");
        await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        var reading = YesNoLexicon.Read(text);
        if (reading == YesNoReading.Ambiguous)
        {
            return Task.FromResult(PromptRecognizerResult<bool>.Ambiguous([true, false]));
        }

        var answer = reading switch { YesNoReading.Yes => true, YesNoReading.No => false, _ => (bool?)null };

        // The rendered list is "1. Yes, 2. No", so the numbers answer too.
        answer ??= ChoiceText.Normalize(text) switch { "1" => true, "2" => false, _ => null };
        return Task.FromResult(answer is { } value ? PromptRecognizerResult<bool>.Success(value) : PromptRecognizerResult<bool>.Failure());
    }
}

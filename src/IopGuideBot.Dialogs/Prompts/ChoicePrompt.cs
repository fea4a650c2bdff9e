using IopGuideBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>; the result is a <see cref="FoundChoice"/>.
/// Matching is <see cref="ChoiceRecognizer"/>'s; rendering is <see cref="ChoiceFactory"/>'s.
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    /// <summary>Initializes a new instance of the <see cref="ChoicePrompt"/> class.</summary>
    /// <param name="dialogId">The dialog id.</param>
    /// <param name="validator">An optional validator.</param>
    /// <param name="defaultLocale">The culture used when the activity has no locale.</param>
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, string? defaultLocale = null)
        : base(dialogId, validator)
    {
        DefaultLocale = defaultLocale;
    }

    /// <summary>Gets or sets how choices are shown when <see cref="PromptOptions.Style"/> is not set. Default <see cref="ListStyle.Auto"/>.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Gets or sets the culture used when the activity has no locale.</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>Gets or sets the least score a partial (word overlap) match needs.</summary>
    public double MinPartialScore { get; set; } = ChoiceRecognizer.DefaultMinPartialScore;

    /// <inheritdoc/>
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var choices = options.Choices ?? [];
        var question = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var style = ChoiceFactory.ResolveStyle(options.Style ?? Style, turnContext.Activity.ChannelId, choices.Count);
        var culture = PromptCulture.Resolve(turnContext.Activity.Locale, DefaultLocale);
        var activity = ChoiceFactory.Render(question, choices, style, PromptCulture.IsSpanish(culture) ? "o" : "or");
        await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;

        // A suggested action posts its value back; some channels put it in Value rather than Text.
        var text = activity.Type == ActivityTypes.Message ? activity.Text ?? activity.Value as string : null;
        var culture = PromptCulture.Resolve(activity.Locale, DefaultLocale);
        var found = ChoiceRecognizer.Recognize(text, options.Choices ?? [], culture, MinPartialScore);
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failure() : PromptRecognizerResult<FoundChoice>.Success(found));
    }
}

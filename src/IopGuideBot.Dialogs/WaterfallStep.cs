namespace IopGuideBot.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>.</summary>
/// <param name="stepContext">The step's context: the previous step's <see cref="WaterfallStepContext.Result"/>, the <see cref="WaterfallStepContext.Values"/>.</param>
/// <param name="cancellationToken">Cancels the operation.</param>
/// <returns>Usually a prompt's or <see cref="Dialog.EndOfTurn"/>, <see cref="WaterfallStepContext.NextAsync"/> or <see cref="DialogContext.EndDialogAsync"/>.</returns>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

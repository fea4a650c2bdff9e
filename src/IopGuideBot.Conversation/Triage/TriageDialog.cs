using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation;
using System.Globalization;
using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Choices;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IopGuideBot.Conversation.Triage;

/// <summary>
/// The "Is an IOP right for me?" questionnaire, driven by <c>triage.yaml</c>: notice and explicit yes, then the
/// questions (worded about the loved one on the family path), the suggestion from <see cref="TriageScorer"/>, and only
/// with consent the contact steps. Ends with the <see cref="TriageResult"/> (also put in conversation state and given to
/// <see cref="ITriageResultSink"/>).
/// </summary>
/// <remarks>
/// One dialog with its own step pointer rather than a waterfall of prompts, because "skip", "go back" and "keep going"
/// must work on any question. Answers are read with the engine's recognizers (<see cref="ChoiceRecognizer"/>,
/// <see cref="YesNoLexicon"/>, <see cref="NumberPrompt{T}.RecognizeNumber"/>, <see cref="PhonePrompt.RecognizePhone"/>,
/// <see cref="EmailPrompt.RecognizeEmail"/>, <see cref="DateTimePrompt.Recognize"/>), so free text works, not only
/// buttons. A side question the main dialog answers (its interruption) ends with <see cref="RepromptDialogAsync"/>,
/// which asks the same question again; side questions that reach this dialog get a short answer and the same question.
/// Options: the main flow's <see cref="InquiryFor"/>.
/// </remarks>
public sealed partial class TriageDialog : Dialog
{
    public const string DialogId = "triage";
    public const string ResultPropertyName = "TriageResult";
    private const string ProgressKey = "progress";
    private const int MaxFailedAttempts = 3;

    private readonly ClinicContent _content;
    private readonly ITriageResultSink _sink;
    private readonly IStatePropertyAccessor<SafetyState>? _safetyState;
    private readonly IStatePropertyAccessor<TriageResult>? _resultState;
    private readonly TimeProvider _time;

    public TriageDialog(ClinicContent content, ITriageResultSink sink, ConversationState? conversationState = null, TimeProvider? time = null)
        : base(DialogId)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _safetyState = conversationState is null ? null : SafetyState.CreateAccessor(conversationState);
        _resultState = conversationState?.CreateProperty<TriageResult>(ResultPropertyName);
        _time = time ?? TimeProvider.System;
        _ = Triage; // fail at start-up if triage.yaml is not loaded
    }

    private TriageContent Triage => _content.Section<TriageContent>();

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var progress = new TriageProgress();
        var forWhom = options switch
        {
            InquiryFor f and not InquiryFor.Unknown => f,
            _ => (InquiryFor?)null,
        };
        if (forWhom is { } given)
        {
            progress.ForWhom = given;
            progress.ForWhomGiven = true;
        }

        dc.ActiveDialog!.State[ProgressKey] = progress;
        await SendNoticeAsync(dc.Context, progress, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var tc = dc.Context;
        if (tc.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var progress = Progress(dc.ActiveDialog!);
        var text = (tc.Activity.Text ?? string.Empty).Trim();

        if (!progress.NoticeAccepted)
        {
            return await ContinueNoticeAsync(dc, progress, text, cancellationToken).ConfigureAwait(false);
        }

        var steps = Steps();
        if (progress.Step >= steps.Count)
        {
            return await FinishAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        var question = steps[progress.Step];
        if (IsSkip(text))
        {
            if (question.Skippable)
            {
                progress.Answers[question.Id] = TriageAnswer.Skip(question.Id);
                progress.History.Add(progress.Step);
                await SendAsync(tc, TriageContent.Skipped, cancellationToken).ConfigureAwait(false);
                return await AdvanceAsync(dc, progress, cancellationToken).ConfigureAwait(false);
            }

            await SendAsync(tc, TriageContent.Retry, cancellationToken).ConfigureAwait(false);
            return await AskAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        if (IsBack(text))
        {
            if (progress.History.Count == 0)
            {
                await SendAsync(tc, TriageContent.BackFirst, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                progress.Step = progress.History[^1];
                progress.History.RemoveAt(progress.History.Count - 1);
                progress.Answers.Remove(steps[progress.Step].Id);
                if (progress.Step < Triage.Questions.Count)
                {
                    progress.OutcomeShown = false;
                }
            }

            progress.FailedAttempts = 0;
            return await AskAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        if (IsResume(text))
        {
            await SendAsync(tc, TriageContent.Resume, cancellationToken).ConfigureAwait(false);
            return await AskAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        if (PrivacyQuestion().IsMatch(text))
        {
            await SendAsync(tc, TriageContent.Privacy, cancellationToken).ConfigureAwait(false);
            return await AskAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        var (answer, notedLabel) = Recognize(question, text);
        if (answer is null)
        {
            return await RetryAsync(dc, progress, question, text, cancellationToken).ConfigureAwait(false);
        }

        progress.FailedAttempts = 0;
        progress.Answers[question.Id] = answer;
        progress.History.Add(progress.Step);
        if (notedLabel is not null)
        {
            await tc.SendActivityAsync(
                Replies.Create(_content, TriageContent.FrequencyNoted, Triage.Fill(Triage[TriageContent.FrequencyNoted].Text.Value, notedLabel)),
                cancellationToken).ConfigureAwait(false);
        }

        if (question.Id == TriageQuestionIds.ForWhom)
        {
            progress.ForWhom = answer.Is("family") ? InquiryFor.FamilyMember : InquiryFor.Self;
        }

        if (question.Id == TriageQuestionIds.Adult && answer.Is("no"))
        {
            var key = progress.ForWhom == InquiryFor.FamilyMember ? TriageContent.Under18Family : TriageContent.Under18;
            await SendAsync(tc, key, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (question.Id == TriageQuestionIds.ContactConsent && answer.Is("no"))
        {
            progress.Step = steps.Count;
            return await FinishAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        return await AdvanceAsync(dc, progress, cancellationToken).ConfigureAwait(false);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return ResumeCoreAsync(dc, cancellationToken);
    }

    private async Task<DialogTurnResult> ResumeCoreAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>Asks the current question again (or the notice) — used after a side question or an interruption.</summary>
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var progress = Progress(instance);
        return progress.NoticeAccepted
            ? SendQuestionAsync(turnContext, progress, cancellationToken)
            : SendNoticeAsync(turnContext, progress, cancellationToken);
    }

    private async Task<DialogTurnResult> ContinueNoticeAsync(DialogContext dc, TriageProgress progress, string text, CancellationToken cancellationToken)
    {
        var tc = dc.Context;
        if (IsResume(text) || PrivacyQuestion().IsMatch(text))
        {
            await SendAsync(tc, IsResume(text) ? TriageContent.Resume : TriageContent.Privacy, cancellationToken).ConfigureAwait(false);
            await SendNoticeAsync(tc, progress, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        switch (YesNoLexicon.Recognize(text))
        {
            case true:
                progress.NoticeAccepted = true;
                progress.Step = 0;
                return await AskAsync(dc, progress, cancellationToken).ConfigureAwait(false);
            case false:
                // Nothing personal was asked, so nothing is kept or handed on.
                await SendAsync(tc, TriageContent.NoticeDeclined, cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                if (++progress.FailedAttempts >= MaxFailedAttempts)
                {
                    await SendAsync(tc, TriageContent.NoticeDeclined, cancellationToken).ConfigureAwait(false);
                    return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
                }

                await SendAsync(tc, TriageContent.Retry, cancellationToken).ConfigureAwait(false);
                await SendNoticeAsync(tc, progress, cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
        }
    }

    private async Task<DialogTurnResult> RetryAsync(DialogContext dc, TriageProgress progress, TriageQuestion question, string text, CancellationToken cancellationToken)
    {
        var tc = dc.Context;
        if (++progress.FailedAttempts >= MaxFailedAttempts && question.Skippable)
        {
            progress.FailedAttempts = 0;
            progress.Answers[question.Id] = TriageAnswer.Skip(question.Id);
            progress.History.Add(progress.Step);
            await SendAsync(tc, TriageContent.Skipped, cancellationToken).ConfigureAwait(false);
            return await AdvanceAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        var key = text.EndsWith('?') ? TriageContent.SideQuestion : question.Kind switch
        {
            TriageQuestionKind.Phone => TriageContent.RetryPhone,
            TriageQuestionKind.Email => TriageContent.RetryEmail,
            TriageQuestionKind.Number => TriageContent.RetryNumber,
            _ => TriageContent.Retry,
        };
        await SendAsync(tc, key, cancellationToken).ConfigureAwait(false);
        return await AskAsync(dc, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AdvanceAsync(DialogContext dc, TriageProgress progress, CancellationToken cancellationToken)
    {
        var steps = Steps();
        var next = progress.Step + 1;
        while (next < steps.Count && ShouldSkipStep(steps[next], progress))
        {
            next++;
        }

        progress.Step = next;
        if (next >= steps.Count)
        {
            return await FinishAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        return await AskAsync(dc, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, TriageProgress progress, CancellationToken cancellationToken)
    {
        var steps = Steps();
        while (progress.Step < steps.Count && ShouldSkipStep(steps[progress.Step], progress))
        {
            progress.Step++;
        }

        if (progress.Step >= steps.Count)
        {
            return await FinishAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        // Reaching the first contact step: show the suggestion first, once.
        if (progress.Step >= Triage.Questions.Count && !progress.OutcomeShown)
        {
            progress.OutcomeShown = true;
            await SendOutcomeAsync(dc.Context, progress, cancellationToken).ConfigureAwait(false);
        }

        await SendQuestionAsync(dc.Context, progress, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private static bool ShouldSkipStep(TriageQuestion question, TriageProgress progress) =>
        question.Id == TriageQuestionIds.ForWhom && progress.ForWhomGiven;

    private async Task SendOutcomeAsync(ITurnContext tc, TriageProgress progress, CancellationToken cancellationToken)
    {
        var assessment = await ScoreAsync(tc, progress, cancellationToken).ConfigureAwait(false);
        var outcomeKey = assessment.Outcome switch
        {
            TriageOutcome.HigherLevelOfCare => TriageContent.OutcomeHigherLevel,
            TriageOutcome.IopGoodFit => TriageContent.OutcomeIopFit,
            _ => TriageContent.OutcomeStandard,
        };
        var whenKey = assessment.Urgency switch
        {
            HandoffUrgency.Urgent => TriageContent.WhenUrgent,
            HandoffUrgency.Soon => TriageContent.WhenSoon,
            _ => TriageContent.WhenRoutine,
        };
        await SendAsync(tc, outcomeKey, cancellationToken).ConfigureAwait(false);
        if (assessment.Reasons.Contains(TriageScorer.RuleWithdrawalHistory))
        {
            await SendAsync(tc, TriageContent.WithdrawalCaution, cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(tc, whenKey, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TriageAssessment> ScoreAsync(ITurnContext tc, TriageProgress progress, CancellationToken cancellationToken)
    {
        var flagged = _safetyState is not null
            && (await _safetyState.GetAsync(tc, () => new SafetyState(), cancellationToken).ConfigureAwait(false)).IsFlagged;
        var answers = progress.Answers.Where(a => !TriageQuestionIds.ContactIds.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return TriageScorer.Score(answers, flagged);
    }

    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, TriageProgress progress, CancellationToken cancellationToken)
    {
        var tc = dc.Context;
        if (!progress.OutcomeShown)
        {
            progress.OutcomeShown = true;
            await SendOutcomeAsync(tc, progress, cancellationToken).ConfigureAwait(false);
        }

        var assessment = await ScoreAsync(tc, progress, cancellationToken).ConfigureAwait(false);
        var consent = progress.Answers.TryGetValue(TriageQuestionIds.ContactConsent, out var c) && c.Is("yes");
        var result = new TriageResult
        {
            ConversationId = tc.Activity.Conversation?.Id ?? string.Empty,
            CompletedAt = _time.GetUtcNow(),
            ForWhom = progress.ForWhom,
            NoticeAccepted = true,
            ContactConsent = consent,
            Answers = progress.Answers.Where(a => !TriageQuestionIds.ContactIds.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            Outcome = assessment.Outcome,
            Urgency = assessment.Urgency,
            Reasons = [.. assessment.Reasons],
            CrisisFlagged = assessment.Reasons.Contains(TriageScorer.RuleCrisisFlag),
            Contact = consent ? BuildContact(progress) : null,
        };

        if (_resultState is not null)
        {
            await _resultState.SetAsync(tc, result, cancellationToken).ConfigureAwait(false);
        }

        await _sink.SubmitAsync(result, cancellationToken).ConfigureAwait(false);
        await SendAsync(tc, consent ? TriageContent.Done : TriageContent.DoneNoContact, cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
    }

    private static HandoffContact BuildContact(TriageProgress progress)
    {
        TriageAnswer? Get(string id) => progress.Answers.TryGetValue(id, out var a) && !a.Skipped ? a : null;
        bool? YesNo(string id) => Get(id) is { } a ? a.Is("yes") : null;
        var time = Get(TriageQuestionIds.BestTime);
        return new HandoffContact
        {
            Name = Get(TriageQuestionIds.FirstName)?.Text,
            Phone = Get(TriageQuestionIds.Phone)?.Text,
            Email = Get(TriageQuestionIds.Email)?.Text,
            BestTime = time?.Text,
            VoicemailOk = YesNo(TriageQuestionIds.VoicemailOk),
            TextsOk = YesNo(TriageQuestionIds.TextsOk),
        };
    }

    private (TriageAnswer? Answer, string? NotedLabel) Recognize(TriageQuestion q, string text)
    {
        if (text.Length == 0)
        {
            return (null, null);
        }

        TriageAnswer Values(params string[] values) => new() { QuestionId = q.Id, Values = [.. values] };
        switch (q.Kind)
        {
            case TriageQuestionKind.YesNo:
                return (YesNoLexicon.Recognize(text) is { } yes ? Values(yes ? "yes" : "no") : null, null);

            case TriageQuestionKind.Choice:
                return (RecognizeChoice(q, text) is { } id ? Values(id) : null, null);

            case TriageQuestionKind.Frequency:
                if (TriageFrequencyRecognizer.Recognize(text) is { } freq && q.Choices.Any(c => c.Id == freq))
                {
                    var label = q.Choices.First(c => c.Id == freq).Label;
                    var exact = q.Choices.Any(c => c.Id == freq && (string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase) || c.Synonyms.Contains(text, StringComparer.OrdinalIgnoreCase)));
                    return (Values(freq), exact ? null : label);
                }

                return (RecognizeChoice(q, text) is { } f ? Values(f) : null, null);

            case TriageQuestionKind.Multi:
                var said = " " + TextNormalizer.Normalize(text) + " ";
                bool Says(string phrase) => said.Contains(" " + TextNormalizer.Normalize(phrase) + " ", StringComparison.Ordinal);
                var picked = q.Choices
                    .Where(c => Says(c.Label) || c.Synonyms.Any(Says))
                    .Select(c => c.Id)
                    .ToList();
                if (picked.Count == 0 && RecognizeChoice(q, text) is { } one)
                {
                    picked.Add(one);
                }

                // Free text is an answer too: kept for staff as typed.
                return (new TriageAnswer { QuestionId = q.Id, Values = picked.Count > 0 ? picked : ["other"], Text = text }, null);

            case TriageQuestionKind.Number:
                var n = NumberPrompt<int>.RecognizeNumber(text);
                return (n is { } v && v == Math.Floor(v) && (q.Min is null || v >= q.Min) && (q.Max is null || v <= q.Max)
                    ? new TriageAnswer { QuestionId = q.Id, Number = (int)v }
                    : null, null);

            case TriageQuestionKind.Text:
                return (new TriageAnswer { QuestionId = q.Id, Text = text.Length > 60 ? text[..60] : text }, null);

            case TriageQuestionKind.Phone:
                return (PhonePrompt.RecognizePhone(text) is { } phone ? new TriageAnswer { QuestionId = q.Id, Text = phone } : null, null);

            case TriageQuestionKind.Email:
                return (EmailPrompt.RecognizeEmail(text) is { } email ? new TriageAnswer { QuestionId = q.Id, Text = email } : null, null);

            case TriageQuestionKind.DateTime:
                // Kept as typed; the first reading in the clinic's time zone is added when there is one.
                var zone = _content.TryGetSection<ClinicDetails>(out var clinic) ? clinic.TimeZone : TimeZoneInfo.Utc;
                var readings = DateTimePrompt.Recognize(text, "en-us", _time.GetUtcNow(), zone);
                var resolved = readings.FirstOrDefault(r => r.Resolved is not null)?.Resolved;
                return (new TriageAnswer
                {
                    QuestionId = q.Id,
                    Text = text.Length > 100 ? text[..100] : text,
                    Values = resolved is { } r ? [r.ToString("O", CultureInfo.InvariantCulture)] : [],
                }, null);

            default:
                return (null, null);
        }
    }

    private static string? RecognizeChoice(TriageQuestion q, string text)
    {
        var choices = q.Choices.Select(c => new Choice(c.Label, [.. c.Synonyms, c.Id.Replace('_', ' ')])).ToList();
        var found = ChoiceRecognizer.Recognize(text, choices);
        return found is null ? null : q.Choices[found.Index].Id;
    }

    private List<TriageQuestion> Steps() => [.. Triage.Questions, .. Triage.Contact];

    private Task SendNoticeAsync(ITurnContext tc, TriageProgress progress, CancellationToken cancellationToken)
    {
        var notice = Triage[TriageContent.Notice];
        var activity = Replies.Create(_content, notice.Key, Triage.Fill(notice.Text.Value), notice.Actions, Variant(progress));
        AddButtons(activity, Triage[TriageContent.ButtonYes].Text.Value, Triage[TriageContent.ButtonNo].Text.Value);
        return tc.SendActivityAsync(activity, cancellationToken);
    }

    private Task SendQuestionAsync(ITurnContext tc, TriageProgress progress, CancellationToken cancellationToken)
    {
        var steps = Steps();
        var q = steps[Math.Min(progress.Step, steps.Count - 1)];
        var family = progress.ForWhom == InquiryFor.FamilyMember;
        var activity = Replies.Create(_content, $"triage.question.{q.Id}", Triage.Fill((family ? q.TextFamily : q.Text).Value), variant: Variant(progress));
        var labels = q.Kind switch
        {
            TriageQuestionKind.YesNo => [Triage[TriageContent.ButtonYes].Text.Value, Triage[TriageContent.ButtonNo].Text.Value],
            TriageQuestionKind.Choice or TriageQuestionKind.Multi or TriageQuestionKind.Frequency => q.Choices.Select(c => c.Label).ToList(),
            _ => new List<string>(),
        };
        if (q.Skippable)
        {
            labels.Add(Triage[TriageContent.ButtonSkip].Text.Value);
        }

        AddButtons(activity, [.. labels]);
        return tc.SendActivityAsync(activity, cancellationToken);
    }

    private static string Variant(TriageProgress progress) => progress.ForWhom == InquiryFor.FamilyMember ? "family" : "self";

    private static void AddButtons(Activity activity, params string[] labels)
    {
        if (labels.Length == 0)
        {
            return;
        }

        activity.SuggestedActions = new SuggestedActions
        {
            Actions = labels.Select(l => new CardAction(ActionTypes.ImBack, l, value: l)).ToList(),
        };
    }

    private Task SendAsync(ITurnContext tc, string key, CancellationToken cancellationToken)
    {
        var message = Triage[key];
        return tc.SendActivityAsync(Replies.Create(_content, message.Key, Triage.Fill(message.Text.Value), message.Actions), cancellationToken);
    }

    private static TriageProgress Progress(DialogInstance instance) =>
        instance.State.GetValue<TriageProgress>(ProgressKey) ?? throw new InvalidOperationException("Triage dialog state is missing.");

    private static bool IsSkip(string text) => SkipCommand().IsMatch(text);

    private static bool IsBack(string text) => BackCommand().IsMatch(text);

    private static bool IsResume(string text) => ResumeCommand().IsMatch(text);

    [GeneratedRegex(@"^\s*(?:skip|skip (?:it|this|that|this one|question)|pass|next|prefer not to (?:say|answer)|i'?d (?:rather|prefer) not(?: (?:say|answer))?|rather not say|no comment|none of your business|i don'?t want to (?:say|answer)(?: that)?)\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SkipCommand();

    [GeneratedRegex(@"^\s*(?:go back|back|previous(?: question)?|undo|change my (?:last )?answer|i want to change my (?:last )?answer|wait,? go back|can i change my (?:last )?answer\??|let me change (?:my|that) answer)\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackCommand();

    [GeneratedRegex(@"^\s*(?:keep going|continue|go on|resume|let'?s continue|let'?s keep going|carry on|where were we\??|back to the questions|ok(?:ay)?,? (?:keep going|continue))\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResumeCommand();

    [GeneratedRegex(@"\b(?:confidential|private|privacy|hipaa|who (?:will |can |gets to )?(?:see|sees|read|reads)|share my (?:info|answers|information|data)|is this (?:safe|secure|anonymous)|anonymous|will (?:my|anyone) (?:family|boss|employer|insurance) (?:know|find out|see))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrivacyQuestion();
}

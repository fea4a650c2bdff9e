using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Diagnostics;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Dialogs;
using IopGuideBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace IopGuideBot.Conversation.Handoff;

/// <summary>
/// "Talk to a person": a waterfall that collects what someone on the team needs to call back — how to reach the person
/// (phone call, text, e-mail, or "I'll call you"), the number or address (checked), a first name (optional), the best
/// time, and whether a voicemail or text may mention the clinic — saying truthfully whether the office is open now
/// (<c>clinic.yaml</c> hours and time zone) and when to expect contact. It fills the conversation's handoff record.
/// Asked again later, it says the person is already on the list and offers to change the details, never repeating
/// the whole request. Begun with <see cref="CallbackOptions"/> (or null); ends with the <see cref="HandoffContact"/>.
/// </summary>
public sealed partial class CallbackDialog : ComponentDialog
{
    private const string StepsId = "callback.steps";
    private const string PromptId = "callback.prompt";

    private const string OpenKey = "open";
    private const string AlreadyKey = "already";
    private const string ForWhomKey = "forWhom";
    private const string MethodKey = "method";
    private const string PhoneKey = "phone";
    private const string EmailKey = "email";
    private const string NameKey = "name";
    private const string TimeKey = "time";
    private const string VoicemailKey = "voicemail";
    private const string TextsKey = "texts";
    private const string EchoKey = "echo";

    private readonly ClinicContent _content;
    private readonly AnswerReader _reader;
    private readonly QuestionReplies _replies;
    private readonly QuestionPrompt _prompt;
    private readonly IHandoffStore _handoffs;
    private readonly IStatePropertyAccessor<InquiryContext> _inquiry;
    private readonly TimeProvider _time;
    private readonly ILogger<CallbackDialog> _logger;

    public CallbackDialog(ClinicContent content, AnswerReader reader, QuestionReplies replies, IHandoffStore handoffs, ConversationState conversationState, TimeProvider time, ILogger<CallbackDialog> logger)
        : base(DialogIds.Handoff)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _handoffs = handoffs ?? throw new ArgumentNullException(nameof(handoffs));
        _inquiry = InquiryContext.CreateAccessor(conversationState);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _prompt = new QuestionPrompt(PromptId, reader, replies, id => Callback.Question(id));

        AddDialog(new WaterfallDialog(StepsId)
            .AddStep("start", StartAsync)
            .AddStep("change", ChangeAsync)
            .AddStep("about", AskAboutAsync)
            .AddStep("record-about", RecordAboutAsync)
            .AddStep("method", AskMethodAsync)
            .AddStep("record-method", RecordMethodAsync)
            .AddStep("address", AskAddressAsync)
            .AddStep("record-address", RecordAddressAsync)
            .AddStep("name", AskNameAsync)
            .AddStep("record-name", RecordNameAsync)
            .AddStep("time", AskTimeAsync)
            .AddStep("record-time", RecordTimeAsync)
            .AddStep("consent", AskConsentAsync)
            .AddStep("record-consent", RecordConsentAsync)
            .AddStep("done", DoneAsync));
        AddDialog(_prompt);
        InitialDialogId = StepsId;
    }

    private CallbackContent Callback => _content.Section<CallbackContent>();

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = Options(step);
        var open = await HandoffRequests.OpenAsync(_handoffs, ConversationId(step), cancellationToken);
        step.Values[OpenKey] = open is not null;
        if (open?.Contact is { Method: not null } contact && options.Phone is null && options.Email is null)
        {
            // Already asked for someone: say so in one line, and offer to change the details rather than ask them again.
            step.Values[AlreadyKey] = true;
            var line = contact.Method == ContactMethod.TheyWillCall || (contact.Phone is null && contact.Email is null)
                ? Message(CallbackContent.AlreadyNoContact)
                : Message(CallbackContent.Already, ("contact", Escaped(ContactOf(contact))), ("when", When()));
            await step.Context.SendActivityAsync(line, cancellationToken);
            return await AskAsync(step, CallbackContent.ChangeDetails, InquiryFor.Self, cancellationToken);
        }

        var closes = _content.Clinic.ClosesAt(_time.GetUtcNow());
        await step.Context.SendActivityAsync(
            closes is { } at && !ClosingSoon(at)
                ? Message(CallbackContent.IntroOpen, ("closes", ClinicDetails.ClockTime(at)))
                : Message(CallbackContent.IntroClosed, ("opens", Opens())),
            cancellationToken);
        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> ChangeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Values.ContainsKey(AlreadyKey) && !(step.Result is QuestionAnswer answer && answer.Is("yes")))
        {
            await step.Context.SendActivityAsync(Message(CallbackContent.Kept), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskAboutAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var known = Options(step).ForWhom;
        if (known == InquiryFor.Unknown)
        {
            known = (await _inquiry.GetAsync(step.Context, () => new InquiryContext(), cancellationToken)).ForWhom;
        }

        if (known != InquiryFor.Unknown)
        {
            step.Values[ForWhomKey] = known;
            return await step.NextAsync(null, cancellationToken);
        }

        return await AskAsync(step, CallbackContent.About, InquiryFor.Self, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAboutAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptNavigation { Kind: PromptNavigationKind.Back } && step.CanGoBack)
        {
            return await step.GoBackAsync(cancellationToken);
        }

        if (step.Result is QuestionAnswer answer)
        {
            var forWhom = answer.Is("family") ? InquiryFor.FamilyMember : InquiryFor.Self;
            step.Values[ForWhomKey] = forWhom;
            (await _inquiry.GetAsync(step.Context, () => new InquiryContext(), cancellationToken)).ForWhom = forWhom;
            Echo(step, CallbackContent.About, answer);
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskMethodAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = Options(step);
        var method = options.Method ?? (options.Email is not null ? "email" : options.Phone is not null ? "call" : null);
        if (method is not null && step.Reason != DialogReason.BackCalled)
        {
            step.Values[MethodKey] = method;
            Remember(step, PhoneKey, options.Phone);
            Remember(step, EmailKey, options.Email);
            return await step.NextAsync(null, cancellationToken);
        }

        return await AskAsync(step, CallbackContent.ContactMethod, ForWhom(step), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordMethodAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case PromptNavigation { Kind: PromptNavigationKind.Back } when step.CanGoBack:
                return await step.GoBackAsync(cancellationToken);
            case QuestionAnswer answer when answer.Values.FirstOrDefault() is { } method:
                step.Values[MethodKey] = method;
                if (answer.Text is { } given)
                {
                    Remember(step, given.Contains('@', StringComparison.Ordinal) ? EmailKey : PhoneKey, given);
                }

                Echo(step, CallbackContent.ContactMethod, answer);
                break;
            case null when step.Values.ContainsKey(MethodKey):
                break;
            default:
                await step.Context.SendActivityAsync(Message(CallbackContent.MethodNeeded), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }

        if (Method(step) == "they_call")
        {
            // Nothing to reach them by is kept: the request says they will call, and they get the number and hours.
            var contact = new HandoffContact { Method = ContactMethod.TheyWillCall };
            await SaveAsync(step, contact, cancellationToken);
            await step.Context.SendActivityAsync(Message(CallbackContent.TheyCall), cancellationToken);
            return await step.EndDialogAsync(contact, cancellationToken);
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskAddressAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var key = Method(step) == "email" ? EmailKey : PhoneKey;
        if (step.Values.ContainsKey(key) && step.Reason != DialogReason.BackCalled)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        return await AskAsync(step, key == EmailKey ? CallbackContent.Email : CallbackContent.Phone, ForWhom(step), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAddressAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case PromptNavigation when step.CanGoBack:
                // "skip" here means another way to reach them: back to how.
                step.Values.Remove(MethodKey);
                return await step.GoBackAsync(cancellationToken);
            case QuestionAnswer { Text: { } address } answer:
                var isEmail = Method(step) == "email";
                step.Values[isEmail ? EmailKey : PhoneKey] = address;
                Echo(step, isEmail ? CallbackContent.Email : CallbackContent.Phone, answer);
                return await step.NextAsync(null, cancellationToken);
            case null:
                return await step.NextAsync(null, cancellationToken);
            default:
                await step.Context.SendActivityAsync(Message(CallbackContent.MethodNeeded), cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }

    private Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        AskAsync(step, CallbackContent.FirstName, ForWhom(step), cancellationToken);

    private async Task<DialogTurnResult> RecordNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptNavigation { Kind: PromptNavigationKind.Back } && step.CanGoBack)
        {
            return await step.GoBackAsync(cancellationToken);
        }

        step.Values.Remove(NameKey);
        if (step.Result is QuestionAnswer { Skipped: false, Text: { } name } answer)
        {
            step.Values[NameKey] = name;
            Echo(step, CallbackContent.FirstName, answer);
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskTimeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (Options(step).BestTime is { } known && step.Reason != DialogReason.BackCalled)
        {
            step.Values[TimeKey] = known;
            return await step.NextAsync(null, cancellationToken);
        }

        return Method(step) == "email"
            ? await step.NextAsync(null, cancellationToken)
            : await AskAsync(step, CallbackContent.BestTimeQuestion, ForWhom(step), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordTimeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptNavigation { Kind: PromptNavigationKind.Back } && step.CanGoBack)
        {
            return await step.GoBackAsync(cancellationToken);
        }

        if (step.Result is QuestionAnswer { Skipped: false, Text: { } when } answer)
        {
            step.Values[TimeKey] = when;
            Echo(step, CallbackContent.BestTimeQuestion, answer);
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken) => Method(step) switch
    {
        "call" => await AskAsync(step, CallbackContent.VoicemailOk, ForWhom(step), cancellationToken),
        "text" => await AskAsync(step, CallbackContent.TextsOk, ForWhom(step), cancellationToken),
        _ => await step.NextAsync(null, cancellationToken),
    };

    private async Task<DialogTurnResult> RecordConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptNavigation { Kind: PromptNavigationKind.Back } && step.CanGoBack)
        {
            return await step.GoBackAsync(cancellationToken);
        }

        if (step.Result is QuestionAnswer { Skipped: false } answer)
        {
            // Without a clear yes, the clinic is not named: the safe default.
            step.Values[Method(step) == "text" ? TextsKey : VoicemailKey] = answer.Is("yes");
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var method = Method(step);
        var contact = new HandoffContact
        {
            Method = method switch { "text" => ContactMethod.Text, "email" => ContactMethod.Email, _ => ContactMethod.PhoneCall },
            Name = step.Values.TryGetValue(NameKey, out var n) ? n as string : null,
            Phone = method is "call" or "text" && step.Values.TryGetValue(PhoneKey, out var p) ? p as string : null,
            Email = method == "email" && step.Values.TryGetValue(EmailKey, out var e) ? e as string : null,
            BestTime = step.Values.TryGetValue(TimeKey, out var t) ? t as string : null,
            VoicemailOk = method == "call" ? (step.Values.TryGetValue(VoicemailKey, out var v) ? v as bool? ?? false : false) : null,
            TextsOk = method == "text" ? (step.Values.TryGetValue(TextsKey, out var x) ? x as bool? ?? false : false) : null,
        };
        await SaveAsync(step, contact, cancellationToken);

        var key = method switch { "text" => CallbackContent.DoneText, "email" => CallbackContent.DoneEmail, _ => CallbackContent.DoneCall };
        var done = Message(key, ("name", contact.Name is { } name ? ", " + QuestionReplies.Escape(name) : string.Empty), ("contact", Escaped(ContactOf(contact))), ("when", When()));
        if (contact.BestTime is { } best)
        {
            done.Text += " " + _content.Render(QuestionReplies.Fill(Callback[CallbackContent.BestTime].Text.Value, ("best_time", QuestionReplies.Escape(best))));
        }

        await step.Context.SendActivitiesAsync([done, Message(CallbackContent.DoneFooter)], cancellationToken);
        return await step.EndDialogAsync(contact, cancellationToken);
    }

    /// <summary>Asks a question of <c>callback.yaml</c>, first saying how the previous answer was read (with a way to change it).</summary>
    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, string questionId, InquiryFor forWhom, CancellationToken cancellationToken)
    {
        var question = Callback.RequiredQuestion(questionId);
        var extra = new List<string>();
        if (step.Values.Remove(EchoKey, out var echo) && echo is string said && step.Reason != DialogReason.BackCalled)
        {
            await step.Context.SendActivityAsync(_replies.Noted(said), cancellationToken);
            extra.Add(_replies.ChangeButton);
        }

        var ask = _replies.Ask(question, $"callback.question.{question.Id}", forWhom, [.. extra]);
        var allowBack = questionId is not (CallbackContent.ChangeDetails or CallbackContent.About);
        return await step.PromptAsync(PromptId, _prompt.For(question, ask, forWhom, allowBack), cancellationToken);
    }

    private void Echo(WaterfallStepContext step, string questionId, QuestionAnswer answer)
    {
        if (answer.Interpreted && Callback.Question(questionId) is { } question)
        {
            step.Values[EchoKey] = _reader.Describe(question, answer);
        }
    }

    private async Task SaveAsync(WaterfallStepContext step, HandoffContact contact, CancellationToken cancellationToken)
    {
        var conversationId = ConversationId(step);
        var open = await HandoffRequests.OpenAsync(_handoffs, conversationId, cancellationToken);
        var request = HandoffRequests.From(open, conversationId);
        var forWhom = step.Values.TryGetValue(ForWhomKey, out var f) && f is InquiryFor known ? known : request.ForWhom;
        var urgency = Options(step).Urgency is { } fromQuestionnaire ? HandoffRequests.MoreUrgent(request.Urgency, fromQuestionnaire) : request.Urgency;
        await _handoffs.CreateOrUpdateAsync(request with { Contact = contact, ForWhom = forWhom, Urgency = urgency }, CancellationToken.None);
        LogRequested(_logger, LogIds.Hash(conversationId), contact.Method, forWhom, open is null ? "new" : "updated");
    }

    /// <summary>When to expect contact, truthfully: today if the office is open for a while yet, else after it opens again.</summary>
    private string When()
    {
        var closes = _content.Clinic.ClosesAt(_time.GetUtcNow());
        return closes is { } at && !ClosingSoon(at)
            ? Fill(Callback[CallbackContent.WhenOpen].Text.Value, ("closes", ClinicDetails.ClockTime(at)))
            : Fill(Callback[CallbackContent.WhenClosed].Text.Value, ("opens", Opens()));
    }

    private string Opens()
    {
        var now = _time.GetUtcNow();
        var closes = _content.Clinic.ClosesAt(now);

        // Closing within the hour counts as closed: the next opening is after today's closing time.
        var from = closes is { } at && ClosingSoon(at) ? now.AddHours(1) : now;
        return _content.Clinic.NextOpening(from) is { } opening ? _content.Clinic.Describe(opening, now) : _content.Clinic.Phone;
    }

    private bool ClosingSoon(TimeOnly closes)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _content.Clinic.TimeZone).DateTime);
        return (closes - local).TotalMinutes < 60;
    }

    private static string ContactOf(HandoffContact contact) =>
        contact.Email ?? AnswerReader.FormatPhone(contact.Phone);

    private static string Escaped(string text) => QuestionReplies.Escape(text);

    private static string Fill(string text, params (string Name, string Value)[] values) => QuestionReplies.Fill(text, values);

    private Activity Message(string key, params (string Name, string Value)[] values)
    {
        var message = Callback[key];
        return Replies.Create(_content, key, Fill(message.Text.Value, values), message.Actions);
    }

    private static CallbackOptions Options(WaterfallStepContext step) => step.Options as CallbackOptions ?? new CallbackOptions();

    private static string? Method(WaterfallStepContext step) => step.Values.TryGetValue(MethodKey, out var m) ? m as string : null;

    private static InquiryFor ForWhom(WaterfallStepContext step) =>
        step.Values.TryGetValue(ForWhomKey, out var f) && f is InquiryFor forWhom ? forWhom : InquiryFor.Self;

    private static void Remember(WaterfallStepContext step, string key, string? value)
    {
        if (value is not null)
        {
            step.Values[key] = value;
        }
    }

    private static string ConversationId(WaterfallStepContext step) => step.Context.Activity.Conversation?.Id ?? string.Empty;

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback requested in conversation {ConversationHash}: {Method}, about {ForWhom} ({Record} handoff)")]
    private static partial void LogRequested(ILogger logger, string conversationHash, ContactMethod? method, InquiryFor forWhom, string record);
}

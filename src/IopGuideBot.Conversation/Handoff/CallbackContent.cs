using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Questions;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Handoff;

/// <summary><c>callback.yaml</c>: the questions and wording of the callback request ("talk to a person").</summary>
public sealed class CallbackContent(IReadOnlyDictionary<string, Message> messages, IReadOnlyList<GuidedQuestion> questions)
{
    public const string IntroOpen = "callback.intro.open";
    public const string IntroClosed = "callback.intro.closed";
    public const string TheyCall = "callback.they_call";
    public const string WhenOpen = "callback.when.open";
    public const string WhenClosed = "callback.when.closed";
    public const string DoneCall = "callback.done.call";
    public const string DoneText = "callback.done.text";
    public const string DoneEmail = "callback.done.email";
    public const string BestTime = "callback.best_time";
    public const string DoneFooter = "callback.done.footer";
    public const string Already = "callback.already";
    public const string AlreadyNoContact = "callback.already.no_contact";
    public const string Kept = "callback.kept";
    public const string MethodNeeded = "callback.method.needed";

    public const string About = "about";
    public const string ContactMethod = "contact_method";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string FirstName = "first_name";
    public const string BestTimeQuestion = "best_time";
    public const string VoicemailOk = "voicemail_ok";
    public const string TextsOk = "texts_ok";
    public const string ChangeDetails = "change_details";

    public static IReadOnlyList<string> RequiredKeys { get; } =
        [IntroOpen, IntroClosed, TheyCall, WhenOpen, WhenClosed, DoneCall, DoneText, DoneEmail, BestTime, DoneFooter, Already, AlreadyNoContact, Kept, MethodNeeded,
         .. LiveChatMessages.RequiredKeys];

    /// <summary>Each required question with its kind (and the choice ids the flow acts on).</summary>
    public static IReadOnlyDictionary<string, (QuestionKind Kind, string[] Choices)> RequiredQuestions { get; } = new Dictionary<string, (QuestionKind, string[])>
    {
        [About] = (QuestionKind.Choice, ["self", "family"]),
        [ContactMethod] = (QuestionKind.ContactMethod, ["call", "text", "email", "they_call"]),
        [Phone] = (QuestionKind.Phone, []),
        [Email] = (QuestionKind.Email, []),
        [FirstName] = (QuestionKind.Text, []),
        [BestTimeQuestion] = (QuestionKind.Time, []),
        [VoicemailOk] = (QuestionKind.YesNo, []),
        [TextsOk] = (QuestionKind.YesNo, []),
        [ChangeDetails] = (QuestionKind.Offer, []),
    };

    public IReadOnlyDictionary<string, Message> Messages { get; } = messages;

    public IReadOnlyList<GuidedQuestion> Questions { get; } = questions;

    public Message this[string key] =>
        Messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"No message '{key}' in callback.yaml.");

    public GuidedQuestion? Question(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public GuidedQuestion RequiredQuestion(string id) =>
        Question(id) ?? throw new KeyNotFoundException($"No question '{id}' in callback.yaml.");
}

public sealed class CallbackSection : ContentSection<CallbackContent>
{
    private static readonly string[] FlowPlaceholders = ["closes", "opens", "contact", "name", "best_time", "when", "place", "specialist"];

    public override string FileName => "callback.yaml";

    protected override CallbackContent? Read(YamlNode root, ContentReader reader)
    {
        var map = reader.AsMapping(root, FileName);
        if (map is null)
        {
            return null;
        }

        reader.AllowOnly(map, FileName, "questions", "messages");
        var messagesNode = reader.Required(map, "messages", FileName);
        var messages = messagesNode is not null && reader.AsMapping(messagesNode, "'messages'") is { } mm
            ? ContentMessages.ReadMap(mm, reader)
            : new Dictionary<string, Message>();
        return new CallbackContent(messages, QuestionYaml.ReadList(reader.Required(map, "questions", FileName), "questions", reader));
    }

    protected override void Validate(CallbackContent model, ContentValidationContext context)
    {
        foreach (var key in CallbackContent.RequiredKeys.Where(k => !model.Messages.ContainsKey(k)))
        {
            context.Error(FileName, 1, $"missing required message '{key}'");
        }

        ContentMessages.Validate(FileName, model.Messages.Values, context, FlowPlaceholders);
        foreach (var question in model.Questions)
        {
            QuestionYaml.Validate(FileName, question, context);
        }

        foreach (var (id, (kind, choices)) in CallbackContent.RequiredQuestions)
        {
            if (model.Question(id) is not { } question)
            {
                context.Error(FileName, 1, $"missing question '{id}' (the callback request needs it)");
                continue;
            }

            if (question.Kind != kind)
            {
                context.Error(FileName, question.Line, $"question '{id}' must be of kind {kind.ToString().ToLowerInvariant()}");
            }

            foreach (var choice in choices.Where(c => question.Choice(c) is null))
            {
                context.Error(FileName, question.Line, $"question '{id}' needs a choice with id '{choice}'");
            }
        }
    }
}

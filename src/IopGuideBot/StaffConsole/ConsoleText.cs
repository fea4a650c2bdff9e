using System.Globalization;
using System.Text.Json;
using IopGuideBot.Conversation.Handoff;

namespace IopGuideBot.StaffConsole;

/// <summary>How the console words the handoff vocabulary for staff.</summary>
public static class ConsoleText
{
    public static string Urgency(HandoffUrgency urgency) => urgency switch
    {
        HandoffUrgency.Urgent => "Urgent",
        HandoffUrgency.Soon => "Soon",
        _ => "Routine",
    };

    public static string UrgencyClass(HandoffUrgency urgency) => urgency.ToString().ToLowerInvariant();

    public static string ForWhom(InquiryFor forWhom) => forWhom switch
    {
        InquiryFor.Self => "Themselves",
        InquiryFor.FamilyMember => "A family member",
        _ => "Not said",
    };

    public static string Status(HandoffStatus status) => status switch
    {
        HandoffStatus.Waiting => "Waiting",
        HandoffStatus.Claimed => "Claimed",
        HandoffStatus.Live => "Live chat",
        HandoffStatus.Callback => "Callback",
        _ => "Closed",
    };

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalMinutes < 1 ? "under a minute"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => "Not asked" };

    public static string Contact(ContactMethod? method) => method switch
    {
        ContactMethod.PhoneCall => "Phone call",
        ContactMethod.Text => "Text message",
        ContactMethod.Email => "E-mail",
        ContactMethod.TheyWillCall => "They will call the clinic",
        _ => "Not said",
    };

    public static string At(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The questionnaire's result as staff read it: outcome, reasons, and each answer by question id.</summary>
    public sealed record Triage(string? Outcome, string? Urgency, IReadOnlyList<string> Reasons, IReadOnlyList<KeyValuePair<string, string>> Answers);

    public static Triage? ReadTriage(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) ? Flatten(v) : null;
            var reasons = root.TryGetProperty("Reasons", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(Flatten).ToList()
                : [];
            var answers = root.TryGetProperty("Answers", out var a) && a.ValueKind == JsonValueKind.Object
                ? a.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Flatten(p.Value))).ToList()
                : [];
            return new Triage(Text("Outcome"), Text("Urgency"), reasons, answers);
        }
        catch (JsonException)
        {
            return new Triage(null, null, [], [new("answers", json)]);
        }
    }

    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Flatten)),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject()
            .Where(p => p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(p => $"{p.Name}: {Flatten(p.Value)}")),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };
}

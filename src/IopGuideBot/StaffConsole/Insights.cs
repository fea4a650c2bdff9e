using System.Globalization;
using System.Text.Json;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Storage;

namespace IopGuideBot.StaffConsole;

/// <summary>One bar of a chart: a fixed label (a date, a word) and its value.</summary>
public sealed record Bar(string Label, double Value, string? CssClass = null);

/// <summary>A bar chart rendered on the server as SVG; <see cref="Describe"/> is its text alternative.</summary>
public sealed record BarChart(string Id, string Title, string Unit, IReadOnlyList<Bar> Bars)
{
    public double Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    public string Describe() => Title + ": " + (Bars.Count == 0
        ? "no data"
        : string.Join(", ", Bars.Where(b => b.Value > 0).Select(b => $"{b.Label} {Format(b.Value)}").DefaultIfEmpty("all zero")));

    public static string Format(double value) => value.ToString(value % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// The last 30 days for admins: conversations, questionnaires finished, handoffs by urgency, median time to claim, and
/// how handoffs were closed. Claims and outcomes come from the audit log (which records them without PHI).
/// </summary>
public sealed class Insights(IClinicStatistics statistics, IAuditLog audit, TimeProvider time)
{
    public const int Days = 30;

    public sealed record Report(
        DateTimeOffset From, DateTimeOffset To, int Conversations, int Questionnaires, int Handoffs, TimeSpan? MedianTimeToClaim,
        BarChart ConversationsByDay, BarChart QuestionnairesByDay, BarChart HandoffsByUrgency, BarChart MedianClaimByUrgency,
        BarChart Outcomes);

    public async Task<Report> BuildAsync(CancellationToken ct)
    {
        var to = time.GetUtcNow();
        var from = new DateTimeOffset(to.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(Days - 1));
        var days = Enumerable.Range(0, Days).Select(i => DateOnly.FromDateTime(from.UtcDateTime.AddDays(i))).ToList();

        var starts = await statistics.ConversationStartsAsync(from, ct);
        var handoffs = await statistics.HandoffsCreatedAsync(from, ct);
        var questionnaires = handoffs.Where(h => !string.IsNullOrEmpty(h.TriageAnswersJson)).Select(h => CompletedAt(h) ?? h.CreatedAt).ToList();

        // Newest first; stop once past the period.
        var events = new List<AuditEntry>();
        long? before = null;
        while (true)
        {
            var page = await audit.ListAsync(new AuditQuery { BeforeId = before, Max = 1000 }, ct);
            events.AddRange(page.Where(e => e.At >= from));
            if (page.Count < 1000 || page[^1].At < from)
            {
                break;
            }

            before = page[^1].Id;
        }

        var firstClaim = events.Where(e => e is { Action: StaffAudit.Claimed, Outcome: "ok", ConversationId: not null })
            .GroupBy(e => e.ConversationId!)
            .ToDictionary(g => g.Key, g => g.Min(e => e.At));
        var claimTimes = handoffs
            .Where(h => firstClaim.TryGetValue(h.ConversationId, out var at) && at >= h.CreatedAt)
            .Select(h => (h.Urgency, Wait: firstClaim[h.ConversationId] - h.CreatedAt))
            .ToList();
        var outcomes = events.Where(e => e.Action == StaffAudit.Closed && e.Outcome is not null && Enum.GetValues<CloseOutcome>().Any(o => ConsoleActions.OutcomeName(o) == e.Outcome))
            .GroupBy(e => e.Outcome!).ToDictionary(g => g.Key, g => g.Count());

        BarChart Daily(string id, string title, IEnumerable<DateTimeOffset> times)
        {
            var counts = times.GroupBy(t => DateOnly.FromDateTime(t.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
            return new BarChart(id, title, "count", days.Select(d => new Bar(d.ToString("MM-dd", CultureInfo.InvariantCulture), counts.GetValueOrDefault(d))).ToList());
        }

        var urgencies = new[] { HandoffUrgency.Urgent, HandoffUrgency.Soon, HandoffUrgency.Routine };
        return new Report(
            from, to, starts.Count, questionnaires.Count, handoffs.Count, Median(claimTimes.Select(c => c.Wait)),
            Daily("conversations", "Conversations per day", starts),
            Daily("questionnaires", "Questionnaires finished per day", questionnaires),
            new BarChart("urgency", "Handoffs by urgency", "count",
                urgencies.Select(u => new Bar(ConsoleText.Urgency(u), handoffs.Count(h => h.Urgency == u), ConsoleText.UrgencyClass(u))).ToList()),
            new BarChart("claim", "Median minutes to claim, by urgency", "minutes",
                urgencies.Select(u => new Bar(ConsoleText.Urgency(u), Median(claimTimes.Where(c => c.Urgency == u).Select(c => c.Wait))?.TotalMinutes is { } m ? Math.Round(m, 1) : 0, ConsoleText.UrgencyClass(u))).ToList()),
            new BarChart("outcomes", "Closed handoffs by outcome", "count",
                Enum.GetValues<CloseOutcome>().Select(o => new Bar(OutcomeLabel(o), outcomes.GetValueOrDefault(ConsoleActions.OutcomeName(o)))).ToList()));
    }

    public static string OutcomeLabel(CloseOutcome outcome) => outcome switch
    {
        CloseOutcome.Reached => "Reached",
        CloseOutcome.ScheduledIntake => "Intake scheduled",
        CloseOutcome.NotReached => "Not reached",
        _ => "Referred elsewhere",
    };

    private static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static DateTimeOffset? CompletedAt(HandoffRecord handoff)
    {
        try
        {
            using var json = JsonDocument.Parse(handoff.TriageAnswersJson!);
            return json.RootElement.TryGetProperty("CompletedAt", out var at) && at.TryGetDateTimeOffset(out var value) && value > DateTimeOffset.MinValue.AddDays(1)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

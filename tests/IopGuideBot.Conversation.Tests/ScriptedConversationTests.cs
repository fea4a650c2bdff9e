using System.Globalization;
using System.Text.Json;
using IopGuideBot.Conversation.Handoff;
using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Tests;

/// <summary>
/// Conversations as data: every <c>Scripts/*.yaml</c> is replayed through the real bot as users meet it (the safety
/// middleware in front of <see cref="ClinicBot"/>, see <see cref="BotHarness"/>) with the real content (the real
/// questionnaire and callback request; a script's <c>triage:</c> key is documentation only).
/// </summary>
/// <remarks>
/// A script is <c>description</c>, optional <c>channel</c>, optional <c>now</c> (the clock, ISO 8601 with offset; a
/// Monday afternoon in office hours by default), and <c>steps</c>; each step sends one of <c>user: text</c>,
/// <c>update: [bot, user]</c> (members added) or <c>attachment: content/type</c>, and checks <c>expect</c> (the
/// contentIds of every reply, in order; [] for none), optionally <c>actions</c> (the number of suggested actions on the
/// last reply), <c>variant</c> (the wording variant of the last reply: family, or none for the person's own) and
/// <c>suggests</c> (exactly which topics a fallback offers as "did you mean", by id).
/// At the end a script may check <c>never</c> (contentIds no reply may have, e.g. the retry that says "I'm not sure how
/// to read that"), <c>recorded</c> (questionnaire answers staff receive, by question id: choice ids joined with +, a
/// number, or "skipped") and <c>handoff</c> (the handoff record: method, phone, email, name, best_time, voicemail_ok,
/// texts_ok, for_whom, urgency).
/// </remarks>
public sealed class ScriptedConversationTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ScriptsFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string ScriptsFolder => Path.Combine(AppContext.BaseDirectory, "Scripts");

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_plays_as_written(string script)
    {
        var root = Load(script);
        var channel = Scalar(root, "channel") ?? "test";
        var now = Scalar(root, "now") is { } clock ? DateTimeOffset.Parse(clock, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        await using var bot = new BotHarness(channel, now);
        var never = List(root, "never");
        var steps = (YamlSequenceNode)root.Children[new YamlScalarNode("steps")];
        foreach (var stepNode in steps.Children.Cast<YamlMappingNode>())
        {
            var line = stepNode.Start.Line;
            IReadOnlyList<Microsoft.Bot.Schema.Activity> replies;
            string said;
            if (stepNode.Children.TryGetValue(new YamlScalarNode("user"), out var user))
            {
                said = ((YamlScalarNode)user).Value ?? "";
                replies = await bot.SayAsync(said);
            }
            else if (stepNode.Children.TryGetValue(new YamlScalarNode("update"), out var update))
            {
                var members = ((YamlSequenceNode)update).Children.Select(n => ((YamlScalarNode)n).Value!).ToArray();
                said = $"(conversationUpdate: {string.Join(", ", members)})";
                replies = await bot.MembersAddedAsync(members);
            }
            else
            {
                var type = Scalar(stepNode, "attachment") ?? throw new InvalidOperationException($"{script}:{line}: a step needs user, update or attachment");
                said = $"(attachment {type})";
                replies = await bot.SendAttachmentAsync(type);
            }

            var expected = List(stepNode, "expect") ?? throw new InvalidOperationException($"{script}:{line}: bad expect");
            var actual = replies.Select(r => BotHarness.ContentId(r) ?? "(no contentId)").ToList();
            Assert.True(expected.SequenceEqual(actual),
                $"{script}:{line}: after {said}\n  expected [{string.Join(", ", expected)}]\n  but got  [{string.Join(", ", actual)}]");
            if (never is not null)
            {
                Assert.True(!actual.Intersect(never).Any(), $"{script}:{line}: after {said} the bot said {string.Join(", ", actual.Intersect(never))}, which this script never expects");
            }

            if (Scalar(stepNode, "variant") is { } variant)
            {
                var got = Replies.VariantOf(replies[^1]) ?? "none";
                Assert.True(variant == got, $"{script}:{line}: after {said}\n  expected wording variant {variant}, got {got}");
            }

            if (stepNode.Children.TryGetValue(new YamlScalarNode("suggests"), out var suggestsNode))
            {
                // The topics offered as "did you mean": exactly these, so an unrelated suggestion fails the script.
                var wanted = ((YamlSequenceNode)suggestsNode).Children.Select(n => ((YamlScalarNode)n).Value!).Order(StringComparer.Ordinal).ToList();
                var labels = bot.Content.Topics.All.ToDictionary(t => t.Label.Value, t => t.Id, StringComparer.Ordinal);
                var offered = (replies[^1].SuggestedActions?.Actions ?? []).Select(a => a.Title).Where(labels.ContainsKey).Select(t => labels[t]).Order(StringComparer.Ordinal).ToList();
                Assert.True(wanted.SequenceEqual(offered), $"{script}:{line}: after {said}\n  expected suggestions [{string.Join(", ", wanted)}]\n  but got [{string.Join(", ", offered)}]");
            }

            if (Scalar(stepNode, "actions") is { } count)
            {
                var last = replies[^1];
                Assert.True(int.Parse(count, CultureInfo.InvariantCulture) == (last.SuggestedActions?.Actions.Count ?? 0),
                    $"{script}:{line}: expected {count} suggested actions, got {last.SuggestedActions?.Actions.Count ?? 0}");
            }
        }

        var handoff = await bot.HandoffAsync();
        if (Map(root, "recorded") is { } recorded)
        {
            Assert.True(handoff?.TriageAnswersJson is not null, $"{script}: no questionnaire answers reached the handoff record");
            var answers = JsonDocument.Parse(handoff!.TriageAnswersJson!).RootElement.GetProperty("Answers");
            foreach (var (id, value) in recorded)
            {
                Assert.True(answers.TryGetProperty(id, out var answer), $"{script}: no answer recorded for '{id}'");
                Assert.True(value == Describe(answer), $"{script}: '{id}' recorded as {Describe(answer)}, expected {value}");
            }
        }

        if (Map(root, "handoff") is { } fields)
        {
            Assert.True(handoff is not null, $"{script}: no handoff record");
            var contact = handoff!.Contact;
            foreach (var (field, value) in fields)
            {
                var actual = field switch
                {
                    "method" => contact?.Method?.ToString(),
                    "phone" => contact?.Phone,
                    "email" => contact?.Email,
                    "name" => contact?.Name,
                    "best_time" => contact?.BestTime,
                    "voicemail_ok" => contact?.VoicemailOk?.ToString(),
                    "texts_ok" => contact?.TextsOk?.ToString(),
                    "for_whom" => handoff.ForWhom.ToString(),
                    "urgency" => handoff.Urgency.ToString(),
                    _ => throw new InvalidOperationException($"{script}: unknown handoff field '{field}'"),
                };
                Assert.True(string.Equals(value, actual, StringComparison.OrdinalIgnoreCase), $"{script}: handoff {field} is '{actual ?? "null"}', expected '{value}'");
            }
        }
    }

    [Fact]
    public void Scripts_cover_every_topic()
    {
        var content = Content.ContentLoader.Load(ContentPaths.Content);
        var expected = Directory.EnumerateFiles(ScriptsFolder, "*.yaml")
            .SelectMany(f => File.ReadAllLines(f))
            .SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, @"topic:([a-z0-9-]+)").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var missing = content.Topics.All.Select(t => t.Id).Where(id => !expected.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "topics no script expects: " + string.Join(", ", missing));
    }

    private static string Describe(JsonElement answer)
    {
        if (answer.TryGetProperty("Skipped", out var skipped) && skipped.GetBoolean())
        {
            return "skipped";
        }

        var values = answer.TryGetProperty("Values", out var v) ? v.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        if (values.Count > 0)
        {
            return string.Join('+', values);
        }

        return answer.TryGetProperty("Number", out var n) && n.ValueKind == JsonValueKind.Number
            ? n.GetInt32().ToString(CultureInfo.InvariantCulture)
            : answer.TryGetProperty("Text", out var t) ? t.GetString() ?? "" : "";
    }

    private static YamlMappingNode Load(string script)
    {
        using var reader = new StreamReader(Path.Combine(ScriptsFolder, script));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    private static List<string>? List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node switch
            {
                YamlSequenceNode seq => [.. seq.Children.Select(n => ((YamlScalarNode)n).Value!)],
                YamlScalarNode one => [one.Value!],
                _ => null,
            }
            : null;

    private static List<(string Key, string Value)>? Map(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode fields
            ? [.. fields.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, ((YamlScalarNode)kv.Value).Value!))]
            : null;
}

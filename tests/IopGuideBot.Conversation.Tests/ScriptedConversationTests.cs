using YamlDotNet.RepresentationModel;

namespace IopGuideBot.Conversation.Tests;

/// <summary>
/// Conversations as data: every <c>Scripts/*.yaml</c> is replayed through the real <see cref="ClinicBot"/> and real content.
/// The safety middleware runs in front, as in the host. A script is <c>description</c>, optional <c>channel</c>,
/// <c>triage: stub</c> or <c>triage: real</c> (a stand-in questionnaire, or the real one), <c>handoff: stub</c>, and
/// <c>steps</c>; each step sends one of
/// <c>user: text</c>, <c>update: [bot, user]</c> (members added) or <c>attachment: content/type</c>, and checks
/// <c>expect</c> (the contentIds of every reply, in order; [] for none) and optionally <c>actions</c> (the number of
/// suggested actions on the last reply), <c>variant</c> (the last reply's wording: <c>family</c>, or <c>none</c> for the
/// person's own) and <c>suggests</c> (exactly which topics a fallback offers as "did you mean", by id).
/// </summary>
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
        await using var bot = new BotHarness(
            channel,
            withTriageStub: Scalar(root, "triage") == "stub",
            withHandoffStub: Scalar(root, "handoff") == "stub",
            withRealTriage: Scalar(root, "triage") == "real");
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

            var expected = stepNode.Children[new YamlScalarNode("expect")] switch
            {
                YamlSequenceNode seq => seq.Children.Select(n => ((YamlScalarNode)n).Value!).ToList(),
                YamlScalarNode one => [one.Value!],
                _ => throw new InvalidOperationException($"{script}:{line}: bad expect"),
            };
            var actual = replies.Select(r => BotHarness.ContentId(r) ?? "(no contentId)").ToList();
            Assert.True(expected.SequenceEqual(actual),
                $"{script}:{line}: after {said}\n  expected [{string.Join(", ", expected)}]\n  but got  [{string.Join(", ", actual)}]");

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
                Assert.True(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) == (last.SuggestedActions?.Actions.Count ?? 0),
                    $"{script}:{line}: expected {count} suggested actions, got {last.SuggestedActions?.Actions.Count ?? 0}");
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

    private static YamlMappingNode Load(string script)
    {
        using var reader = new StreamReader(Path.Combine(ScriptsFolder, script));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;
}

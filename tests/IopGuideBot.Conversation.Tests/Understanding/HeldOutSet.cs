using IopGuideBot.Conversation.Content;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>One question of a held-out set and what the bot did with it.</summary>
internal sealed record HeldOutResult(string Voice, string Expected, string Text, string Got, int Line, IReadOnlyList<string>? Buttons = null)
{
    /// <summary>A fallback on a question about a topic whose buttons offer that topic (its label).</summary>
    public bool SuggestedRight => Got == HeldOutSet.Fallback && Buttons is not null
        && SharedUnderstanding.Content.Topics.TryGet(Expected, out var topic) && Buttons.Contains(topic.Label.Value, StringComparer.Ordinal);

    /// <summary>A fallback on a question that one topic answers.</summary>
    public bool TopicFallback => Got == HeldOutSet.Fallback && SharedUnderstanding.Content.Topics.TryGet(Expected, out _);

    /// <summary>The bot answered the expected topic (command, small talk, crisis reply), or fell back honestly on <c>none</c>.</summary>
    /// A request to be called back and a request for a person start the same callback request (one reply, one content
    /// id), so either counts for the other.
    public bool Right => Got == Expected || (Expected == "command:callback" && Got == "command:person");

    /// <summary>Answered, but not what was asked.</summary>
    public bool ConfidentWrong => !Right && Got != HeldOutSet.Fallback;
}

/// <summary>
/// A held-out set of questions (<c>voice &lt;TAB&gt; expected id &lt;TAB&gt; text</c>, ids as in the topic list: a topic
/// id, <c>none</c>, <c>crisis</c>, <c>command:person</c>, <c>command:bot</c>, <c>smalltalk:*</c>), run one question per
/// new conversation through <see cref="ComposedBot"/>; what the person got is read from the reply's content id.
/// </summary>
internal static class HeldOutSet
{
    public const string Fallback = "none";

    public static List<(string Voice, string Expected, string Text, int Line)> Load(string file)
    {
        var rows = new List<(string, string, string, int)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Understanding", file)))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 3);
            Assert.True(parts.Length == 3, $"{file}:{lineNo}: expected 'voice<TAB>expected<TAB>text'");
            rows.Add((parts[0].Trim(), parts[1].Trim(), parts[2], lineNo));
        }

        return rows;
    }

    public static async Task<List<HeldOutResult>> RunAsync(string file)
    {
        await using var bot = new ComposedBot();
        var results = new List<HeldOutResult>();
        foreach (var (voice, expected, text, line) in Load(file))
        {
            var replies = await bot.NewConversation().SayAsync(text);
            var buttons = replies.Count == 0 ? [] : replies[0].SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];
            results.Add(new HeldOutResult(voice, expected, text, WhatTheUserGot(replies), line, buttons));
        }

        return results;
    }

    /// <summary>Right, fallbacks and confident-but-wrong per voice and overall, then every miss (its line and ids; with <paramref name="showText"/>, its text).</summary>
    public static void Report(IReadOnlyList<HeldOutResult> results, ITestOutputHelper output, bool showText)
    {
        foreach (var group in results.GroupBy(r => r.Voice).OrderBy(g => g.Key, StringComparer.Ordinal).Prepend(results.GroupBy(_ => "all").Single()))
        {
            var n = group.Count();
            output.WriteLine($"{group.Key,-11} right {group.Count(r => r.Right),3}/{n,-3} ({Percent(group.Count(r => r.Right), n)})  " +
                $"fallback {group.Count(r => r.Got == Fallback),3} ({Percent(group.Count(r => r.Got == Fallback), n)})  " +
                $"confident-but-wrong {group.Count(r => r.ConfidentWrong),3} ({Percent(group.Count(r => r.ConfidentWrong), n)})");
        }

        output.WriteLine($"fallbacks on a topic question offering that topic: {results.Count(r => r.SuggestedRight)}/{results.Count(r => r.TopicFallback)}");
        foreach (var miss in results.Where(r => !r.Right))
        {
            output.WriteLine($"{(miss.ConfidentWrong ? "WRONG" : "miss "),-5} line {miss.Line,3} {miss.Voice,-10} expected {miss.Expected}, got {miss.Got}{(showText ? ": " + miss.Text : "")}");
        }
    }

    /// <summary>What the person saw, as a topic-list id: the topic answered, the command or small talk, "crisis", or <see cref="Fallback"/>.</summary>
    public static string WhatTheUserGot(IReadOnlyList<Activity> replies)
    {
        var id = replies.Count == 0 ? "(silence)" : Replies.ContentIdOf(replies[0]) ?? "(no content id)";
        return id switch
        {
            _ when id.StartsWith("topic:", StringComparison.Ordinal) => id["topic:".Length..],
            // "I can only help with the program": the honest answer to an off-topic question, not a topic.
            _ when id == SmallTalkCatalog.ContentIdPrefix + SmallTalkIds.OffTopic => Fallback,
            _ when id.StartsWith("crisis.", StringComparison.Ordinal) => "crisis",
            _ when id.StartsWith("smalltalk.", StringComparison.Ordinal) => "smalltalk:" + id["smalltalk.".Length..],
            "bot.disclosure" => "command:bot",
            // What the bot can do: the help command's reply, or the menu of topics (typing "menu" or "options" shows it; the
            // topic list the writers were given files asking for the menu under command:help).
            "help" or "menu" => "command:help",
            // Asking for a person starts the callback request (or, where there is none, says a person will follow up); in
            // office hours it puts the person in line for a live chat.
            "handoff.requested" or "callback.intro.open" or "callback.intro.closed" or "livechat.waiting" => "command:person",
            "fallback.suggest" or "fallback.menu" => Fallback,
            _ => id,
        };
    }

    private static string Percent(int count, int total) => total == 0 ? "-" : $"{100.0 * count / total:0.0} %";
}

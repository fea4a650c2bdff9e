using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Dialogs;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Understanding;
using IopGuideBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IopGuideBot.Conversation.Tests;

public sealed class RepliesTests
{
    private static readonly Lazy<ClinicContent> Content = new(() => ContentLoader.Load(ContentPaths.Content));

    [Fact]
    public void Every_message_and_topic_renders_with_its_content_id_and_no_leftover_placeholders()
    {
        var replies = new Replies(Content.Value);
        var activities = Content.Value.Messages.All.Keys.Select(k => (Id: k, Activity: replies.Message(k)))
            .Concat(Content.Value.Topics.All.Select(t => (Id: "topic:" + t.Id, Activity: replies.Topic(t, "webchat"))));
        foreach (var (id, activity) in activities)
        {
            Assert.Equal(id, Replies.ContentIdOf(activity));
            Assert.DoesNotContain("{clinic.", activity.Text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(activity.Text), id);
        }
    }

    [Fact]
    public void Topic_answers_always_offer_a_person()
    {
        var replies = new Replies(Content.Value);
        var person = Content.Value.Commands[CommandIds.Person].Label.Value;
        Assert.All(Content.Value.Topics.All, t =>
            Assert.Contains(replies.Topic(t, "test").SuggestedActions.Actions, a => (string)a.Value == person));
    }

    [Fact]
    public void Comparison_is_a_markdown_table_in_web_chat_and_a_plain_list_elsewhere()
    {
        var replies = new Replies(Content.Value);
        var topic = Content.Value.Topics["compare-care"];
        var table = replies.Topic(topic, "webchat").Text;
        Assert.Contains("|---|", table, StringComparison.Ordinal);
        Assert.Contains("| **Where you live** |", table, StringComparison.Ordinal);

        var plain = replies.Topic(topic, "sms").Text;
        Assert.DoesNotContain("|", plain, StringComparison.Ordinal);
        Assert.Contains("- Where you live: At home", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_and_telehealth_answers_follow_the_clinic_configuration()
    {
        var directory = Path.Combine(Path.GetTempPath(), "iop-content-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in Directory.EnumerateFiles(ContentPaths.Content, "*", SearchOption.AllDirectories))
            {
                var dest = Path.Combine(directory, Path.GetRelativePath(ContentPaths.Content, file));
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Copy(file, dest);
            }

            var clinic = Path.Combine(directory, "clinic.yaml");
            File.WriteAllText(clinic, File.ReadAllText(clinic)
                .Replace("show: true", "show: false", StringComparison.Ordinal)
                .Replace("offered: true", "offered: false", StringComparison.Ordinal));
            var content = ContentLoader.Load(directory);
            var replies = new Replies(content);

            Assert.Equal(content.Render(content.Topics["cost"].AnswerIfUnavailable!.Value.Trim()), replies.Topic(content.Topics["cost"], "test").Text);
            Assert.Equal(content.Render(content.Topics["telehealth"].AnswerIfUnavailable!.Value.Trim()), replies.Topic(content.Topics["telehealth"], "test").Text);
            Assert.Equal(Content.Value.Clinic.CostText.Trim(), new Replies(Content.Value).Topic(Content.Value.Topics["cost"], "test").Text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Opening_hours_are_grouped_by_day()
    {
        var hours = Content.Value.Clinic.FormatHours();
        Assert.Equal("- Monday–Thursday: 8 AM–8 PM\n- Friday: 8 AM–5 PM\n- Saturday: 9 AM–1 PM\n- Sunday: closed", hours);
        Assert.True(Content.Value.Clinic.IsOpen(new DateTimeOffset(2025, 6, 2, 15, 0, 0, TimeSpan.Zero))); // Monday 10:00 Chicago
        Assert.False(Content.Value.Clinic.IsOpen(new DateTimeOffset(2025, 6, 8, 15, 0, 0, TimeSpan.Zero))); // Sunday
    }

    [Fact]
    public void Add_clinic_conversation_wires_the_bot_and_its_guided_dialogs()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Content:Directory"] = ContentPaths.Content,
                ["Understanding:SemanticConfidence"] = "0.45",
            })
            .Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IStorage, MemoryStorage>()
            .AddSingleton<IopGuideBot.Conversation.Handoff.IHandoffStore, MemoryHandoffStore>()
            .AddClinicConversation(configuration)
            .AddSafetyAndTriage()
            .BuildServiceProvider(validateScopes: true);

        Assert.IsType<ClinicBot>(services.GetRequiredService<IBot>());
        var main = services.GetRequiredService<MainDialog>();
        Assert.NotNull(main.FindDialog(DialogIds.Triage));
        Assert.NotNull(main.FindDialog(DialogIds.Handoff));
        Assert.NotNull(main.FindDialog(IopGuideBot.Conversation.Walkthroughs.IopWalkthroughDialog.DialogId));
        Assert.NotNull(main.FindDialog(IopGuideBot.Conversation.Walkthroughs.ComparisonDialog.DialogId));
        Assert.Equal(0.45, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UnderstandingOptions>>().Value.SemanticConfidence);
    }

    [Fact]
    public void Default_content_folder_is_found_by_walking_up()
    {
        Assert.Equal(Path.GetFullPath(ContentPaths.Content), new ContentOptions().ResolveDirectory());
    }

    [Fact]
    public async Task Classifier_is_safe_to_use_from_many_threads()
    {
        var classifier = IntentClassifier.Train(Content.Value);
        var expected = classifier.Classify("can i keep my job").Top;
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(_ => classifier.Classify("can i keep my job").Top).Distinct().ToList())));
        Assert.All(results, r => Assert.Equal([expected], r));
    }
}

public sealed class CommandMatcherTests
{
    private static readonly Lazy<CommandMatcher> Matcher = new(() => new CommandMatcher(ContentLoader.Load(ContentPaths.Content)));

    [Theory]
    [InlineData("help", CommandIds.Help)]
    [InlineData("HELP!", CommandIds.Help)]
    [InlineData("are you a bot?", CommandIds.Bot)]
    [InlineData("am I talking to a real person", CommandIds.Bot)]
    [InlineData("can I just talk to a real person", CommandIds.Person)]
    [InlineData("Talk to a person", CommandIds.Person)]
    [InlineData("start over", CommandIds.Menu)]
    [InlineData("stop", CommandIds.Cancel)]
    [InlineData("I want to stop using", null)]
    [InlineData("I need help", null)]
    [InlineData("my son needs help", null)]
    [InlineData("stop by the clinic after work", null)]
    public void Global_commands_match_whole_words_and_the_longest_phrase_wins(string text, string? expected) =>
        Assert.Equal(expected, Matcher.Value.MatchCommand(text, globalOnly: true)?.Id);

    [Fact]
    public void Triage_starters_are_not_global()
    {
        Assert.Null(Matcher.Value.MatchCommand("Start the questions", globalOnly: true));
        Assert.Equal(CommandIds.TriageSelf, Matcher.Value.MatchCommand("Start the questions", globalOnly: false)?.Id);
    }
}

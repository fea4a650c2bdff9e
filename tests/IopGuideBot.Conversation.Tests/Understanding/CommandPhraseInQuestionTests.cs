using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// A command phrase that is only a small part of a longer question gives way to a confident reading of the question
/// (round 6: "keep going", "i'm ready" and "talk to someone" inside questions were answered as buttons); whole phrases and
/// short requests stay commands.
/// </summary>
public sealed class CommandPhraseInQuestionTests
{
    private static readonly MessageUnderstanding Understanding = new(new CommandMatcher(SharedUnderstanding.Content), SharedUnderstanding.Classifier,
        SharedUnderstanding.Semantic, SharedUnderstanding.Examples, Options.Create(new UnderstandingOptions()));

    [Theory]
    [InlineData("keep going", "command:resume")]
    [InlineData("talk to a person", "command:person")]
    [InlineData("i want to talk to a real person please", "command:person")]
    [InlineData("can someone call me back", "command:callback")]
    public void Whole_phrases_and_short_requests_stay_commands(string text, string command)
    {
        var understood = Understanding.Understand(text);
        Assert.Contains(understood.Path, new[] { UnderstandingPath.ButtonLabel, UnderstandingPath.CommandPhrase });
        Assert.Equal(command, understood.Intent!.Value.Key);
        Assert.Equal(command, "command:" + Understanding.CommandIn(text, globalOnly: false)!.Id);
    }

    // Round 19: a request to be called that gave a local number was answered with the clinic's own contact details.
    [Theory]
    [InlineData("could you please call me, the number here is 555-0199")]
    [InlineData("call me back on 555 0123 when someone is free to talk about the program")]
    public async Task A_request_to_be_called_with_a_number_starts_the_callback_request(string text)
    {
        Assert.Equal("command:callback", Understanding.Understand(text).Intent?.Key);

        await using var bot = new ComposedBot();
        var replies = await bot.NewConversation().SayAsync(text);
        Assert.StartsWith("callback.", Replies.ContentIdOf(replies[0]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("will my son be able to keep going to his college classes while he does the program")]
    [InlineData("will my wife get to talk to someone one on one or is it all group sessions")]
    [InlineData("im ready to stop drinking but how many weeks does the program last")]
    public void A_phrase_inside_a_longer_question_gives_way_to_the_question(string text)
    {
        var understood = Understanding.Understand(text);
        Assert.NotEqual(UnderstandingPath.CommandPhrase, understood.Path);
        Assert.Null(Understanding.CommandIn(text, globalOnly: false));
    }

    // Round 15: "start over" and "keep going" inside a longer question that the classifiers are unsure of showed the menu,
    // as though the person had asked for it; now the fallback offers the close topics (and the menu, and a person).
    [Theory]
    [InlineData("had a couple beers at a bbq after 50 days, does that mean i start over")]
    [InlineData("can my son keep going to his meetings at the va")]
    public async Task A_start_over_or_keep_going_inside_an_unsure_question_gets_the_fallback_with_topics_not_the_menu(string text)
    {
        var understood = Understanding.Understand(text);
        Assert.Equal(UnderstandingPath.Fallback, understood.Path);
        Assert.NotEmpty(understood.Suggestions);
        Assert.Null(Understanding.CommandIn(text, globalOnly: true));

        await using var bot = new ComposedBot();
        var replies = await bot.NewConversation().SayAsync(text);
        Assert.Equal("fallback.suggest", Replies.ContentIdOf(replies[0]));
        Assert.Contains(replies[0].SuggestedActions.Actions, a => a.Title == bot.Content.Render(bot.Content.Commands.All[CommandIds.Menu].Label.Value));
    }

    [Fact]
    public void Alone_or_as_most_of_a_message_they_stay_commands()
    {
        Assert.Equal(CommandIds.Menu, Understanding.CommandIn("start over", globalOnly: true)!.Id);
        Assert.Equal(CommandIds.Resume, Understanding.CommandIn("ok lets keep going", globalOnly: true)!.Id);
    }
}

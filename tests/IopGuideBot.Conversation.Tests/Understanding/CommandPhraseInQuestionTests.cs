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
}

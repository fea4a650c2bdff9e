using IopGuideBot.Conversation.Understanding;
using Microsoft.Extensions.Options;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// Two or three questions in one message blur into a reading sure of none; the bot answers the first question it is sure
/// of, in the order asked, instead of "I want to be sure I understood".
/// </summary>
public sealed class SeveralQuestionsTests
{
    private static readonly MessageUnderstanding Understanding = new(new CommandMatcher(SharedUnderstanding.Content),
        SharedUnderstanding.Classifier, SharedUnderstanding.Semantic, SharedUnderstanding.Examples, Options.Create(new UnderstandingOptions()));

    private const string TwoQuestions = "can my wife come to some sessions? how long does the program last?";

    [Fact]
    public void Each_question_alone_is_sure()
    {
        Assert.Equal("topic:family-involvement", Understanding.Understand("can my wife come to some sessions?").Intent?.Key);
        Assert.Equal("topic:duration", Understanding.Understand("how long does the program last?").Intent?.Key);
    }

    // The path says the whole was unsure: the step runs only after the whole message fell back.
    [Fact]
    public void The_first_question_asked_is_answered()
    {
        var read = Understanding.Understand(TwoQuestions);

        Assert.Equal(UnderstandingPath.OneOfSeveralQuestions, read.Path);
        Assert.Equal("topic:family-involvement", read.Intent?.Key);
    }

    [Fact]
    public async Task Through_the_bot_the_first_question_gets_its_topic()
    {
        await using var bot = new ComposedBot();

        var replies = await bot.NewConversation().SayAsync(TwoQuestions);

        Assert.Equal("topic:family-involvement", Replies.ContentIdOf(replies[0]));
    }
}

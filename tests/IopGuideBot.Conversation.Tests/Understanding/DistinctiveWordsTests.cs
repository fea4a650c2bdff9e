using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// A message of a few words whose telling words all belong to one intent's examples ("cigna??", "fmla?") is answered by
/// that intent instead of a fallback; words of different intents, or a longer message, are left to the classifiers.
/// </summary>
public sealed class DistinctiveWordsTests
{
    private static readonly DistinctiveWords Words = DistinctiveWords.From(SharedUnderstanding.Examples);

    [Theory]
    [InlineData("cigna??", "topic:insurance")]
    [InlineData("FMLA?", "topic:employer-licensing")]
    public void A_short_message_with_one_intents_words_names_that_intent(string text, string intent)
    {
        Assert.Equal(intent, Words.SoleIntentOf(text)?.Key);
    }

    [Theory]
    [InlineData("cigna and fmla?")] // two intents' words
    [InlineData("ok then")] // no distinctive word
    [InlineData("my husband has cigna through his work and we want to know more")] // long: the classifiers read it
    public void Other_messages_name_no_intent(string text) => Assert.Null(Words.SoleIntentOf(text));

    [Fact]
    public async Task A_one_word_question_gets_its_topic_through_the_bot()
    {
        await using var bot = new ComposedBot();

        var replies = await bot.NewConversation().SayAsync("cigna??");

        Assert.Equal("topic:insurance", Replies.ContentIdOf(replies[0]));
    }
}

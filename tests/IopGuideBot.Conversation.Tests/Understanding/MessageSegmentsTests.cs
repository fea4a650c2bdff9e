using IopGuideBot.Conversation.Understanding;

namespace IopGuideBot.Conversation.Tests.Understanding;

public sealed class MessageSegmentsTests
{
    [Theory]
    [InlineData("how long is the program")]
    [InlineData("how long is the program?")]
    [InlineData("")]
    public void A_single_sentence_has_no_segments(string text) => Assert.Empty(MessageSegments.QuestionsOf(text, 2));

    [Fact]
    public void A_story_then_a_question_gives_the_question()
    {
        var segments = MessageSegments.QuestionsOf("My brother got out of the hospital on Friday. The nurse gave us a leaflet. What is an IOP?", 2);
        Assert.Equal(["what is an iop"], segments);
    }

    [Fact]
    public void Two_questions_are_read_last_first_and_capped()
    {
        Assert.Equal(["is there help paying", "how much is it"], MessageSegments.QuestionsOf("How much is it? Is there help paying?", 2));
        Assert.Single(MessageSegments.QuestionsOf("How much is it? Is there help paying? Do you take Medicaid?", 1));
    }

    [Fact]
    public void Without_a_question_the_last_sentence_counts()
    {
        Assert.Equal(["i need help for him"], MessageSegments.QuestionsOf("my dad drinks every night. i need help for him.", 2));
    }

    [Theory]
    [InlineData("wait, how long does the program take?", "how long does the program take?")]
    [InlineData("ok so, what does it cost", "what does it cost")]
    [InlineData("hi, how long is it", "hi, how long is it")]
    [InlineData("is there a wait", "is there a wait")]
    [InlineData("ok.", "ok.")]
    public void An_opening_interjection_is_left_out(string text, string expected) => Assert.Equal(expected, MessageSegments.WithoutInterjection(text));
}

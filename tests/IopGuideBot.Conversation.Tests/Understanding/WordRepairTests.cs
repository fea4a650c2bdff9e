using IopGuideBot.Conversation.Understanding;
using Xunit;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>Texting shorthand and typos are repaired toward the examples' words before a question is classified; nothing else changes.</summary>
public sealed class WordRepairTests
{
    private static readonly WordRepair Repair = new([
        "does my insurance cover the program",
        "how many hours of therapy a week",
        "can my husband join family sessions",
        "what medication do you use",
        "my meds make me sleepy",
        "is there parking",
        "what about partying",
    ]);

    [Theory]
    [InlineData("can u help rn? pls", "can you help right now? please")]
    [InlineData("does my insurence cover it", "does my insurance cover it")]
    [InlineData("how many hrs of theraphy", "how many hours of therapy")]
    [InlineData("is tehre parkinf", "is there parking")] // two letters swapped; "f" is next to "g"
    [InlineData("can my husbnd come too", "can my husband come too")]
    [InlineData("medicaton for cravings?", "medication for cravings?")]
    [InlineData("my son's theraphy", "my son's therapy")] // a possessive is kept as typed
    [InlineData("arent u worried", "arent you worried")] // a changed first letter would make it another word ("parent")
    public void Shorthand_is_spelled_out_and_typos_of_example_words_are_corrected(string typed, string repaired) =>
        Assert.Equal(repaired, Repair.Repair(typed));

    [Theory]
    [InlineData("I love bananas, honestly.")] // real words the examples never use stay as typed
    [InlineData("is thr a gym")] // shorter than four letters: too many words are one typo away
    [InlineData("my meds are gone")] // shorthand the examples use themselves is what the classifiers learned
    [InlineData("parting ways")] // "parting" is a word the encoder knows, not a typo of "parking" or "partying"
    [InlineData("he messes up and bailed on me")] // inflections of words the encoder knows are words too
    [InlineData("mi hijo necesita ayuda, hay terapia en español?")] // Spanish is not English typos
    [InlineData("is thebe parqing")] // "b" for "r" and "q" for "k" are not slips to a neighbouring key

    public void Everything_else_is_kept_exactly_as_typed(string typed) =>
        Assert.Equal(typed, Repair.Repair(typed));

    [Fact]
    public void A_typo_equally_close_to_two_example_words_used_as_often_is_left_alone()
    {
        var repair = new WordRepair(["the cart is here", "the card is here"]);

        Assert.Null(repair.Correct("carf")); // "f" is next to both "t" and "d"
        Assert.Equal("cart", new WordRepair(["the cart is here", "the cart again", "the card is here"]).Correct("carf"));
    }

    [Fact]
    public void A_word_missing_a_letter_is_read_as_that_word_before_a_more_common_one_with_a_wrong_letter()
    {
        var repair = new WordRepair(["when is it", "when do i start", "when can i come", "where is it"]);

        Assert.Equal("where", repair.Correct("wher"));
    }
}

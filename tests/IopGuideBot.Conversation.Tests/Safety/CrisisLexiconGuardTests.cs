using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The lexicon alone on pairs that differ only in what makes a cue benign: a figure of speech, a question about someone
/// else or the staff, history told as over, a danger ruled out. The benign line must not be flagged, and its risky twin —
/// the same words with the danger kept in — must still be. Lines written for these tests, not taken from any evaluation set.
/// </summary>
public sealed class CrisisLexiconGuardTests
{
    private readonly CrisisDetector _lexicon = new();

    [Theory]
    // Self-reproach over an everyday slip; the bare wish still counts.
    [InlineData("ugh i could honestly kill myself for leaving my wallet at the pharmacy", "ugh i could honestly kill myself, i'm so done")]
    // A screening question told back and answered no; answered yes, it counts.
    [InlineData("the intake nurse asked if i ever have thoughts of killing myself and i told her no",
                "the intake nurse asked if i ever have thoughts of killing myself and i said yes, most nights")]
    [InlineData("the nurse asked if i had thoughts of ending my life and i said no, which is the truth",
                "the nurse asked if i had thoughts of ending my life and i said no but i lied")]
    // A hospital stay that treated an attempt; the same stay with "again tonight" counts.
    [InlineData("my brother came home from the psych ward after a suicide attempt and wants to start a day program",
                "my brother came home from the psych ward after a suicide attempt and tonight he talks about doing it again")]
    // Suicidal thoughts in a season that is over; since then and worse, they count.
    [InlineData("my wife struggled with suicidal thoughts last winter but therapy helped a lot",
                "my wife has had suicidal thoughts since last winter and they are getting worse")]
    [InlineData("i'll tell the counselor i had suicidal thoughts last year, is that a problem", "i'll tell the counselor i had suicidal thoughts last night")]
    [InlineData("there was a time i wanted to die, but that was a decade ago", "there was a time i wanted to die and lately that feeling is back")]
    [InlineData("my wife had a suicide attempt long before we met and she has been well for years", "my wife had a suicide attempt on sunday")]
    // Misery laughed off; the same misery meant.
    [InlineData("so hungover today i want to die lol, anyway do you take aetna", "so hungover i want to die and i mean it this time")]
    // How to answer someone else; someone who said it.
    [InlineData("if somebody tells me they want to die what should i say to them", "a friend just told me they want to die")]
    // A preference over a chore; over living.
    [InlineData("i'd rather jump off a bridge than sit through another budget meeting", "i'd rather jump off a bridge than keep living like this")]
    // An overdose on purpose long ago; an hour ago.
    [InlineData("i swallowed a bottle of pills on purpose. that was many years ago and i'm well now",
                "i swallowed a bottle of pills on purpose. that was an hour ago")]
    [InlineData("i swallowed a bottle of pills on purpose. that was many years ago and i'm well now",
                "i swallowed a bottle of pills on purpose. that was last week")]
    // Overdosed on something that is not a drug; on pills.
    [InlineData("lol i od'd on espresso before work", "i od'd on my pills before work")]
    // An overdose ruled out; one that happened.
    [InlineData("nobody has overdosed, i just want to learn how narcan works", "somebody has overdosed, i just want to learn how narcan works")]
    [InlineData("i havent overdosed, i just want to get off the pills", "i have overdosed, i just want to get off the pills")]
    // A general question about naloxone; the same question now.
    [InlineData("in general, do you give narcan to someone who is only very sleepy", "right now, do you give narcan to someone who is this sleepy")]
    // Withdrawal history told as history; the same symptom now.
    [InlineData("i have a history of dts but have been sober six years", "i think i'm getting the dts, i've been shaking since i quit friday")]
    // A thing that will "kill" someone; a person who will.
    [InlineData("my dad says the commute there will kill him, any closer clinics", "my dad says he will kill him if he comes home high")]
    // A threat over leftovers laughed off; unlaughed, or from a partner, it counts.
    [InlineData("my brother says he'll kill me if i eat his leftovers lol", "my brother says he'll kill me if i tell anyone")]
    [InlineData("my brother says he'll kill me if i eat his leftovers lol", "my boyfriend says he'll kill me if i leave lol")]
    // Pregnancy planned; pregnancy now.
    [InlineData("i'm on street subs and we're hoping to get pregnant next year", "i'm on street subs and we're pregnant")]
    // The staff's experience; the writer's own.
    [InlineData("do your therapists have experience with self harm", "i have experience with self harm, i did it last night")]
    // Spanish: an overdose years ago and years clean; last night.
    [InlineData("tuve una sobredosis en 2016 y llevo siete anos sobrio, quiero ayudar a otros", "tuve una sobredosis anoche y tengo miedo")]
    public void A_benign_near_miss_is_left_alone_and_its_risky_twin_is_flagged(string benign, string risky)
    {
        var benignAssessment = _lexicon.Assess(benign);
        Assert.False(benignAssessment.IsCrisis, $"flagged ({string.Join(",", benignAssessment.RuleIds)}): {benign}");
        Assert.True(_lexicon.Assess(risky).IsCrisis, $"missed: {risky}");
    }
}

using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using IopGuideBot.Conversation.Questions;
using IopGuideBot.Conversation.Triage;

namespace IopGuideBot.Conversation.Tests.Triage;

/// <summary>
/// Answers in people's own words, read with the real content (these phrasings are the team's own, not the held-out
/// set's): each case says what should be recorded, or that the bot should ask back / hear "not sure" / not understand.
/// </summary>
public sealed class AnswerReaderTests
{
    private static readonly Lazy<ClinicContent> Content = new(() => ContentLoader.Load(ContentPaths.Content));

    private static readonly DateTimeOffset Now = new(2026, 3, 16, 15, 0, 0, TimeSpan.FromHours(-5));

    private static AnswerReader Reader => new(Content.Value.Section<AnswersContent>(), new FixedTime(Now));

    private static GuidedQuestion Question(string id) =>
        Content.Value.Section<TriageContent>().Question(id) ?? Content.Value.Section<CallbackContent>().RequiredQuestion(id);

    /// <summary>What was read, as one string: the values (or number / text), or ask:a|b, unsure, none, too-long.</summary>
    private static string Read(string questionId, string text)
    {
        var reading = Reader.Read(Question(questionId), text);
        return reading.Kind switch
        {
            ReadingKind.Answer when reading.Answer!.Skipped => "skipped",
            ReadingKind.Answer => reading.Answer!.Values.Count > 0 ? string.Join('+', reading.Answer.Values)
                                  : reading.Answer.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? reading.Answer.Text!,
            ReadingKind.Ambiguous => "ask:" + string.Join('|', reading.Candidates!.Select(c => c.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (c.Values.Count > 0 ? string.Join('+', c.Values) : c.Text))),
            ReadingKind.Unsure => "unsure",
            ReadingKind.TooLong => "too-long",
            _ => "none",
        };
    }

    [Theory]
    [InlineData("34", "yes")]
    [InlineData("I'm 34", "yes")]
    [InlineData("yeah im 35", "yes")]
    [InlineData("hes 19", "yes")]
    [InlineData("16", "no")]
    [InlineData("no, I'm 16", "no")]
    [InlineData("she's turning 18 next month", "no")]
    [InlineData("he's in his twenties", "yes")]
    [InlineData("born in 1990", "yes")]
    [InlineData("yes", "yes")]
    [InlineData("a grown adult", "yes")]
    [InlineData("he's a teenager", "ask:yes|no")]
    [InlineData("I've been using for 10 years and I'm 40", "yes")]
    public void Ages_answer_are_you_18_or_older(string text, string expected) => Assert.Equal(expected, Read("adult", text));

    [Theory]
    [InlineData("like 3 or 4 times a week", "weekly")]
    [InlineData("like every weekend", "weekly")]
    [InlineData("probably every day", "daily")]
    [InlineData("i dont know, probably every day now", "daily")]
    [InlineData("no not never!! every day", "daily")]
    [InlineData("nope never", "never")]
    [InlineData("not every day", "ask:weekly|monthly")]
    [InlineData("5 days a week", "daily")]
    [InlineData("twice a month", "monthly")]
    [InlineData("every other week", "monthly")]
    [InlineData("just once at a party", "once_or_twice")]
    [InlineData("4 or 5 times a week", "ask:weekly|daily")]
    [InlineData("used to be daily but now only weekends", "weekly")]
    [InlineData("I quit 2 weeks ago, before that weekly", "weekly")]
    [InlineData("occasionally", "ask:once_or_twice|monthly|weekly")]
    [InlineData("idk", "unsure")]
    [InlineData("Daily or almost daily", "daily")]
    public void Frequencies_keep_negation_and_uncertainty(string text, string expected) => Assert.Equal(expected, Read("frequency", text));

    [Theory]
    [InlineData("mostly beer, some weed", "alcohol+cannabis")]
    [InlineData("heroin and xanax", "opioids+sedatives")]
    [InlineData("not alcohol, just weed", "cannabis")]
    [InlineData("he drinks a lot and smokes crack", "alcohol+stimulants")]
    [InlineData("marijuanna", "cannabis")]
    [InlineData("gabapentin", "other")]
    [InlineData("pills", "ask:opioids|sedatives|stimulants")]
    [InlineData("no idea honestly", "unsure")]
    [InlineData("what counts as a substance?", "none")]
    public void Substances_are_every_one_named(string text, string expected) => Assert.Equal(expected, Read("substances", text));

    [Theory]
    [InlineData("i did detox once", "prior_treatment", "yes")]
    [InlineData("he went to rehab twice", "prior_treatment", "yes")]
    [InlineData("never had any treatment", "prior_treatment", "no")]
    [InlineData("yes i had a seizure when i stopped drinking", "withdrawal_history", "yes")]
    [InlineData("just the shakes, nothing like that", "withdrawal_history", "no")]
    [InlineData("I live with my parents, it's safe", "safe_home", "yes")]
    [InlineData("kind of", "safe_home", "ask:yes|no")]
    [InlineData("please don't mention the clinic", "voicemail_ok", "no")]
    [InlineData("sure, that's fine", "voicemail_ok", "yes")]
    [InlineData("not sure", "voicemail_ok", "unsure")]
    public void Yes_and_no_are_read_inside_sentences(string text, string question, string expected) => Assert.Equal(expected, Read(question, text));

    [Theory]
    [InlineData("it's for my son", "for_whom", "family")]
    [InlineData("not me, my brother", "for_whom", "family")]
    [InlineData("me", "for_whom", "self")]
    [InlineData("depression but I'm on meds", "health_concerns", "stable")]
    [InlineData("idk maybe some anxiety", "health_concerns", "ask:stable|unstable")]
    [InlineData("my anxiety is getting worse", "health_concerns", "unstable")]
    [InlineData("nope, healthy", "health_concerns", "none")]
    [InlineData("evenings would work", "schedule", "evening")]
    [InlineData("I work days so evenings", "schedule", "evening")]
    [InlineData("not sure", "schedule", "unsure")]
    [InlineData("text me", "contact_method", "text")]
    [InlineData("I'll call you guys", "contact_method", "they_call")]
    [InlineData("call me at 312 555 9021", "contact_method", "call")]
    public void Choices_are_read_from_sentences(string text, string question, string expected) => Assert.Equal(expected, Read(question, text));

    [Theory]
    [InlineData("8", "8")]
    [InlineData("like a 7", "7")]
    [InlineData("7/10", "7")]
    [InlineData("10 out of 10", "10")]
    [InlineData("completely ready", "10")]
    [InlineData("5 or 6", "ask:5|6")]
    [InlineData("eleven", "none")]
    public void Readiness_is_a_number_from_0_to_10(string text, string expected) => Assert.Equal(expected, Read("readiness", text));

    [Theory]
    [InlineData("call me at 555 201 3344", "phone", "+15552013344")]
    [InlineData("(312) 555-9021", "phone", "+13125559021")]
    [InlineData("five five five two zero one three three four four", "phone", "+15552013344")]
    [InlineData("555 0199", "phone", "none")]
    [InlineData("sam at example dot com", "email", "sam@example.com")]
    [InlineData("my name is Sam", "first_name", "Sam")]
    [InlineData("no thanks", "first_name", "skipped")]
    [InlineData("Bartholomew Maximilian Fitzgerald-Worthington the Third", "first_name", "too-long")]
    [InlineData("evenings would work", "best_time", "evenings")]
    [InlineData("weekdays after 5", "best_time", "weekdays after 17:00")]
    [InlineData("tomorrow morning", "best_time", "tomorrow morning")]
    [InlineData("between 9 and 11", "best_time", "09:00-11:00")]
    [InlineData("tuesdays or thursdays in the afternoon", "best_time", "tuesday or thursday afternoons")]
    [InlineData("whenever", "best_time", "anytime")]
    public void Contact_details_are_read_and_checked(string text, string question, string expected) => Assert.Equal(expected, Read(question, text));

    [Fact]
    public void A_free_text_answer_longer_than_the_limit_is_asked_again_not_cut()
    {
        var limit = Content.Value.Section<AnswersContent>().TextMaxCharacters;
        Assert.Equal("too-long", Read("best_time", "once " + string.Concat(Enumerable.Repeat("the kids are finally asleep and ", limit / 20))));
        Assert.Equal("too-long", Read("substances", string.Concat(Enumerable.Repeat("some pharmacy thing ", limit / 10))));
    }

    [Fact]
    public void Control_characters_never_reach_a_record()
    {
        var reading = Reader.Read(Question("first_name"), "Sa\u0000m\u200B");
        Assert.Equal("Sam", reading.Answer?.Text);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}

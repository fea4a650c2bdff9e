using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Handoff;
using Microsoft.Bot.Builder;

namespace IopGuideBot.Conversation;

/// <summary>What the person last sent the clinic in this conversation, so "what happens now?" can be answered.</summary>
public enum SentRequest
{
    None,

    /// <summary>The questionnaire's answers went to the intake team.</summary>
    Questionnaire,

    /// <summary>They asked for a person (a handoff or a callback).</summary>
    Person,
}

/// <summary>
/// What the conversation knows beyond the current dialog, kept in conversation state: who it is about (the person, or
/// a loved one once they say "For a family member" or "my son…"), and what they last sent us. The main conversation
/// reads questions against it ("can I be involved?" after "my son…" is about him) and words answers for a family member.
/// Other dialogs read it through <see cref="CreateAccessor"/> (for instance to word questions about the loved one).
/// </summary>
public sealed partial class ConversationContext
{
    /// <summary>Who the conversation is about: <see cref="InquiryFor.Unknown"/> until the person says.</summary>
    public InquiryFor About { get; set; } = InquiryFor.Unknown;

    public SentRequest LastSent { get; set; }

    public bool IsAboutLovedOne => About == InquiryFor.FamilyMember;

    public static IStatePropertyAccessor<ConversationContext> CreateAccessor(ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        return conversationState.CreateProperty<ConversationContext>(nameof(ConversationContext));
    }

    /// <summary>
    /// Updates <see cref="About"/> from one message: a loved one mentioned ("my son", "my husband", "he", "she") makes
    /// the conversation about them; "it's for me" makes it about the person. Anything else leaves it as it was.
    /// </summary>
    public void Hear(string? text)
    {
        var normal = TextNormalizer.Normalize(text);
        if (normal.Length == 0)
        {
            return;
        }

        if (ForMyself().IsMatch(normal))
        {
            About = InquiryFor.Self;
        }
        else if (MentionsLovedOne(normal))
        {
            About = InquiryFor.FamilyMember;
        }
    }

    /// <summary>Whether normalised text speaks about a loved one: a relative or friend ("my son", "my best friend") or he/she.</summary>
    public static bool MentionsLovedOne(string normalizedText) => LovedOne().IsMatch(normalizedText);

    // "my older brother", "my 17 year old", "my stepdad", "my ex wife"; he/she/him/her/his/hers (also "hes", "shes" once
    // apostrophes are gone). "They" is left out: people say it of the clinic ("do they drug test?").
    [GeneratedRegex(@"\b(?:my|our)\s+(?:(?:\d+\s+(?:year|yr)s?\s+old|older|younger|little|big|baby|adult|grown|teenage|oldest|youngest|only|ex|step|grand|great)\s*)*(?:son|sons|daughter|daughters|kid|kids|child|children|boy|girl|teen|teenager|husband|hubby|wife|spouse|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|mom|mother|mum|mama|dad|father|papa|parent|parents|brother|sister|sibling|twin|cousin|uncle|aunt|nephew|niece|grandson|granddaughter|grandma|grandmother|grandpa|grandfather|grandparent|friend|roommate|loved one|family member|significant other|stepson|stepdaughter|stepdad|stepmom|stepfather|stepmother|son in law|daughter in law)\b|\b(?:he|she|him|her|his|hers|hes|shes|himself|herself)\b|\b(?:a|someone i|somebody i)\s+(?:loved one|love|care about|family member)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LovedOne();

    [GeneratedRegex(@"\b(?:(?:its|it is|this is|asking|here|im asking|i am asking)\s+for\s+(?:me|myself)|for myself|about me not|im the one (?:using|who uses|drinking|struggling))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ForMyself();
}

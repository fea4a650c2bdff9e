using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Benchmarks;

/// <summary>
/// The lexicon alone as the service runs it after start-up: its linear-time regexes built
/// (<see cref="CrisisDetector.BuildLinearTimeRegexes"/>, which the service calls once start-up is over) and on text the
/// detector has not seen (no remembered assessment). Why a class of its own: <see cref="CrisisCheckBenchmarks"/>'s
/// <c>Lexicon</c> at 50 B measures the detector's memory of short texts since round 20 (~13 ns), and at 1 KB and 256 KB the
/// start-up interpreter since round 29, since nothing there builds the linear-time regexes; and that build is once per
/// process, so this class is best run in a process of its own (<c>--filter '*CrisisLexiconBenchmarks*'</c>).
/// <para><c>Sized</c>: the same filler text as <see cref="CrisisCheckBenchmarks"/> at 50 B, 1 KB and 256 KB (a 50 B text is
/// one of 8,192 numbered variants, more than the detector remembers, so every call is new to it). <c>Typical</c>: 200
/// chat messages of 20–142 characters (mean 53) written for this benchmark (questions about the program, insurance,
/// schedules, family, the longer button labels), each checked once by a fresh detector; the mean is per message.</para>
/// </summary>
[MemoryDiagnoser]
public class CrisisLexiconBenchmarks
{
    private const string Filler = "my son has been using pills and drinking again and i worry about withdrawal and whether he keeps his job. ";
    private const int Variants = 8_192;

    private readonly SafetyOptions _options = new();
    private CrisisDetector _detector = null!;
    private string[] _texts = [];
    private int _next;

    [Params(50, 1024, 262_144)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        CrisisDetector.BuildLinearTimeRegexes();
        _detector = new CrisisDetector(null, _options);
        var sb = new StringBuilder(Bytes + Filler.Length);
        while (sb.Length < Bytes - 6)
        {
            sb.Append(Filler);
        }

        var text = sb.ToString(0, Bytes - 6);
        _texts = text.Length <= 120
            ? [.. Enumerable.Range(0, Variants).Select(i => text + " " + i.ToString(CultureInfo.InvariantCulture))]
            : [text];
        foreach (var message in TypicalMessages)
        {
            _detector.Assess(message); // every pattern's lazy state (guards, DFA states) warmed once
        }
    }

    [Benchmark]
    public CrisisAssessment Sized() => _detector.Assess(_texts[_next++ % _texts.Length]);

    [Benchmark(OperationsPerInvoke = 200)]
    public int Typical()
    {
        var detector = new CrisisDetector(null, _options); // its memory of short texts starts empty: every message is new
        var crises = 0;
        foreach (var message in TypicalMessages)
        {
            crises += detector.Assess(message).IsCrisis ? 1 : 0;
        }

        return crises;
    }

    /// <summary>200 ordinary intake-chat messages, 20–142 characters; none is a crisis, and none gets any finding.</summary>
    internal static readonly string[] TypicalMessages =
    [
        "Is an IOP right for me?",
        "How long is the program?",
        "What are your hours on weekdays?",
        "Do you take Blue Cross Blue Shield?",
        "Do you accept Medicaid?",
        "How much does the program cost without insurance?",
        "Can I do the program while I keep working full time?",
        "Are there evening groups? I work until 5 most days.",
        "My son has been drinking a lot lately and I don't know how to bring it up with him.",
        "What does a typical day in the intensive outpatient program look like?",
        "Do I need a referral from my doctor to start?",
        "How many days a week would I have to come in?",
        "I'd like to talk to someone about getting started.",
        "Is there a waiting list right now?",
        "Can my wife come to the family sessions with me?",
        "Do you offer medication assisted treatment like suboxone?",
        "I'm on methadone, can I still join the program?",
        "What's the difference between IOP and PHP?",
        "Where are you located? Is there parking?",
        "Is the program available online or only in person?",
        "ok thank you so much",
        "Start the questionnaire",
        "Schedule and location",
        "Once or twice a week",
        "More than five years",
        "Stimulants like meth or cocaine",
        "what insurance do u take",
        "do you guys have groups on saturday",
        "is it confidential? i don't want my boss to find out",
        "Will my employer know I'm in treatment?",
        "Can I get a note for work for the days I attend?",
        "Does the program help with FMLA paperwork?",
        "My daughter is 17, do you treat teenagers?",
        "What age do you have to be to join?",
        "How long is each group session?",
        "Are the groups mixed or are there women only groups?",
        "Do you have Spanish speaking counselors?",
        "¿Tienen grupos en español?",
        "Hola, ¿cuánto cuesta el programa?",
        "Mi hijo bebe mucho, ¿cómo le puedo ayudar?",
        "I've been sober for 3 months and want some extra support.",
        "I relapsed last year and want to get back on track.",
        "My husband drinks every night and gets angry, I don't know what to do anymore.",
        "How do I talk to my brother about his drinking without starting a fight?",
        "Is it normal to feel anxious about starting treatment?",
        "What happens at the first appointment?",
        "How long does the intake assessment take?",
        "Do I have to do a drug test?",
        "Will you drug test me every week?",
        "What if I miss a group because my kid is sick?",
        "Can I switch from the morning group to the evening group later?",
        "Do you help with housing or sober living?",
        "Do you have a sliding scale?",
        "Is there a payment plan if my deductible is high?",
        "My insurance is Aetna through my job, is that in network?",
        "What's my copay going to be?",
        "Do you take Tricare?",
        "We have Kaiser, does that work here?",
        "Is the program covered by Medicare?",
        "I lost my job and my insurance, what are my options?",
        "Can you send me information by email?",
        "Can someone call me back tomorrow morning?",
        "What's the best number to reach you at?",
        "Are you open on holidays?",
        "Are you open on Christmas Eve?",
        "What time does the evening group end?",
        "Is there childcare during sessions?",
        "Can I bring my service dog?",
        "Is the building wheelchair accessible?",
        "Do you have a location closer to downtown?",
        "Is there a bus that stops near you?",
        "how long until i can start",
        "can i start next week",
        "i want to quit drinking but i'm scared of what people will think",
        "I've tried AA before and it wasn't for me. Is this different?",
        "Do you use the 12 steps or something else?",
        "What kind of therapy do you do? CBT?",
        "Do you treat gambling addiction too?",
        "Do you treat depression and anxiety along with substance use?",
        "I have ADHD, will that be a problem?",
        "Can I keep seeing my own therapist while I'm in the program?",
        "Will you coordinate with my psychiatrist?",
        "How do I get my records sent to you?",
        "My mom wants to know if she can visit.",
        "What should I tell my kids about where I'm going?",
        "My partner uses and I don't. Is there support for people like me?",
        "Is there a group for parents of kids who use drugs?",
        "My dad has been to rehab twice. Would IOP help him?",
        "My sister keeps saying she's fine but she drinks every day.",
        "How can I get my son to agree to treatment?",
        "Can I sign my adult son up or does he have to do it himself?",
        "What if he refuses to go?",
        "I'm worried about my grandson, he's been vaping a lot.",
        "Do you work with court ordered clients?",
        "I need proof of attendance for my probation officer.",
        "Can you fax the attendance letter to my lawyer?",
        "Do you do DUI classes?",
        "I got a DUI and the judge said I need treatment.",
        "How many weeks until I graduate from the program?",
        "What happens after IOP ends? Is there aftercare?",
        "Do you have alumni groups?",
        "Can I come back if I need to later?",
        "Is there a limit on how many times you can do the program?",
        "What if I only drink on weekends, do I still need IOP?",
        "I drink maybe 4 or 5 beers a night. Is that a lot?",
        "How do I know if I have a problem with alcohol?",
        "I smoke weed every day, is that an addiction?",
        "I take my prescribed pain pills as directed but I think I'm getting dependent.",
        "Is kratom something you treat?",
        "do you prescribe anything for cravings",
        "Do you offer vivitrol shots?",
        "Can my primary doctor keep prescribing my suboxone?",
        "What's the schedule for the morning track?",
        "Monday, Wednesday and Thursday work best for me.",
        "Mornings are better for me",
        "I can only do virtual",
        "Can I bring my laptop for the telehealth sessions?",
        "What do I need to bring to the first day?",
        "Should I bring my insurance card and ID?",
        "Do I need to fill out paperwork ahead of time?",
        "Is there a dress code?",
        "Can I eat during group?",
        "Do you provide lunch?",
        "How big are the groups usually?",
        "Will I have one on one therapy too?",
        "How often do I see the counselor alone?",
        "Who runs the groups? Are they licensed?",
        "Are any of the staff in recovery themselves?",
        "Is it okay if I'm nervous about sharing in a group?",
        "I'm an introvert and groups scare me a little.",
        "Can I just listen the first few times?",
        "My friend did your program last year and recommended it.",
        "I saw your ad on Facebook.",
        "My doctor gave me your number.",
        "The hospital social worker told me to reach out.",
        "I got discharged from detox last week and they said IOP is next.",
        "I finished residential treatment and need a step down.",
        "What's the phone number for the front desk?",
        "Can I text instead of calling?",
        "I can't talk on the phone at work, can we keep chatting here?",
        "Thanks, that helps a lot.",
        "Can you repeat that?",
        "Can you explain what IOP means?",
        "What does intensive outpatient mean exactly?",
        "Do I have to stay overnight?",
        "Can I still drive to work while I'm in the program?",
        "Will this show up on a background check?",
        "Is my information shared with anyone?",
        "Does my family have to be involved?",
        "My parents don't know. Do you have to tell them? I'm 19.",
        "Can I pay with an HSA card?",
        "Do you take credit cards?",
        "Is there a fee for the assessment?",
        "How soon will I hear back about insurance verification?",
        "I uploaded my insurance card, did you get it?",
        "I need to reschedule my intake appointment.",
        "Can I move my appointment to Friday afternoon?",
        "I'm running 10 minutes late for my intake.",
        "Where do I check in when I get there?",
        "What floor are you on?",
        "Is there a side entrance? I'd rather not be seen going in.",
        "My wife and I both want to do the program. Can we be in the same group?",
        "Can couples come to sessions together?",
        "Do you have groups for veterans?",
        "Do you have LGBTQ friendly groups?",
        "I'm pregnant and want to stop drinking, can you help?",
        "I'm 20 weeks pregnant and on suboxone from my doctor, can I join?",
        "Can I bring my baby to the sessions?",
        "Is there anything for teens who vape?",
        "My nephew needs help but lives in another state.",
        "Do you know of programs near Tampa?",
        "Okay. What's the next step?",
        "I need to think about it and talk to my wife first.",
        "Thank you for being so patient with all my questions.",
        "Hi, my husband has been drinking more since he lost his job and I want to know if your evening program would work with his new schedule.",
        "I'm a nurse and I work twelve hour shifts three days a week. Is there a way to do the program on my days off only?",
        "My daughter is in college two hours away. Is there a virtual option she could do from her dorm, and would our family insurance cover it?",
        "I've been going to meetings for a few months but I think I need more structure. What would the first two weeks look like for me?",
        "Our son just turned 18 and we can't make him go anywhere anymore. What can parents actually do at this point, and do you have a family group?",
        "I called yesterday and left a message about insurance verification but haven't heard back. Could someone check on it for me please?",
        "I have Medicaid through the state marketplace and a secondary plan from my wife's employer. Which one do I give you first?",
        "Is it possible to start the program on a Wednesday, or do all new people have to start on Mondays? I have a court date on Monday.",
        "My employer has an EAP program. Do you work with EAP referrals, and do they pay for the first few sessions?",
        "I drink a bottle of wine most nights to relax after work. I'm not sure I need a whole program but I'd like to cut back. What do you suggest?",
        "My brother has been using meth on and off for years. He says he wants to get clean this time. How do we get him an assessment this week?",
        "We are moving to the area next month. Can I do the intake now and start once we're settled, or do I have to wait until I have a local address?",
        "Do you have any groups that meet after 6pm? I pick up my kids from daycare at 5:30 and my husband gets home at 6.",
        "I'm on a high deductible plan and I've already met about half of it this year. Roughly what would I owe for the whole program?",
        "I finished your program two years ago and I'm doing well, but I'd like to join an alumni group again. Who should I talk to about that?",
        "I'm a teacher and summer break starts in June. Could I do the daytime track then and switch to evenings when school starts again?",
        "My mom takes her anxiety pills more often than she should and mixes them with wine sometimes. How do I talk to her about it without a fight?",
        "Can you tell me more about the family program? My wife is in your IOP and I want to understand how to support her without enabling her.",
        "I stopped drinking about three weeks ago with help from my doctor and I feel much better. Now I want to keep it going. Is IOP the right step?",
        "Hola, mi esposo necesita ayuda con el alcohol. ¿Tienen consejeros que hablen español y aceptan el seguro de Medicaid? Gracias.",
        "Is there a way to get a letter for my landlord saying I'm in a treatment program? They asked for something in writing for my lease renewal.",
        "Our family doctor recommended an intensive outpatient program for our 16 year old. Do you accept minors, and do parents attend sessions?",
        "I work nights at a warehouse from 10pm to 6am. Is there a late morning group, like 10 or 11, that I could get to after some sleep?",
        "I tried to fill out the online form but it keeps saying my date of birth is invalid. Can I just give you my information here instead?",
        "My partner is in recovery and doing great, but I could use some support myself. Do you have anything for partners or spouses?",
        "What's the cancellation policy if I need to miss a session for a medical appointment or a family emergency? Will it affect my insurance?",
    ];
}

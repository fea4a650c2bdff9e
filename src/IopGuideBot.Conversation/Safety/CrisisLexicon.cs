namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// The lexicon signal's rule table: precise cues, each a named <see cref="CrisisRule"/> whose flags say when a match does
/// not count. Patterns are written against <see cref="CrisisTextNormalizer"/> output (lower case, straight apostrophes,
/// no punctuation, shorthand expanded). Every word the user sees lives in <c>dialogs-content/safety.yaml</c>.
/// </summary>
/// <remarks>
/// <para>How a match is judged (<see cref="CrisisLexiconSignal"/>):</para>
/// <list type="number">
/// <item>Window guards (<see cref="CrisisRule.NotAfter"/>, <see cref="CrisisRule.NotBefore"/>, <see cref="CrisisRule.OnlyBefore"/>)
/// and message guards (<see cref="CrisisRule.OnlyWithContext"/>, <see cref="CrisisRule.UnlessInMessage"/>).</item>
/// <item><b>Negation</b>: a negator in the three words before a negatable match turns it off. For suicide and self-harm a
/// negated match is recorded as a <i>denial</i>, never as an all-clear. Phrases that carry their own negation ("don't want
/// to live", "can't go on") are not negatable.</item>
/// <item><b>Information requests</b> ("what is an overdose?", "if someone is overdosing") turn off rules marked
/// <see cref="CrisisRule.InformationSuppresses"/>.</item>
/// <item><b>Past events</b>: see <see cref="RuleTense"/>; a recent-time marker ("an hour ago", "last night", "just") makes
/// a past event a crisis, a distant-time or recovery marker ("years ago", "is doing better") makes it history.</item>
/// </list>
/// </remarks>
public static class CrisisLexicon
{
    // Shared vocabulary for the rules below.
    private const string Self = @"(?:my ?self|me self|him ?self|her ?self|them ?selves|them ?self)";
    private const string People =
        @"(?:he|she|they|him|her|them|friend|buddy|boyfriend|girlfriend|husband|wife|partner|son|daughter|brother|sister|mom|mum|dad|mother|father|roommate|cousin|kid|baby|uncle|aunt|grandma|grandpa|someone|somebody|person|guy|girl|man|woman)";
    private const string Kin =
        @"(?:husband|wife|boyfriend|girlfriend|partner|ex|boss|dad|mom|father|mother|brother|sister|son|daughter|kids?|family|roommate|neighbou?r|coworker|co worker|landlord|stepdad|stepmom|dealer|plug|pimp|john|baby ?daddy|baby ?mama)";

    /// <summary>Someone who can threaten or hurt the writer: pronouns (with contractions), "my ex", "some guy", a partner named first ("boyfriend hits me").</summary>
    private const string Aggressor =
        $@"(?:he|she|they|he's|she's|they're|my {Kin}(?: in law)?|someone|somebody|(?:some|a|this|that) (?:guy|man|dude|woman|girl|person|lady|dealer)|(?:^|the )(?:husband|wife|boyfriend|girlfriend|partner|ex|stepdad|pimp))";

    /// <summary>What follows "beat me" in a game or a race ("at cards", "to it", "home", "by ten minutes"), not in violence ("at home" is not here).</summary>
    private const string BeatenAtAGameOrRace = @"(?:at (?:\w+ball|cards|chess|pool|golf|tennis|poker|checkers|scrabble|monopoly|uno|darts|bowling|trivia|racing|arm wrestling|mario kart|(?:board |video |card )?games?)|to (?:it|the punch|the bathroom|the car|the phone|sleep|bed)|up|out|off|back|home|there|by (?:a|an|\d+|two|ten|five) \w+)";

    /// <summary>Words that put a symptom in a withdrawal (stopping alcohol, benzos or opioids) context.</summary>
    /// <summary>What makes hurting one's own body self-harm rather than an accident: repetition, intent, blood, a blade.</summary>
    private const string SelfHarmContext =
        @"\b(?:again|deep|deeper|on purpose|until|till|til|bleed\w*|bled|blood|razor|razer|blade|lighter|cigarette|knife|glass|scissors|box ?cutter|deserve|relapse\w*|urges?|punish\w*|can't stop|cuts|scars?|infected|hate my ?self|every night|most nights)\b";

    /// <summary>An everyday chore people swear at ("one more meeting", "another zoom call"), ending in a word boundary.</summary>
    private const string EverydayChore =
        @"(?:calls?|meetings?|videos?|class|classes|forms?|paperwork|zoom|webinars?|presentations?|lectures?|homework|taxes|shifts?|orientations?|commercials?|ads|lines?|traffic|dmv|seminars?|trainings?|sermons?|speeches?)\b";

    private const string WithdrawalContext =
        @"(?:withdraw\w*|detox\w*|dts|quit|quitting|stopped|stopping|cold turkey|sober|sobering|kicking|dope ?sick|came off|coming off|off (?:the |my )?(?:drink|booze|bottle|sauce|benzos|xanax|pills|klonopin|valium|ativan|librium|lorazepam|clonazepam|diazepam|alprazolam)|went off|no (?:alcohol|booze|drinks?|drinking|xanax|bars|benzos?|pills))";

    /// <summary>
    /// Opioid use or withdrawal, the red flag in pregnancy. A treatment medicine taken as prescribed is not it ("I'm 14 weeks
    /// pregnant and on methadone, can I join?" asks about the program; clinical-facts.md, D2: withdrawal or no prescriber
    /// is): only the medicine interrupted or from the street counts (<see cref="TreatmentInterrupted"/>).
    /// </summary>
    private const string Opioid =
        $@"(?:opioids?|opiates?|heroin|fentanyl|fent|oxy|oxys|oxycodone|oxycontin|percs?|percocets?|vicodin|hydrocodone|morphine|dilaudid|painkillers?|pain pills|pills|dope|kratom|withdrawals?|withdrawing|dope ?sick|sick from withdrawal|detox|detoxing|kicking|coming off|cold turkey|ran out|run out|running out|{TreatmentInterrupted})";

    /// <summary>Methadone or buprenorphine missed, stopped, cut off or bought on the street: "missed 3 doses", "the clinic closed", "street subs".</summary>
    private const string TreatmentInterrupted =
        @"(?:missed (?:\w+ ){0,2}(?:doses?|dosing|days)|(?:haven't|havent|have not|didn't|didnt|did not|couldn't|couldnt|can't|cant) (?:been )?(?:dosed|dose|get (?:my |a )?dose)|(?:off|out of|without) (?:my |her )?(?:methadone|suboxone|subs|subutex|bupe|buprenorphine|sublocade)|(?:stopped|quit|stopping|quitting|skipped|tapered off|cut off|kicked off|taken off|took (?:me|her) off) (?:my |her |the )?(?:methadone|suboxone|subs|subutex|bupe|buprenorphine|dose|doses)|(?:street|black market) (?:methadone|suboxone|subs|subutex|bupe)|(?:methadone|suboxone|subs|subutex) (?:from|off) (?:the )?street|(?:clinic|dosing) (?:was |is |got |has )?(?:closed|shut)|(?:cut|kicked|took) (?:me|her) off|taken off)";

    /// <summary>
    /// A screening question told back and answered no: "my doctor asked whether I've had" thoughts of killing myself "and I
    /// said no", "the intake form asked about" self-harm ". I don't do that". Only both sides together: "…and I said yes"
    /// or no answer at all still counts.
    /// </summary>
    /// <summary>
    /// Before a message for family ("how do I tell my son I love him", "I want to tell my mom I'm sorry"): asking how to
    /// say it, or meaning to, is not leaving it behind.
    /// </summary>
    private const string MeaningToSayIt = @"how (?:do|can|should|would) (?:i|we)|how to|want to|wanna|should i|going to|gonna|try to|need to";

    private static readonly (string Before, string After) AskedAndSaidNo =
        (@"\b(?:asked|asks|ask|asking) (?:me )?(?:if|whether|about)(?: [\w']+){0,6} ",
         @"(?: [\w']+){0,4} (?:and|but|so) i (?:\w+ )?(?:said|told (?:him|her|them)|answered|replied) no\b|[.,;!]? (?:and |but )?i (?:don't|dont|do not|never|have never|haven't|have not|didn't|did not) (?:do (?:that|it|any of that)|have (?:that|any)|(?:ever )?(?:done|had|felt) (?:that|it|any)|have\b|did\b)");

    // "The team is so bad I wanna jump off a bridge lol": a thing called bad and laughed off — both, or it counts.
    private static readonly (string Before, string After) CalledBadAndLaughedOff =
        (@"\b(?:so|too|soo+) (?:bad|awful|terrible|trash|garbage|boring|annoying|slow|dumb|stupid|cringe|embarrassing)(?: [\w']+){0,3} ",
         @"(?: [\w']+){0,3} (?:lol|lmao|haha\w*|hehe|rofl|jk)\b");

    // "When I said 'I can't do this anymore' I meant the commute": the writer's own words quoted back and given another
    // meaning. Both sides, or it counts ("when I said I can't go on I meant it" is no retraction).
    private static readonly (string Before, string After) QuotedAndExplained =
        (@"\b(?:when|where|what) i (?:said|wrote|typed|say|was saying)(?: that)?(?: i| i'm| im)? $",
         @"(?: [\w']+){0,2} i (?:meant|mean|was talking about|was referring to) (?:the|my|our|this|that one|school|work|class|my job|the job)\b");

    // "I've cut myself before, does she have to tell my parents": what one has done before, asked about now. Not when the
    // message goes on with "and" ("I've cut myself before and I'm about to again").
    private static readonly (string Before, string After) DoneBeforeAsked =
        (@"\b(?:i've|ive|i have|she's|he's|she has|he has|they've|they have) (?:\w+ )?$",
         @" before(?:$| (?:does|do|did|will|would|can|could|should|is|are|but|so|if|when|though|in the past|years ago)\b)");

    /// <summary>
    /// Before a suicide attempt or suicidal thoughts told as what a hospital stay treated: "discharged from the hospital
    /// after a" suicide attempt, "released from inpatient for" suicidal ideation.
    /// </summary>
    private const string TreatedFor =
        @"\b(?:was|were|been|stayed|spent (?:\w+ ){1,2}) (?:in|at) (?:the |a )?(?:hospital|inpatient|psych ward|psych unit|psych hospital|psychiatric (?:unit|ward|hospital)|behavioral health(?: unit)?)(?: [\w']+){0,3} (?:after|for|because of|following|due to|over) (?:a |an |his |her |my |their |the )?$|\b(?:discharged|released|home|out) from (?:the )?(?:hospital|inpatient|psych ward|psych unit|psych hospital|psychiatric (?:unit|ward|hospital)|er|icu|behavioral health(?: unit)?)(?: [\w']+){0,2} (?:after|for|because of|following|due to|over) (?:a |an |his |her |my |their |the )?";

    /// <summary>Pills or drugs taken on purpose, told in the past.</summary>
    private const string MethodPast =
        @"\b(?:took|taken|swallowed|shot|used|mixed) (?:\w+ ){0,4}(?:pills|meds|medication|tablets|xanax|bars|benzos|dope|fent|fentanyl|heroin|oxys?|percs?|everything|all|too much|too many|it all) (?:\w+ ){0,2}on purpose\b";

    /// <summary>A chart's words for ideation present now: "endorses", "reports", "active", "positive for".</summary>
    private const string ClinicalPresent = "(?:endorses|endorsed|endorsing|reports|reported|reporting|disclosed|discloses|disclosing|expressed|expresses|expressing|voiced|voices|active|current|acute|ongoing|positive for|having|with)";

    /// <summary>A chart's denial or history before SI/HI: "denies current SI", "no active SI", "hx of SI with plan".</summary>
    private const string ClinicalDenial =
        @"\b(?:denies|denied|denying|deny|no|not|negative for|without|hx of|history of|h/o|past|prior|previous|remote|rule out|r/o|screen for|screened for|assess for|assessed for)(?: [\w/]+){0,2} $";

    /// <summary>Before "had / having a heart attack": only nearly, or yet to come ("I nearly had a heart attack when I saw the bill").</summary>
    /// <summary>A time told right after a sign that places it in the past ("…twice last year", "…in college", "…years ago").</summary>
    private const string ThenNotNow =
        @" (?:[\w']+ ){0,5}(?:(?:last|that) (?:year|summer|winter|spring|fall|semester)|in (?:high school|college)|at (?:parties|the party|a party)|(?:\w+ )?(?:years?|months?|yrs?) ago|back then|when (?:i|he|she|they) (?:was|were))\b";

    /// <summary>One remembered occasion before an overdose told: "a story about the time I OD'd", "ever since the night he overdosed".</summary>
    private const string RememberedOccasion =
        @"\b(?:about|remember|remembered|since|like|after|ever since|story of|told (?:them|him|her|you|the group) about) the (?:time|night|day) (?:i |he |she |we |they |my (?:\w+ )?)?$";

    private const string AlmostHadOne = @"\b(?:nearly|almost|practically|about to|like to|gonna|going to|could have|could've) ";

    /// <summary>
    /// A pregnancy told as well in so many words ("no bleeding, the baby's fine, I just want to stay off the pills"; "I don't
    /// use opioids"): the pregnancy rules leave such a message to the learned signal, which then needs its framed threshold.
    /// </summary>
    private const string PregnancyToldAsWell =
        @"\b(?:no (?:bleeding|spotting)|(?:the )?baby(?:'s| is) (?:fine|healthy|doing (?:fine|well|great)|moving (?:well|normally|fine))|everything is fine with the baby|el bebe esta bien|(?:don't|do not|dont|never) (?:use|used|take|took) (?:opioids|opiates))\b";

    /// <summary>Pregnancy wished or planned, not begun: "trying to get pregnant", "hoping to become pregnant".</summary>
    private const string NotYetPregnant = @"\b(?:get|getting|become|becoming) (?:pregnant|expecting)$";

    private const CrisisCategory Suicide = CrisisCategory.SuicideOrSelfHarm;
    private const CrisisCategory Overdose = CrisisCategory.OverdoseInProgress;
    private const CrisisCategory Withdrawal = CrisisCategory.SevereWithdrawal;
    private const CrisisCategory Danger = CrisisCategory.DangerToOthers;
    private const CrisisCategory Medical = CrisisCategory.MedicalEmergency;
    private const CrisisCategory Pregnancy = CrisisCategory.PregnancyWithOpioidWithdrawal;

    /// <summary>Whether <paramref name="rule"/> alone fires on <paramref name="text"/> (normalised as the detector does) — to test one rule by itself.</summary>
    public static bool Fires(CrisisRule rule, string text) => CrisisLexiconSignal.Fires(rule, text);

    /// <summary>Every rule, in the order they are tried.</summary>
    public static IReadOnlyList<CrisisRule> Rules { get; } =
    [
        // ---- Suicide and self-harm. First-person statements are never treated as information requests. ----
        new("suicide.kill-self", Suicide,
            @"\b(?:kill|killing|unalive|unaliving|off|offing|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|stab|stabbing|end|ending) (?:my ?self|me self)\b")
        {
            // "tried to kill myself" is the attempt rule's (with its tense); "I no dey think to kill myself" (Nigerian
            // pidgin), "mi nuh waan kill miself" (patois): a denial whose negator sits further back than the usual three words.
            NotAfter = @"\b(?:tried|attempted|try|trying) to |\b(?:i|mi|me) (?:no|nor|nuh|never) (?:dey |de )?(?:even |ever )?(?:think|thinking|plan|planning|wan|want|waan|go|will)(?: to| of| about| fi)? ",
            // "I'd be shooting myself in the foot": an idiom for spoiling one's own chances.
            NotBefore = @" (?:working|at work|trying|to (?:make|get|pay|finish|keep|please)|over (?:this|work|school)|for (?:this|my|work)|in the (?:foot|feet))",
            NotBetween =
            [
                // "I could kill myself for missing the bus": self-reproach over an everyday slip. "I could kill myself" alone,
                // or "for being a burden", still counts.
                (@"\bcould (?:just |honestly |literally |seriously |totally |actually )?",
                 @" for (?:forgetting|missing|losing|leaving|locking|deleting|sending|saying|texting|breaking|dropping|spilling|oversleeping|sleeping through|not (?:remembering|checking|calling|reading|bringing|writing|saving|setting))\b"),
                // "If I have to sit through one more meeting I'll shoot myself lol": a chore sworn at and laughed off — both,
                // or it counts ("if I have to live one more day like this I'll kill myself" is not a chore).
                ($@"\bif i (?:have|had|got) to (?:[\w']+ ){{0,2}}(?:another|one more|more|this|that|the|a|an|all|those|these)? ?(?:[\w']+ )?{EverydayChore}(?: [\w']+){{0,3}} ",
                 @"(?: [\w']+){0,2} (?:lol|lmao|haha\w*|hehe|rofl|jk)\b"),
                AskedAndSaidNo,
            ],
        },
        // Someone else: the same words, but "what do I do if my friend says she wants to kill herself" is a question.
        // Someone else threatening to hurt themselves, or talking (or joking) about ending it: told by the person who heard
        // it ("my boyfriend is threatening to hurt himself", "my son has been talking about ending it").
        new("suicide.someone-threatening", Suicide,
            @"\b(?:threatening|threatened|threatens|keeps threatening) to (?:hurt|harm|cut|kill|shoot|hang|end|poison|off) (?:him ?self|her ?self|them ?selves|them ?self)\b|\b(?:he|she|they|he's|she's|they're|has been|have been|keeps|kept|is|was|started) (?:talking|talks|talked|joking|jokes|joked) about (?:ending it|ending (?:his|her|their) life|killing (?:him|her|them) ?selfs?|killing (?:him|her|them) ?selves|suicide|wanting to die|not wanting to (?:live|be alive|be here)|not being (?:here|around) (?:anymore|much longer))\b")
        {
            // "How do I help someone who is talking about suicide": nobody in particular.
            NotAfter = @"\b(?:someone|somebody|anyone|people|a person|person|a friend|a loved one|a kid|a teen|a client|a patient|students?|kids|teens) (?:who |that )?",
            // "The class was talking about suicide prevention": a subject, not a person's words.
            NotBefore = @" (?:prevention|awareness|hotlines?|statistics|rates|in (?:class|school|group|church|the news))\b",
            DistantMarkerSuppresses = true,
        },
        new("suicide.kill-self-other", Suicide,
            @"\b(?:kill|killing|unalive|unaliving|off|offing|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|stab|stabbing|end|ending) (?:him ?self|her ?self|them ?selves|them ?self)\b")
        {
            NotAfter = @"\b(?:tried|attempted|try|trying) to ",
            NotBefore = @" (?:working|at work|trying|to (?:make|get|pay|finish|keep|please)|over (?:this|work|school)|for (?:this|my|work))",
            InformationSuppresses = true,
        },
        new("suicide.kms", Suicide, @"\bkms\b") { NotAfter = @"\d " },
        new("suicide.unalive", Suicide, @"\bunaliv(?:e|ing)\b"),
        // "suicidal" describing someone now; "was suicidal" is the past-tense rule after it.
        new("suicide.suicidal", Suicide, @"\b(?:suicidal|sucidal|suicdal|suicidel|suicidle|suisidal|sucidle|suicidial|suacidal)\b")
        {
            NotAfter = @"\b(?:was|were|used to be|felt) (?:\w+ )?",
            NotBefore = @" (?:thoughts?|ideation|ideations)\b", // suicide.suicidal-thoughts
            InformationSuppresses = true,
        },
        // "Suicidal thoughts": history when its clause tells it as over ("last year", "after a hospital stay for…").
        new("suicide.suicidal-thoughts", Suicide,
            @"\b(?:suicid\w*|sucidal|suicdal|suicidel|suicidle|suisidal|sucidle|suacidal) (?:thoughts?|ideation|ideations)\b")
        {
            NotBetween = [AskedAndSaidNo],
            // A chart's words: "patient denies suicidal ideation", "negative for suicidal thoughts". Not ClinicalDenial's
            // "past" or "prior": "for the past week suicidal thoughts every night" is now.
            NotAfter = @"\b(?:denies|denied|denying|negative for|without|hx of|history of|h/o|rule out|r/o|screened for|assessed for)(?: \w+)? $",
            HistoryAfter = TreatedFor,
            InformationSuppresses = true,
        },
        // The other side of AskedAndSaidNo: "…and I said no, but I lied".
        new("suicide.screening-lied", Suicide,
            @"\b(?:said|told (?:him|her|them)|answered|replied) no (?:but|and|though) (?:i |honestly i |truthfully i )?(?:lied|was lying|wasn't (?:being )?(?:honest|truthful)|didn't tell the truth)\b")
        {
            OnlyWithContext = @"\b(?:kill\w* my ?self|suicid\w*|end(?:ing)? my life|hurt\w* my ?self|harm\w* my ?self|self ?harm|dying|to die|want to die)\b",
        },
        new("suicide.was-suicidal", Suicide, @"\b(?:was|were|used to be|felt) (?:\w+ )?(?:suicidal|sucidal|suicidel)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
        },
        new("suicide.noun", Suicide,
            @"\b(?:commit|committing|attempt|attempting|think about|thinking about|thinking of|considering|contemplating|planning|plan for) (?:suicide|sucide|suiside|suicde)\b|\bsuicid\w* (?:note|plan|attempt|letter|pact)\b")
        {
            NotBetween = [AskedAndSaidNo],
            HistoryAfter = TreatedFor,
            InformationSuppresses = true,
        },
        new("suicide.thoughts-of", Suicide, @"\bthoughts (?:of|about) (?:suicide|sucide|suiside|suicde)\b")
        {
            NotAfter = @"\bhad (?:\w+ )?",
            NotBetween = [AskedAndSaidNo],
            InformationSuppresses = true,
        },
        // "had thoughts of suicide", "had suicidal thoughts": a crisis unless a distant or recovery marker says it is history.
        new("suicide.had-thoughts", Suicide,
            @"\bhad (?:\w+ )?(?:thoughts (?:of|about) (?:suicide|sucide|suiside|killing my ?self|ending my life|dying)|(?:suicid\w*|sucidal|suicdal|suicidel|suicidle|suisidal|sucidle|suacidal) (?:thoughts?|ideation))\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            NotBetween = [AskedAndSaidNo],
            InformationSuppresses = true,
        },
        new("suicide.attempted", Suicide,
            @"\b(?:attempted|tried|try|trying) (?:suicide|sucide|to (?:kill|hurt|harm|off|unalive) (?:my ?self|him ?self|her ?self|them ?selves)|to end (?:my|his|her|their) (?:own )?life|to take (?:my|his|her|their) (?:own )?life|to jump (?:off|in front of) (?:a|the|of) \w+)\b|\b(?:committed|died by|died of) suicide\b|\b(?:killed|hanged|hung|shot) (?:him|her|them) ?(?:self|selves)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
            // "Will I be in group with people who have tried to kill themselves?": others in general, not a case told.
            NotAfter = @"\b(?:people|others|folks|patients|clients|members|those|anyone|anybody|other \w+) (?:who|that) (?:have |has |had |'ve )?(?:ever |also |already |once )?$",
        },
        new("suicide.want-die", Suicide,
            @"\b(?:want|wants|wish|wishes|wishing|ready|plan|planning|plans|deserve|deserved) to (?:die|be dead)\b|\b(?:want|wish) (?:i was|i were|to be) dead\b|\bwish (?:i|i'd) (?:could die|was dead|were dead|had died|was never born|had never been born|wasn't born|could disappear|wasn't here|wasn't alive|didn't exist|was gone|could just disappear|could sleep forever)\b|\bwould rather be dead\b|\bwanted to die\b|\b(?:care|notice|miss me|matter) if i (?:died|was gone|were gone|killed my ?self|wasn't here|disappeared)\b|\bif i killed my ?self\b")
        {
            // "If someone tells you they want to die, what do you say?" and "what do you do if someone in group says they want
            // to die" ask how to answer another person.
            NotAfter = @"\b(?:if|when) (?:\w+ ){1,4}(?:tells|says|said|told|texts|writes|posts)(?: (?:you|me|us))?(?: that)? (?:they|he|she) |\b(?:if|when|in case) (?:someone|somebody|anyone|anybody|a person|people) (?:ever |really |says they |say they )?",
            // "I want to die of embarrassment": a figure of speech (shame is left out: it can be the despair itself).
            NotBefore = @" (?:of|from) (?:embarrassment|boredom|laughter|laughing|cringe|the heat|heat|hunger|jealousy|envy|excitement)\b",
            NotBetween =
            [
                // "So hungover I want to die lol": a passing misery named and laughed off — both, or it counts.
                (@"\b(?:so|too|very|really|super|soo|sooo) (?:hungover|hung over|embarrassed|bored|stuffed|full)(?: [\w']+){0,2} ",
                 @"(?: [\w']+){0,2} (?:lol|lmao|haha\w*|hehe|rofl)\b"),
            ],
        },
        // "I'm going to die" is a plan, or fear ("I thought I was going to die"), or a figure of speech ("going to die of embarrassment").
        new("suicide.going-to-die", Suicide, @"\bgoing to (?:die|be dead)\b")
        {
            NotAfter = @"\b(?:thought|think|felt like|feel like|feels like|felt|figured|swear|swore|sure|scared|afraid|worried) (?:that )?(?:i was |i'm |i am |i'd be |he was |she was |he's |she's |we were |i )?",
            NotBefore = @" (?:of|from) (?:nerves|embarrassment|boredom|laugh\w*|shame|heat|cold|hunger|excitement|cringe|anticipation)|(?: \w+)? (?:lol|haha|lmao)\b| (?:if|when|before) (?:i|my|the|this)",
        },
        new("suicide.not-live", Suicide,
            @"\b(?:don't|do not|dont) want to (?:live|be alive|exist|keep living|go on|be here anymore|be around anymore|wake up)\b|\b(?:never|don't) want to wake up\b|\bhope i (?:don't|never) wake up\b|\b(?:sleep|go to sleep) and (?:never|not) wake up\b")
        {
            Negatable = false,
        },
        new("suicide.no-reason", Suicide,
            @"\b(?:no|nothing|not any|what's the|whats the) (?:reason|point|one|thing)s? (?:to|in|of|for) (?:live|living|go on|going on|being alive|life|keep going|wake up|get up in the morning|keep trying|stay alive|be alive|be here)\b|\bwhy (?:am i|i'm|i am) (?:even |still )?(?:alive|breathing)\b|\b(?:decided|going|ready|time) to check out$|\bcheck(?:ing)? out (?:for good|permanently|of (?:life|this world))\b|\bnothing (?:left )?to live for\b|\b(?:life|living) (?:is|isn't|is not) (?:not )?worth (?:it|living)\b|\bnot worth living\b|\bno way out\b|\bcan't see a way out\b")
        {
            Negatable = false,
        },
        new("suicide.end-it", Suicide,
            @"\bend(?:ing)? (?:it all|my life|my own life|everything|my suffering)\b|\bend (?:things|it) for good\b|\b(?:take|taking) my (?:own )?life\b|\b(?:want|wish) (?:it all|everything|my life) (?:to|would) (?:end|be over|stop)\b")
        {
            NotBetween = [AskedAndSaidNo],
            // "tried to end my life" tells an attempt: suicide.attempted reads it with its tense (back in the 80s, or last night).
            NotAfter = @"\b(?:tried|attempted) (?:to )?$",
        },
        new("suicide.end-it-intent", Suicide,
            @"\b(?:want|going|ready|plan|planning|about|so i can|so i could|i'll|i will|i might|i may|i should|i could|i'm just going to|to just|just) (?:to )?end it(?: all| tonight| today| now)?\b")
        {
            NotBefore = @" (?:with|early|there|here|for (?:today|tonight|now)|off|on a)",
        },
        new("suicide.cant-go-on", Suicide,
            @"\b(?:can't|cannot|can not) (?:go on|take (?:it|this|much more) anymore|take it|keep going|keep living like this|live like this|do this anymore|handle (?:life|living) anymore)\b|\b(?:tired|sick) of (?:living|being alive|life)\b|\bdone (?:with life|living)\b|\bbetter off (?:dead|if i (?:was|were|wasn't) (?:gone|dead|here|around))\b")
        {
            Negatable = false,
            NotBetween = [QuotedAndExplained],
            NotBefore = @" (?:on )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|the (?:trip|tour|date|weekend)|vacation|that day|a date)\b",
        },
        new("suicide.self-harm", Suicide,
            $@"\b(?:want|wanting|wanted|wanna|going|about|urge|urges|tempted|thinking about|thinking of|think about|feel like|plan|planning|need|needing|trying not) to (?:hurt|harm|cut|burn|punish|starve) {Self}\b|\b(?:cutting|burning|hurting|harming) {Self}\b|\bstarving {Self} (?:on purpose|to punish|as punishment|because i deserve)|\bself ?harm(?:ing)?\b|\bslit(?:ting)? my (?:wrists?|throat)\b")
        {
            NotBetween = [AskedAndSaidNo],
            // "a self-harm history" and "a history of self-harm" tell the past, as do "self-harm scars".
            // "Is self-harm talked about in group?" asks what the program covers.
            NotBefore = @" (?:history|background|scars?|scarring|(?:is |gets |ever |also )?(?:talked about|discussed|covered|addressed|brought up|a topic))\b",
            // "Do your therapists have experience with self-harm?" asks about the staff; "I have experience with…" does not.
            // "What do you do if someone in group says they're going to hurt themselves?" asks the clinic what it does.
            NotAfter = @"\b(?:counsel?ors?|therapists?|staff|clinicians?|doctors?|nurses?|team|providers?|you|you guys|y'all|program|groups?|anyone|anybody)(?: [\w']+){0,2} (?:trained in|training (?:in|on)|experience (?:with|in)|experienced (?:with|in)|specialize in|specialise in|specializes in|specialises in|certified in|qualified (?:for|in)) |\b(?:a|any|my|some|no|past|prior) (?:history|hx|background) of |\b(?:what do you do|what do you guys do|what do your (?:staff|counsel?ors|therapists) do|how do you handle it|how do you deal with it|what happens|what's your policy|what is your policy) (?:if|when|whenever) (?:(?:a|an|one of your|some) (?:\w+ )?)?(?:patient|client|member|person|someone|somebody|participant)(?: (?:in|at) (?:\w+ )?(?:group|session|class|the program|treatment))? (?:says|tells you|tells staff|tells a counsel?or|mentions|admits)(?: that)?(?: they| he| she| they're| he's| she's| they are| he is| she is)? $",
            InformationSuppresses = true,
        },
        // Sleep as the end: "I just want to go to sleep forever" ("sleep and never wake up" is suicide.not-live's). "I could sleep
        // forever after that shift" is tiredness, and has no wish or intent in front of it.
        new("suicide.sleep-forever", Suicide,
            @"\b(?:want|wanna|wanting|going|gonna|ready|need) (?:to )?(?:go to )?sleep forever\b")
        {
            DistantMarkerSuppresses = true,
        },
        // Not safe with oneself: "I'm not safe with myself tonight", "don't think I'm safe alone right now".
        new("suicide.not-safe-with-myself", Suicide,
            @"\b(?:i'm not|im not|i am not|not|don't feel|dont feel|don't think i'm|dont think im|don't think i am) safe (?:with myself|by myself|from myself|around myself|alone|on my own|being alone)\b")
        {
            Negatable = false,
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Hurting a part of one's body now: "cutting my arm right now", "burning my wrist with a lighter". A strap or a cast
        // "cutting into my arm" is not the person.
        new("suicide.harming-body-part", Suicide,
            @"(?:^|\b(?:i'm|im|i am|been|keep|started|still|just|and) (?:[\w']+ )?)(?:cutting|slicing|burning|carving|scratching|stabbing) (?:up )?my (?:arms?|wrists?|legs?|thighs?|stomach|skin|hands?|chest|forearms?|ankles?)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            NotBefore = @" (?:on|with) (?:the|a) (?:oven|stove|grill|pan|iron|curling iron|straightener)\b| by (?:accident|mistake)\b| (?:at|in) (?:work|the kitchen)\b",
        },
        // Asked to raise someone's children "after he's gone", or one's own "when I'm gone": the goodbye of someone
        // planning to die.
        new("suicide.kids-after-gone", Suicide,
            @"\b(?:take care of|look after|raise|watch over|keep) (?:my|his|her|their) (?:kids|children|son|daughter|boys|girls|baby|babies|dog|cat|pets?)(?: [\w']+){0,2} (?:after|when|once) (?:i'm|im|i am|he's|hes|he is|she's|shes|she is|they're) (?:gone|dead|not around|not here)\b")
        {
            DistantMarkerSuppresses = true,
        },
        // Asking when life insurance pays "if something happens to me": a warning sign of a plan, as is asking whether it
        // covers suicide.
        new("suicide.insurance-payout", Suicide,
            @"\b(?:life insurance|insurance|policy)(?: [\w']+){0,6} (?:if|when|after|once) (?:something happens to me|i die|i'm gone|im gone|i'm dead|i kill myself|i take my (?:own )?life)\b|\b(?:life insurance|insurance|policy) (?:pay|pays|payout|cover|covers)(?: out)?(?: for)? (?:a )?suicide\b")
        {
            DistantMarkerSuppresses = true,
        },
        // A decision told: "I've decided tonight is when I end it", "the guy typing this has decided he's done".
        // "I decided to end it with my dealer" ends something else.
        new("suicide.decided", Suicide,
            @"\b(?:i've|ive|i have|i|has|he's|she's|hes|shes) (?:finally |just |already |now )?decided (?:[\w']+ ){0,3}(?:to end it|to end my life|to kill myself|to die|to do it|to go through with it|when i end it|i end it|i'm ending it|(?:i'm|im|he's|hes|she's|shes) done|it's time|its time)\b")
        {
            NotBefore = @"(?: [\w']+)? with (?:my|him|her|them|the|a|this|that|drinking|drugs|using)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // A risk assessment written like a chart about oneself: "plan: pills tonight. intent: yes. means: in hand".
        new("suicide.charted-intent", Suicide, @"\bintent (?:yes|y|confirmed|present|high)\b|\bmeans (?:in hand|at hand|on hand|available|yes|ready)\b")
        {
            OnlyWithContext = @"\bplan\b",
            InformationSuppresses = true,
        },
        // Trying again soon after an attempt that stopped: "I was going to do it last night but couldn't, I'll try again
        // tonight".
        new("suicide.try-again-soon", Suicide, @"\b(?:going to|gonna|will|i'll|ill|i'm going to) try (?:it )?again (?:tonight|today|tomorrow|later|soon|this weekend)\b")
        {
            OnlyWithContext = @"\b(?:do it|kill|die|end it|pills|rope|jump|attempt\w*|tried to|couldn't go through|chickened out|lost my nerve)\b",
            InformationSuppresses = true,
        },
        // The pills already taken and told to no one: "I already took the pills. I told nobody."
        new("overdose.pills-taken-secretly", Overdose, @"\b(?:already|just) (?:took|swallowed|taken) (?:the|all the|all my|all of the|those) pills\b")
        {
            OnlyWithContext = @"\b(?:told (?:nobody|no one|noone|anyone)|nobody knows|no one knows|telling you|goodbye|it's done|its done|too late)\b",
        },
        // A picture of the means sent to someone: "my twin texted me a picture of pills with 'sorry'".
        new("suicide.sent-picture-of-means", Suicide,
            @"\b(?:sent|texted|snapped|messaged|posted) (?:me |us )?(?:a )?(?:picture|pic|photo|snap|video|selfie) (?:of|with) (?:(?:his|her|their|a|the|some|all|a bunch of|a pile of|a handful of) )?(?:pills|gun|rope|noose|razor|razors|blade|knife|bottle of pills|pill bottles?|wrists?|cuts)\b"),
        // No need for the program "after tonight": "whats the cost. nvm probably won't need it after tonight".
        new("suicide.no-need-after-tonight", Suicide,
            @"\b(?:won't|wont|will not|not going to|won't even|wont even|not that i'll|not that ill|not that i will|not like i'll|not like ill) (?:need|be needing|be using) (?:it|this|that|any of (?:it|this)|the program|treatment|help|a spot|anything) after (?:tonight|today|this weekend|tomorrow)\b")
        {
            // The pattern holds its own negation: "won't need it after tonight" is the sign, not a denial of one.
            Negatable = false,
        },
        // A will written beside the means or an end: "wrote my will today and the pills are lined up".
        new("suicide.will-and-means", Suicide, @"\b(?:wrote|written|made|finished|signed|updated) (?:out |up )?my will\b")
        {
            OnlyWithContext = @"\b(?:pills|gun|rope|noose|tonight|goodbye|lined up|the end|i'm done|im done|so someone knows|nobody will|no one will|ready)\b",
            DistantMarkerSuppresses = true,
        },
        // The bottle and the pills together: "tonight I'm finishing the bottle and the pills together".
        new("suicide.bottle-and-pills", Suicide, @"\b(?:finish|finishing|take|taking|swallow|swallowing|down|downing|drink|drinking) (?:the|a|my|this) bottle and (?:the|all the|all my|my|those) pills\b|\b(?:the )?pills and (?:the|a|my) bottle (?:together|at once|tonight)\b")
        {
            DistantMarkerSuppresses = true,
        },
        // Waiting at the tracks: "standing at the train tracks for an hour waiting for the next one".
        new("suicide.at-the-tracks", Suicide, @"\b(?:standing|sitting|waiting|lying|laying|parked) (?:at|on|by|near|beside|next to) (?:the )?(?:train|railroad|rail|subway|metro) (?:tracks?|line|crossing|platform edge)\b")
        {
            OnlyWithContext = @"\b(?:waiting for|next (?:one|train)|an hour|for hours|can't do|don't want|goodbye|end it|jump|step)\b",
            DistantMarkerSuppresses = true,
        },
        // Staring at a poison: "I keep staring at the bottle of antifreeze in the garage".
        new("suicide.staring-at-poison", Suicide, @"\b(?:staring at|looking at|holding|eyeing) (?:the|a|this|that) (?:bottle of |jug of |can of |box of )?(?:antifreeze|bleach|rat poison|weed killer|drain cleaner|lye|pesticide|paraquat|roundup|insecticide)\b")
        {
            OnlyWithContext = @"\b(?:keep|kept|been|for an hour|for hours|all night|drink|swallow|thinking|end|die|can't stop)\b",
            DistantMarkerSuppresses = true,
        },
        // The last message to anyone: "last message I'm sending anyone", "this is the last text I'll ever send".
        new("suicide.last-message", Suicide,
            @"\b(?:last|final) (?:message|text|words?) (?:i'm |im |i am |i'll |ill |i will )?(?:ever )?(?:sending|send|writing|typing|saying)(?: to)? (?:anyone|anybody|everyone|everybody|anyone ever)\b|\b(?:last|final) (?:message|text) (?:i'll|ill|i will) ever send\b"),
        // "Before I do something stupid": the euphemism for hurting oneself, unless the message names the stupid thing.
        new("suicide.something-stupid", Suicide,
            @"\b(?:before i|afraid i'll|scared i'll|afraid i might|scared i might|worried i'll|or i'll|or i might|so i don't|so i won't|i might|i'm going to|i'm about to|i want to) (?:do|try) something (?:stupid|dumb|drastic|i (?:can't|won't) take back|permanent|i'll regret)\b")
        {
            NotBefore = @" (?:like|and|with|to (?:him|her|them|my))\b",
            InformationSuppresses = true,
        },
        // Jumping with nothing after it, or only a time ("i'm thinking about jumping", "going to jump tonight").
        new("suicide.jump-bare", Suicide, @"\b(?:thinking about|thinking of|think about|going to|gonna|want to|wanna|ready to|about to) jump(?:ing)?(?: tonight| today| now| soon)?$|\b(?:thinking about|thinking of|going to|gonna|want to|wanna|ready to|about to) jump(?:ing)? (?:tonight|today|right now)\b")
        {
            // Said beside an ordinary question, as often as not ("is there a group tonight? i'm thinking about jumping"),
            // so a question does not silence it; a supposition or somebody in general does.
            NotAfter = @"\b(?:if|what if|someone|somebody|people|anyone) (?:\w+ ){0,3}",
        },
        new("suicide.jump", Suicide, @"\b(?:jump|jumping) (?:off (?:a|the|of) (?:bridge|building|roof|cliff|balcony|overpass|ledge)|in front of (?:a|the) (?:train|car|bus|truck))\b")
        {
            NotAfter = @"\b(?:tried|attempted|try) to ",
            // "I'd rather jump off a bridge than sit through another meeting": a preference over a chore. "Rather … than keep
            // living like this" is not a chore and counts.
            NotBetween =
            [
                (@"\brather (?:just )?",
                 $@" than (?:sit|sitting|watch|watching|attend|attending|fill|filling|listen|listening|read|reading|wait|waiting|do|doing|go|going|spend|spending|deal|dealing)(?: through| to| out| in| with)? (?:another|one more|a|an|the|this|that|more|all|those|these|his|her|my|your|their)? ?(?:[\w']+ )?{EverydayChore}"),
                CalledBadAndLaughedOff,
            ],
            InformationSuppresses = true,
        },
        // "been cutting" alone could be hair or coupons; it counts at the end of the message or before a telling word.
        new("suicide.cutting", Suicide, @"\b(?:been|started|starting|keep|keeps|still|went back to|back to|relapsed on|i'm|he's|she's|i) cutting\b")
        {
            OnlyBefore = @" again\b| (?:and|but|so|because|lately|every|since|tonight|today|when|at night|(?:my|his|her|their) (?:arms?|wrists?|legs?|thighs?|skin|stomach))\b",
            InformationSuppresses = true,
        },
        // No subject, but how bad it is ("also cutting pretty bad right now"): "cutting" said with its severity or its time.
        new("suicide.cutting-severity", Suicide, @"\bcutting (?:pretty |really |real |so |very )?(?:bad|badly|deep|deeper)\b|\bcutting (?:again )?(?:right now|tonight)\b")
        {
            // "The knife is cutting badly", "it's cutting deep into my savings": a tool or a thing doing it.
            NotAfter = @"\b(?:knife|knives|scissors|blades?|mower|saw|machine|it|it's|that|that's|this|which) (?:is |are |was |were |has been |have been |keeps |isn't |aren't |wasn't |not )?",
            NotBefore = @" (?:into|in to|off|out|back|down|corners|class|school|hours|costs|ties|the|my (?:hours|hair|budget|lawn|grass|classes|shifts))\b",
            InformationSuppresses = true,
        },
        // The whole message "cutting" (or "cutting again") answers "what's going on" with the deed itself.
        new("suicide.cutting-last", Suicide, @"\b(?:been|started|starting|keep|keeps|still|went back to|back to|relapsed on|i'm|he's|she's|i) cutting$|^cutting(?: again| rn| right now| tonight)?$")
        {
            InformationSuppresses = true,
        },
        // Indirect: saying goodbye, not being around much longer, a note or the means ready.
        new("suicide.farewell", Suicide,
            @"\b(?:goodbye (?:everyone|everybody|world|cruel world|forever|for good|all of you)|bye (?:world|forever|for good))\b|\b(?:final|last) goodbyes?\b|\b(?:have|got|get|getting) (?:the |my |all the |all my )?(?:pills|rope|gun|razors?|blades?|noose|meds) (?:ready|lined up|counted out|picked out)\b|\bgiving (?:away )?(?:all )?my (?:stuff|things|belongings) away\b|\bgiving away my (?:stuff|things|belongings)\b|\bdisappear (?:forever|for good|permanently)\b|\b(?:and|to|then|maybe) (?:just |simply |finally |peacefully )?not wake (?:back )?up\b")
        {
            // "sleep in and just not wake up until noon": a lie-in, not a goodbye.
            NotBefore = @" (?:until|till|til|before|in time|on time|early|for (?:a|an|the|work|school|class|my))\b",
        },
        // A gun loaded and at hand, told beside despair, ruin or a wish for it all to stop ("rifle's loaded. I just want it
        // quiet", a paycheck gambled away and the gun loaded in the car): the means ready. A loaded gun told with hunting or storage is not this rule.
        new("suicide.loaded-gun", Suicide,
            @"\b(?:gun|guns|rifle|pistol|shotgun|revolver|handgun|glock|piece|\d+ ?mm)(?:'s| is| are)? (?:\w+ ){0,3}loaded\b|\bloaded (?:gun|rifle|pistol|shotgun|revolver|handgun|glock)\b")
        {
            OnlyWithContext = @"\b(?:want (?:it|everything|things|this|the noise|my head|it all|the world) (?:all )?(?:to )?(?:be )?(?:quiet|silent|over|done|stop|to stop|end|to end)|(?:just )?want (?:some )?(?:peace|quiet|silence) (?:for good|forever|finally)|can't (?:do this|take (?:it|this)|go on)|no (?:point|reason|way out)|(?:wife|husband|kids|family|everyone|everybody|girlfriend|boyfriend)(?:'s)? (?:is |are |all )?(?:gone|left)|nothing left|tired of (?:living|everything|it all|this life)|done with (?:it all|everything|life)|end (?:it|this|things)|goodbye|say bye|nobody (?:cares|would care|would miss)|better off|lost (?:everything|it all|the house|my (?:whole|entire|last)|\d+k)|bet (?:my|the) (?:whole|entire|last|rent|paycheck|house)|owe (?:the wrong|too much|everyone)|in (?:so much |too much )?debt)\b",
            UnlessInMessage = @"\b(?:hunting|hunt|deer|season|range|gun safe|locked (?:up|away)|lockbox|for protection|concealed carry|permit)\b",
        },
        new("suicide.farewell-note-written", Suicide, @"\b(?:goodbye|suicide|last|final) (?:note|letter)s?\b")
        {
            NotBefore = @" (?:to|for) (?:my )?(?:addiction|drugs|alcohol|drinking|using|booze|pills|dope|meth|the old me|my old self|old self|younger self|\w+ing)\b",
        },
        new("suicide.farewell-this-is", Suicide, @"\bthis is (?:my )?(?:goodbye|last message|final message)\b")
        {
            NotBefore = @" (?:for|before|of the|today|tonight)",
        },
        // A goodbye sent to a group or posted, then silence or a binge ("texted goodbye to the group chat and turned his
        // phone off").
        new("suicide.goodbye-then-silent", Suicide,
            @"\b(?:texted|sent|posted|said|wrote|messaged) (?:a |his |her |their |my )?(?:goodbye|bye|farewell)(?: message| text| post)? (?:to|on|in) (?:the |our |his |her |their |my )?(?:group ?chat|group|family chat|everyone|everybody|us|all of us|facebook|instagram|snapchat|snap|twitter|discord|story)\b|\b(?:texted|messaged|sent|snapped|dm'd|dmed) (?:me|us) (?:a )?(?:goodbye|farewell)(?: message| text)?\b")
        {
            OnlyWithContext = @"\b(?:(?:turned|shut|switched) (?:his|her|their|my) (?:phone|location) off|(?:phone|location)(?:'s| is) off|not (?:answering|picking up|responding)|won't (?:answer|pick up)|bender|binge|pills|gun|rope|bridge|sorry|love you all|forever|for good)\b",
        },
        new("suicide.farewell-saying-goodbye", Suicide, @"\bsaying (?:my )?goodbyes?\b")
        {
            NotBefore = @" to (?:drugs|alcohol|booze|pills|dope|using|drinking|the old me|my old life|that life|my addiction|this habit|\w+ing\b)",
        },
        new("suicide.farewell-note", Suicide, @"\b(?:wrote|written|writing|finished|left) my (?:note|letters?)\b")
        {
            NotBefore = @" (?:for|to) (?:work|school|the|my (?:boss|teacher|doctor|lawyer|po|probation|landlord))",
        },
        new("suicide.farewell-disappear", Suicide, @"\b(?:want|wish|going) to (?:just )?disappear\b")
        {
            NotBefore = @" (?:for (?:a|the|like)|from|under|into (?:a|my|the) (?:book|show|game|blanket|covers|bed|room)) ",
        },
        new("suicide.farewell-never-wake", Suicide, @"\b(?:to|and) (?:just |simply |finally |peacefully )?never wake (?:back )?up(?: again)?\b")
        {
            NotBefore = @" (?:on time|early|before|in time|for)",
        },
        // Not being around much longer or by a day soon ("won't be here by the weekend"): its own negation, so a "not"
        // before it is another clause, not a denial.
        new("suicide.not-around", Suicide,
            @"\b(?:won't|will not|not going to|ain't going to|don't think i'll|probably won't|might not|may not) be (?:around|here|alive) (?:much longer|for (?:much )?longer|for long|anymore|after tonight|by (?:morning|then|tomorrow|(?:the )?(?:weekend|end of the (?:week|month))|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next \w+)|next (?:week|month)|to see|for (?:it|that|the (?:program|end|next)))\b|\b(?:can't|cannot|can not|won't|don't think i can|don't think i'll) (?:last|hold on|make it|survive) (?:much longer|past tonight|through (?:tonight|the night|this night)|another (?:night|day))\b")
        {
            Negatable = false,
            // "won't be here by friday because i'm visiting my sister" is a trip, not a goodbye.
            NotBefore = @",? (?:because|cause|since|as) (?:i'm|i am|i'll be|i will be|we're|we are|we'll be) (?:\w+ ){0,2}(?:visiting|travel\w*|on (?:vacation|holiday|a trip)|moving|at work|working|out of town)\b",
        },
        // Letters left for the family beside the end of hope: "the letters to my kids are already written, so why bother".
        new("suicide.notes-for-family", Suicide,
            @"\b(?:wrote|written|writing|left|finished|finishing) (?:the |my |some |a few |all the |all my )?(?:notes?|letters?) (?:for|to) (?:my |the )?(?:kids|children|family|wife|husband|mom|mum|mother|dad|father|parents|son|sons|daughter|daughters|partner|girlfriend|boyfriend|loved ones|everyone|everybody)\b|\b(?:notes?|letters?) (?:for|to) (?:my |the )?(?:kids|children|family|wife|husband|parents|loved ones) (?:are|is) (?:already )?(?:written|done|finished)\b")
        {
            OnlyWithContext = @"\b(?:already|what's the point|whats the point|no point|goodbye|bye|gone|forgive me|at peace|won't need|wont need|isn't needed|isnt needed|why bother)\b",
        },
        // Wanting to go to someone who died: "since she passed I just want to be with her".
        new("suicide.join-the-dead-pronoun", Suicide,
            @"\b(?:want|wanna|ready|it's time|its time|time for me|going|gonna|need|longing|long) (?:to |for me to |i |that i )?(?:go (?:be with|see|join)|be with|join|see) (?:him|her|them)(?: again| soon| now| tonight| already)?\b")
        {
            OnlyWithContext = @"\b(?:died|dead|passed|passing|funeral|grave|buried|lost (?:him|her|them|my)|overdosed|overdose|since (?:he|she|they) (?:died|passed|went))\b",
            NotBefore = @" (?:at|in|on|for|this|next|tomorrow|every|when|after|before|about|and talk)\b",
        },
        // Asking who should get one's belongings, a warning sign, beside an end.
        new("suicide.who-gets-my-things", Suicide,
            @"\bwho (?:should|do|can|would|will) (?:i )?(?:leave|give|will) (?:all )?my (?:stuff|things|belongings|possessions|money|savings|dog|cat|truck|car|guns?|records)\b")
        {
            NotBefore = @" (?:with|while|during|for the (?:day|week|weekend)|when i'm at|when im at)\b",
            OnlyWithContext = @"\b(?:after|gone|soon|anymore|won't need|wont need|done|dead|die|tonight|ready|for after)\b",
        },
        // Pills put by for an end: "been stockpiling my sleeping pills".
        new("suicide.stockpiling", Suicide,
            @"\b(?:stockpile|stockpiled|stockpiling|hoard|hoarded|hoarding|stash|stashed|stashing|saving up|saved up|squirreling away|squirreled away|putting aside|put aside) (?:enough |all )?(?:of )?(?:my |the |these |those )?(?:pills|meds|medication|medications|tablets|bars|sleeping pills|pain pills|insulin|oxy|oxys)\b|\b(?:saved|saving) (?:up )?enough\b")
        {
            OnlyWithContext = @"\b(?:pills|meds|medication|tablets|bars|insulin|oxy|oxys|enough to|tonight|done|end|goodbye|bye|for good)\b",
            InformationSuppresses = true,
        },
        // How long before someone would find you (or a body).
        new("suicide.found-after", Suicide,
            @"\bhow long (?:does it|would it|will it|until|before|till|til|do you think|does it usually|would it usually) (?:\w+ ){0,4}(?:find|finds|found|discover|discovers|discovered) (?:you|me|a body|my body|the body)\b|\b(?:find|finds|found|discover|discovers) my body\b")
        {
            NotBefore = @" (?:a |an |the )?(?:bed|spot|place|counselor|therapist|program|job|room|sponsor|ride|group|doctor|meeting)\b",
        },
        // "If I'm gone" beside "soon": a death expected, not a trip.
        new("suicide.gone-soon", Suicide, @"\b(?:if|when|after|once) (?:i'm|im|i am) (?:gone|dead|not around|not here)\b")
        {
            OnlyWithContext = @"\b(?:soon|tonight|this week|this weekend|won't be long|wont be long|not long now|any day|asking because)\b",
            NotBefore = @" (?:to|for|on|from|at|in|with|out)\b",
        },
        // Loose ends tied beside no longer needing anything.
        new("suicide.loose-ends", Suicide,
            @"\b(?:tied up|tying up|tie up|tied off|wrapped up|wrapping up|taking care of|took care of) (?:all )?(?:my |the )?loose ends\b|\bloose ends (?:are )?(?:all )?(?:tied|tied up|wrapped up|taken care of)\b")
        {
            OnlyWithContext = @"\b(?:won't need|wont need|isn't needed|isnt needed|not needed|no need|don't need|dont need|goodbye|bye|gone|at peace|ready to go|done with (?:everything|it all|life))\b",
        },
        // Taking enough that naloxone could not bring one back, or holding enough of a drug "to make sure of it".
        new("suicide.beyond-naloxone", Suicide,
            @"\benough (?:of )?(?:(?:my|the|these|those|his|her) )?(?:pills|meds|tablets|fent|fentanyl|heroin|dope|oxys?|xanax|bars|insulin|methadone|sleeping pills) (?:\w+ ){0,2}to make sure\b|\benough to make sure (?:it|narcan|naloxone|nobody|no one|they|i)\b|\benough (?:that|so) (?:narcan|naloxone|nobody|no one) (?:won't|wont|can't|cant|doesn't|doesnt|wouldn't|wouldnt|couldn't|couldnt)\b|\b(?:narcan|naloxone) (?:won't|wont|can't|cant|wouldn't|wouldnt|couldn't|couldnt) (?:bring me back|save me|work on me)\b"),
        // A message of love left to be passed on: "if my son ever calls, tell him I love him".
        new("suicide.pass-on-love", Suicide, @"\btell (?:my |him |her |them )?(?:\w+ ){0,2}(?:that )?i (?:love|loved) (?:her|him|them|you)\b")
        {
            OnlyWithContext = @"\b(?:if (?:she|he|they) ever|when (?:she|he|they) (?:asks|calls|finds|wakes)|after|gone|goodbye|bye|sorry|for me|last)\b",
            NotAfter = $@"\b(?:{MeaningToSayIt}|remember to|always) ",
        },
        // An apology to a family member left with the clinic to pass on ("please tell my daughter I am sorry"): a goodbye.
        // Not an apology for being late or missing something.
        new("suicide.apology-relayed", Suicide,
            @"\btell my (?:daughter|son|kids|children|wife|husband|mom|mum|mother|dad|father|family|parents|girlfriend|boyfriend|partner|sister|brother) (?:that )?i(?:'m| am) (?:so |really |truly )?sorry\b")
        {
            NotAfter = $@"\b(?:{MeaningToSayIt}|have to) ",
            NotBefore = @" (?:i'm late|i am late|i was late|i missed|i'll miss|i can't make|i couldn't make|i forgot|about (?:the|dinner|the game|tonight's|being late)|for (?:being late|missing|the delay|forgetting|the mix))",
        },
        // Knowing the lethal amount beside measuring it out.
        new("suicide.know-lethal-amount", Suicide,
            @"\bi (?:know|worked out|figured out|calculated|looked up) (?:exactly )?(?:what|which|how much|how many) (?:\w+ ){0,4}(?:would be|is|are|would|will) (?:lethal|fatal|deadly|kill me|enough to)\b")
        {
            OnlyWithContext = @"\b(?:tonight|measur\w*|count\w*|ready|set aside|put aside|lined up|done|goodbye|end|have it|got it)\b",
        },
        new("suicide.after-gone", Suicide, @"\b(?:after|when|once) i'm (?:gone|dead|not here|not around)\b")
        {
            NotBefore = @" (?:to|for|on|from|at|in)\b",
        },
        // Settling who gets one's pet or things "after this weekend": arrangements for being gone. Arranging care while
        // away in treatment ("who keeps my dog while I'm in residential") is not it.
        new("suicide.arranging-after", Suicide,
            @"\b(?:sorting out|sort out|figuring out|figure out|deciding|decided|working out|arranging|arranged|settling|settled) who (?:gets|takes|will get|will take|keeps|will keep|can have|should get|should have|inherits) my (?:dog|dogs|cat|cats|pets?|stuff|things|car|truck|guitar|savings|money|kids)\b")
        {
            NotBefore = @"(?: [\w']+){0,3} (?:while|when i(?:'m| am)? (?:in|at|away|gone to)|during|for (?:the|a|those|these) (?:\w+ )?(?:weeks?|days?|months?|weekend|stay)|if i (?:go|get|have to go) (?:in|to))\b",
            InformationSuppresses = true,
        },
        // Who will find one's body: "my mom, she'll be the one who finds me", "so a stranger finds me, not my kids".
        new("suicide.who-finds-me", Suicide,
            @"\b(?:the one|the person|the first one|the first person|whoever) (?:who|that|to) (?:finds|will find|'ll find|has to find|find) (?:me|my body)\b|\b(?:who|whoever) (?:finds|will find|is going to find|should find) my body\b")
        {
            InformationSuppresses = true,
        },
        new("suicide.hoping-not-wake", Suicide,
            @"\b(?:hoping|hope|praying|pray|wishing) (?:that )?i (?:just )?(?:don't|won't|never|wouldn't|do not|will not) wake (?:back )?up\b")
        {
            Negatable = false,
        },
        // The means within reach.
        new("suicide.means-at-hand", Suicide,
            @"\b(?:bottle of pills|all (?:my|the) pills|the pills|a handful of pills|rope|noose|gun|pistol|rifle|shotgun|razor|razer|razor blade|blade|blades) (?:is |are )?(?:right )?(?:next to me|beside me|in front of me|in (?:my|his|her|their) (?:lap|hand|hands|pocket)|on (?:my|his|her|their) lap|right here|here with me|within reach|on the (?:table|counter|bed|nightstand) (?:next to|beside|in front of) me)\b"),
        new("suicide.have-plan", Suicide, @"\bi (?:have|got|made|'ve got|'ve made|have got) (?:a|my) plan\b")
        {
            OnlyBefore = @"$| (?:if|and|for (?:tonight|it|how|when)|tonight|now|already|ready|this time|to (?:kill|end|die|do it|take|hang|jump|shoot|overdose|od|go through))\b",
        },
        new("suicide.looked-up", Suicide,
            @"\b(?:looked|looking|look|searched|searching|googled|googling|researched|researching) (?:up )?(?:how (?:many|much) (?:\w+ ){0,3}(?:it would take|it takes|would kill|to die|to overdose|to od)|ways to (?:die|kill my ?self|end it|end my life)|how to (?:kill my ?self|end my life|die|overdose|od|tie a noose|hang my ?self))\b"),
        // On foot or on a bike: "walking into traffic", "riding my bike into traffic", "step in front of a bus".
        new("suicide.into-traffic", Suicide,
            @"\b(?:walk|walking|ride|riding|step|stepping|run|running|jump|jumping|throw myself|throwing myself) (?:my bike |out )?(?:into|in front of) (?:the |a |an |oncoming )?(?:traffic|bus|train|truck|semi|highway|freeway|road)\b")
        {
            InformationSuppresses = true,
        },
        // Euphemisms for leaving for good ("dip out for good", "check out for good"), not "quit for good" or "leave town for good".
        new("suicide.out-for-good", Suicide, @"\b(?:dip|dipping|check|checking|clock|clocking|tap|tapping|bow|bowing|peace|peacing) out for good\b|\b(?:check|checking|clock|clocking|tap|tapping) out permanently\b")
        {
            InformationSuppresses = true,
        },
        // A plan told in passing: "before I do what I'm planning", "I've decided when I'm going to do it".
        new("suicide.decided-plan", Suicide,
            @"\b(?:before|after|when) i do what i(?:'m| am) planning\b|\bi(?:'ve| have) (?:decided|picked|chosen) (?:when|the day|the date|how) (?:i'm going to|i'll|to) do it\b|\bis when i(?:'ve| have) decided to do it\b")
        {
            InformationSuppresses = true,
        },
        // Asking whether life insurance pays out on a death (or a suicide) is a known warning sign, so the question form
        // does not make it a mere information question.
        new("suicide.life-insurance", Suicide, @"\blife insurance\b")
        {
            InformationSuppresses = false,
            OnlyWithContext = @"\b(?:suicide|suicidal|kill (?:myself|himself|herself)|(?:if|when) (?:i|the person|someone|he|she|the insured) (?:dies?|died|was gone|were gone|am gone|is gone)|pays? out if|still pays?|pays? (?:out )?(?:double )?(?:for|on) accident\w*|accidental death|(?:family|kids|wife|husband|children|they)(?:'ll| will| would|'d) be (?:fine|ok|okay|set|taken care of|better off))\b",
        },
        // Calling tonight one's last ("this is probably my last night", "tonight's my last night on earth"); not a last night
        // somewhere or at something ("my last night in town", "my last night shift").
        new("suicide.last-night", Suicide,
            @"\b(?:this is|this'll be|tonight is|tonight's|tonights|tonight will be|it's|its|today is|today's) (?:\w+ )?(?:my|our) (?:last|final) night(?: alive| on earth| on this earth| ever| here)?\b|\b(?:this is|today is|today's|tomorrow is|tomorrow's) (?:\w+ )?my (?:last|final) day (?:alive|on earth|on this earth)\b")
        {
            NotBefore = @" (?:in|at|of|with|before|off|as|working|shift|out|home|together|there|here (?:in|at)|on (?:the|this|my|our|a) (?:job|shift|island|trip|cruise|team|contract|unit|ward|floor|campus|base|tour|road))\b",
        },
        // Saying outright that one will be dead soon: "I'll be dead by morning".
        new("suicide.dead-by", Suicide, @"\b(?:i'll|i will|ill|i'm going to|im going to|gonna) be dead (?:by|before|tomorrow|soon|tonight|in a (?:day|few days|week))\b")
        {
            InformationSuppresses = true,
        },
        // Not expecting to be alive at a date ahead: "don't see myself being around by Christmas", "not making it past finals".
        new("suicide.not-around-by", Suicide,
            @"\b(?:don't|dont|do not|can't|cant|cannot) see myself (?:being )?(?:around|here|alive|living) (?:by|for|past|after|at|in)\b|\b(?:i'm|im|i am) not (?:making it|gonna make it|going to make it) past\b|\bdecided (?:i'm|im|i am) not (?:making it|gonna make it|going to make it)\b")
        {
            InformationSuppresses = true,
        },
        // Means asked about as a question: how a method feels, which of two is quicker, the dose the body gives out at.
        // Looking for a way to kill oneself is itself a warning sign, so the question frame does not make it information.
        new("suicide.method-question", Suicide,
            @"\b(?:does|would|will|is|do) (?:it )?(?:carbon monoxide|co poisoning|the exhaust|drowning|hanging|being hanged|suffocating|suffocation|bleeding out|bleeding to death|jumping|slitting|shooting yourself|a gunshot|freezing to death) (?:\w+ )?(?:hurt|painful|hurts|quick|fast|peaceful|like falling asleep)\b|\b(?:does|would|will) (?:carbon monoxide|co poisoning|the exhaust|drowning|hanging|suffocating|bleeding out) (?:\w+ ){0,4}(?:hurt|feel)\b|\bwhat (?:happens|would happen|does it feel like)(?: to (?:your|the|my) body)? (?:when|if) (?:you|u|i|someone|a person) (?:hang|hangs|drown|drowns|gas|gasses|suffocate|suffocates|slit|slits) (?:yourself|myself|themselves|themself|himself|herself|your wrists|my wrists)\b|\bbefore (?:your|my|the|a person's) (?:liver|kidneys?|heart|body|organs?) (?:fails|fail|gives out|give out|shuts down|shut down|stops|stop|quits)\b|\bcan (?:you|i|u) die (?:from|of|by) (?:mixing|taking|combining|swallowing|using) (?:all )?(?:of )?my\b|\bhow (?:high|tall) (?:does|do|would|should) (?:a|the) (?:bridge|building|roof|ledge|cliff|parking garage) (?:need to|have to|needs to|has to) be\b"),
        new("suicide.which-method-quicker", Suicide,
            @"\b(?:which|what)(?: is| would be|'s| one is) (?:quicker|faster|less painful|more painless|more reliable|more certain|surer|the quickest|the fastest|the least painful)\b")
        {
            OnlyWithContext = @"\b(?:pills|garage|car running|exhaust|rope|hang\w*|bridge|gun|drown\w*|jump\w*|overdos\w*|od|carbon monoxide|bleed\w*|wrists?|razor)\b",
        },
        // Making sure of it, or of not being found: "a number of pills that guarantees you don't wake up", "so my kids
        // don't find me", "how many of my tablets would be too many", "how long can you last in a closed garage with the
        // engine on", what happens to a pet "when the owner dies", organs given "if I die by suicide".
        new("suicide.making-sure", Suicide,
            @"\b(?:guarantees?|guaranteed|make sure|makes sure|ensure|be sure|certain|sure) (?:that )?(?:you|i|u|someone|a person|they) (?:don't|dont|won't|wont|never|do not|will not) wake (?:up|back up)\b|\b(?:make sure|so) (?:my|the) (?:kids|children|wife|husband|family|mom|mum|dad|parents|son|daughter|partner|girlfriend|boyfriend) (?:don't|dont|doesn't|doesnt|won't|wont|do not|does not|never) (?:find|see) me\b|\bhow many (?:of )?my (?:\w+ ){1,2}(?:would be|is|are|is it) too many\b|\bhow long (?:can|could|does|would|will) (?:you|u|someone|a person|i) (?:survive|last|stay alive|live) (?:\w+ ){0,4}(?:with the engine (?:on|running)|in a closed garage|without air|with a bag)\b|\b(?:who|what) (?:takes care of|will take care of|looks after|happens to|gets|feeds) (?:a|my|the) (?:dog|dogs|cat|cats|pet|pets) (?:when|after|if) (?:the owner|its owner|their owner|i|i'm|im) (?:dies|die|is gone|am gone|gone|passes|kills)\b|\b(?:if|when|after) i (?:die|died|go) by (?:suicide|my own hand)\b")
        {
            NotBefore = @" to (?:miss|skip)\b",
        },
        // Self-harm asked about as a method: the place to cut that nobody sees, how deep is too deep.
        new("suicide.self-harm-method-question", Suicide,
            @"\b(?:best|safest|good|right) (?:place|spot|places|spots|part of (?:my|the) body) to (?:cut|burn|hurt myself)\b|\bhow deep (?:is too deep|should i (?:cut|go)|can i cut|do i cut|is safe to cut|to cut)\b|\btoo deep when (?:cutting|i cut)\b")
        {
            // "The best place to cut costs", "…to cut back": cutting something else.
            NotBefore = @" (?:costs?|back|down|corners|spending|expenses|the budget|hair|my hair|the grass|wood|in line|ties|class|out)\b",
        },
        // "If I take all of my methadone at once, will it be enough": the whole supply at once, asked whether it will do.
        new("suicide.whole-supply-enough", Suicide, @"\b(?:will|would|is) (?:it|that|this) (?:be )?enough\b")
        {
            OnlyWithContext = @"\b(?:all (?:of )?my (?:pills|meds|medication|methadone|xanax|bars|oxy\w*|percs?|insulin|tablets|sleeping pills|seroquel|script|prescription)|the whole (?:bottle|pack|script|prescription)|every pill|all the pills)\b",
        },
        // Where people go to jump; how many it takes "before I lose my nerve"; self-harm hidden or kept from scarring; the
        // children given someone to talk to "after tonight".
        new("suicide.where-to-jump", Suicide,
            @"\bwhere (?:do|can|would|could|should|does) (?:people|folks|someone|somebody|anyone|i|you|a person) (?:usually |typically |normally )?(?:go to )?jump(?: off| from)?\b")
        {
            // "Where do I jump in to the groups", "jump on the video call": joining, not a fall.
            NotBefore = @" (?:on|in(?: to| on| with|$)|into|rope|start|ahead|the queue|the line|to conclusions|through)\b",
        },
        new("suicide.how-many-it-takes", Suicide, @"\bhow (?:many|much) (?:it )?(?:takes|it would take|would it take|will it take|it will take)\b")
        {
            OnlyWithContext = @"\b(?:lose my nerve|chicken out|change my mind|to die|to not wake|to kill|to end it|before i stop myself)\b",
        },
        new("suicide.self-harm-hidden", Suicide,
            @"\b(?:hide|cover|cover up|hiding|covering|conceal) (?:up )?(?:my |the |fresh |new |these |all the |all my )*(?:cuts|cut marks|burns|burn marks|self harm marks|self-harm marks)\b|\bcut (?:\w+ ){0,2}so (?:it|they) (?:doesn't|doesnt|don't|dont|won't|wont|will not) (?:scar|show|leave (?:a )?marks?)\b"),
        new("suicide.after-tonight", Suicide,
            @"\b(?:someone to talk to|be okay|be ok|be alright|be all right|be taken care of|be looked after|be fine|have support|someone to look after them) (?:\w+ ){0,3}after tonight$"),
        // Looking for a way, or a weapon, in a hurry: "been researching ways all night", "buy a gun today, no wait".
        new("suicide.researching-ways", Suicide,
            @"\b(?:researching|looking up|googling|searching|reading about|looked up|googled|researched|searched) (?:ways|methods|how) to (?:die|end it|end my life|kill myself|do it|go)\b|\b(?:researching|looking up|googling|reading about|looked up|googled|researched) (?:ways|methods)(?: all night| all day| for hours| tonight| again|$)")
        {
            NotBefore = @" (?:to (?:pay|quit|stop|cut|help|get|cope|afford|find|talk|support|start|stay|tell|deal)|of (?:paying|quitting|coping|helping|getting))\b",
        },
        new("suicide.gun-in-a-hurry", Suicide,
            @"\b(?:buy|get|borrow|pick up) (?:a |my |his |her )?(?:gun|pistol|handgun|firearm|revolver)\b(?: \w+){0,6} (?:today|tonight|right now|now|fast|quick|asap|without (?:a |the )?(?:wait|waiting period|background check|check))\b")
        {
            // "Buy a gun safe today", "get a gun license fast": the thing bought is not the gun.
            NotInside = @"\b(?:gun|pistol|handgun|firearm|revolver) (?:safe|safes|lock|locks|case|cabinet|license|licence|permit|class|course|range|show|cleaning|holster)\b",
        },
        // "Tonight's the night" beside being tired or done; a last word to someone "before" with nothing after it.
        new("suicide.tonight-the-night", Suicide, @"\btonight(?:'s| is) the night\b")
        {
            OnlyWithContext = @"\b(?:tired of (?:fighting|trying|living|this|everything|it all)|done|goodbye|bye|no more|can't do this|cant do this|end it|ending it|pills|rope|gun|won't be|sorry)\b",
        },
        new("suicide.tell-someone-before", Suicide,
            @"\b(?:tell|let) (?:someone|somebody|anyone|you|one person) (?:know )?before (?:i go|i'm gone|im gone|i do it|it's over|its over|the end|i leave for good|i'm not here|im not here)\b|\b(?:tell|let) (?:someone|somebody|anyone|one person) (?:know )?before$|\b(?:someone|somebody|anyone|one person) to know before (?:i go|i'm gone|im gone|i do it|it's over|its over|the end|i'm not here|im not here)\b"),
        // "The most painless way to go": asked as a question, it is the warning sign, not a request for information.
        new("suicide.painless-way", Suicide, @"\b(?:most |least )?painless (?:way|ways|methods?) to (?:go|die|do it|end it|kill myself)\b|\b(?:least painful|most painless|painless|easiest|quickest|fastest|cleanest) way out\b|\bleast painful way to (?:go|die|do it|end it|end my life|kill myself)\b|\b(?:easiest|fastest|quickest|surest|simplest|quietest|cleanest|best) (?:way|ways|method|methods) to (?:die|end it|end my life|kill myself|off myself|go for good)\b"),
        // Putting affairs in order beside drinking, grief or an end: "my affairs are in order", "typing out my will… after that I'm done".
        // Also someone sending their will to a friend in the middle of a binge ("sent me her will… on a bender for days").
        new("suicide.affairs-in-order", Suicide, @"\bmy affairs (?:are )?(?:all )?in order\b|\b(?:writing|typing|typing out|wrote|finished|finishing) my will\b|\b(?:sent|texted|emailed|e-mailed|forwarded|shared|showed|gave) (?:me|us) (?:his|her|their) (?:last )?will\b")
        {
            OnlyWithContext = @"\b(?:done|after that|tonight|goodbye|bye|join|intend|drinking|drinks|drunk|high|bender|binge|binging|bingeing|using|funeral|died|no point|end|over|won't need|wont need)\b",
        },
        // A widowed person saying they will soon be with the one who died.
        new("suicide.join-the-dead", Suicide,
            @"\b(?:join|be with|see) (?:my|her|his) (?:late )?(?:wife|husband|mom|mum|dad|mother|father|son|daughter|brother|sister|partner|boyfriend|girlfriend) (?:soon|shortly|again soon|in heaven|on the other side)\b|\bintend to join (?:my|her|his)\b")
        {
            OnlyWithContext = @"\b(?:died|death|funeral|passed|widow|widower|gone|grave|heaven|buried|lost (?:her|him)|affairs|since (?:she|he))\b",
        },
        // A rope already set up, a blade or a razor already in hand.
        new("suicide.means-ready", Suicide,
            @"\brope(?:'s| is)? (?:already )?(?:up|ready|tied|hung|hanging|in the (?:closet|garage|basement|attic|shed))\b|\b(?:razor|blade|box cutter|knife) in (?:my )?hand\b")
        {
            InformationSuppresses = true,
        },
        // A gun just loaded or cleaned beside thoughts of it: "cleaned it today and loaded it".
        new("suicide.gun-loaded", Suicide, @"\b(?:cleaned and loaded|loaded) (?:it|the gun|my gun|the rifle|my rifle|the pistol|my pistol|the shotgun|my shotgun)\b")
        {
            OnlyWithContext = @"\b(?:gun|rifle|pistol|shotgun|revolver|handgun|on my mind|thinking|end it|done)\b",
            NotAfter = @"\b(?:used to|always) ",
        },
        // A place named for tonight beside a goodbye: "bridge tonight. bye".
        new("suicide.place-tonight", Suicide, @"\b(?:bridge|overpass|rooftop|tracks|cliff) tonight\b")
        {
            OnlyWithContext = @"\b(?:bye|goodbye|farewell|sorry|done|over|it ends|the end|last)\b",
        },
        // "thinking about ending it" (not "ending it with him", a break-up).
        new("suicide.ending-it", Suicide, @"\b(?:thinking|thought|think) (?:about|of) ending it\b")
        {
            NotBefore = @" (?:with|between|for good with)\b",
            InformationSuppresses = true,
        },
        new("suicide.drive-into", Suicide,
            @"\b(?:drive|driving|crash|crashing|swerve|swerving|steer|steering|wreck|wrecking) (?:my car |my truck |the car |the truck |it )?(?:into|off|in front of) (?:a |the |an |oncoming )?(?:wall|tree|pole|river|lake|bridge|cliff|traffic|truck|semi|train|overpass|guardrail|ditch)\b")
        {
            InformationSuppresses = true,
        },
        new("suicide.nobody-would-care", Suicide,
            @"\b(?:nobody|no one|noone) (?:would|will|'d|is going to) (?:care|notice|miss (?:me|him|her|them)) if (?:i|he|she|they) (?:was gone|were gone|was dead|were dead|died|disappeared|killed|wasn't (?:here|around|alive)|weren't (?:here|around|alive)|was not (?:here|around|alive)|left for good)\b|\bbetter off without (?:him|her|them)\b"),
        // Going through with it beside a last act or a farewell: "one last drink, wanted someone to know before I go through with it".
        new("suicide.go-through-with-it", Suicide, @"\bgo(?:ing)? through with it\b")
        {
            OnlyWithContext = @"\b(?:one last|last (?:drink|time|message|night|goodbye)|someone to know|goodbye|say bye|won't be (?:here|around)|pills|rope|gun|bridge|end it|ending it|no point|nobody will)\b",
        },
        // A question asked "because I already started": "does it hurt to bleed out? asking because I already started".
        new("suicide.asking-because-started", Suicide, @"\basking (?:because|cause|bc|since) (?:i|i've|i have|i'm) (?:already )?(?:started|begun|done it|did it|took (?:them|it|all)|cut|swallowed|taken)\b")
        {
            Negatable = false,
        },
        // Feeling a burden, said without an "if": "nobody will miss me", "everyone at home would be happier without me".
        new("suicide.burden", Suicide,
            @"\b(?:nobody|no one|noone) (?:would|will|'d|is going to) (?:even )?miss me\b|\b(?:everyone|everybody|they|my (?:family|kids|wife|husband|parents|mom|mum|dad))(?: \w+){0,2} (?:would|will|'d) be (?:so much |much |a lot )?(?:happier|better off|better|fine|relieved) without me\b|\bbetter off without me\b|\b(?:won't|wont|will not) be (?:a problem|a burden|a bother|bothering (?:anyone|anybody|you)|in (?:anyone's|your|their) way) (?:for (?:anyone|anybody|you|them|my family) )?(?:much longer|for long|for much longer)\b")
        {
            Negatable = false,
            // "nobody will miss me at work for three hours", "better off without me at the staff meeting", "they'd be fine
            // without me for an evening": an absence, not a life ("...without me in their lives", "...for good" count).
            NotBefore = @" (?:at|on|during|while|tonight|this|in (?:the|this|that|a|an) (?:meeting|game|group|team|office|class|band|car|kitchen|house)|for (?:a|an|the|one|two|three|a few|\d+) (?:\w+ )?(?:hours?|minutes?|evenings?|nights?|days?|weeks?|afternoons?|mornings?|shifts?|sessions?)|if i (?:go|leave|skip|take|miss|step|come|am|i'm))\b",
        },
        // Self-harm again after a stretch without it: "I cut again", "burned myself again last night".
        new("suicide.harmed-again", Suicide,
            @"\bi (?:\w+ )?(?:cut|burned|burnt) (?:myself |my (?:arms?|wrists?|legs?|thighs?|skin|stomach) )?again\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
        },
        // Wanting everything to stop for good: "just want it to stop. all of it. permanently".
        new("suicide.stop-for-good", Suicide, @"\bwant (?:it|it all|all of it|everything) to (?:stop|end)\b")
        {
            OnlyWithContext = @"\b(?:permanently|forever|for good|for ever)\b",
            NotBefore = @" (?:the|my) (?:drinking|using|cravings?|habit)\b",
        },
        // Warning signs of a plan, as suicide-prevention services list them: giving belongings away, final arrangements
        // (one's own funeral), having the means and the place (ready to jump, on a bridge), doubting one will wake up.
        new("suicide.giving-away", Suicide,
            @"\b(?:giving|give|gave|given|handing|handed) (?:away )?(?:everything(?: else)?|all (?:of )?my (?:stuff|things|belongings|possessions|guns|clothes)|my (?:stuff|things|belongings|possessions|guns)) away\b|\b(?:giving|gave|given) away (?:everything|all (?:of )?my|my (?:stuff|things|belongings|possessions|guns))\b")
        {
            NotBefore = @" (?:because|cause|cuz|bc|since) (?:i'm|im|i am|we're|we are) (?:moving|downsizing)| to (?:goodwill|charity|the church|the thrift)",
        },
        new("suicide.own-funeral", Suicide, @"\b(?:for|plan|planning|pay for|paying for|money for|afford|save for|saving for|ready for|music for|songs for|at|to) my (?:own )?funeral\b")
        {
            // "My mom will be planning my funeral if she sees this": a figure of speech about someone else's anger.
            NotAfter = @"\b(?:will|would|gonna|going to|you'll|they'll|he'll|she'll|we'll) be ",
        },
        new("suicide.ready-to-jump", Suicide, @"\b(?:before i|about to|going to|gonna|gunna|ready to|want to|wanna|i'll|i will|i'm gonna|im gonna|i'm going to) jump\b")
        {
            OnlyBefore = @"$| (?:off|from|tonight|now|today|right now|soon|if|and end|to my death)\b",
            NotBetween = [CalledBadAndLaughedOff],
            InformationSuppresses = true,
        },
        new("suicide.on-the-edge", Suicide, @"\b(?:i'm|im|i am|standing|sitting|up) on (?:the|a|this|top of (?:the|a)) (?:bridge|ledge|roof|rooftop|overpass|parking garage|edge)\b")
        {
            OnlyWithContext = @"\b(?:jump|end it|goodbye|bye|sorry|done|over|last|why i'm (?:writing|here|texting)|why im (?:writing|here|texting)|why am i|don't know why|dont know why|nobody|no one|alone|can't do this|cant do this|tired of)\b",
        },
        new("suicide.if-i-wake", Suicide, @"\b(?:in case|if) i (?:(?:even|still|actually|ever) )?(?:wake up|am still (?:alive|here|around)|'m still (?:alive|here|around)|survive|live through) (?:tomorrow|tonight|the night|till morning|until morning|by morning|the weekend)\b"),
        new("suicide.know-the-dose", Suicide, @"\b(?:i know|i found out|i figured out|i worked out) (?:exactly )?(?:what|which|how much|how many) (?:\w+ ){0,4}(?:would|will|it would take to|it takes to) (?:do it|kill me|end it|be enough|stop my heart|do the job)\b|\b(?:what|which) (?:dose|amount|quantity)(?: of(?: \w+){1,4})? (?:would|will|could) (?:do it|kill me|end it|end my life|stop my heart|stop my breathing|be enough to (?:die|not wake up|end it|stop my heart))\b|\bwhat (?:would|will|could) (?:stop my heart|make my heart stop)\b"),
        // Asking how long dying takes by a means at hand: "how long does it take to bleed out". A family member's question
        // about a death that happened is told in the past ("how long did it take"), which this does not read.
        new("suicide.how-long-to-die", Suicide,
            @"\bhow long (?:does it|would it|will it|does|would|will|do|it) (?:\w+ )?(?:take|takes|would take|will take) (?:to|for (?:me|you|someone|a person) to) (?:bleed out|bleed to death|suffocate|hang|stop breathing)\b"),
        new("suicide.take-everything", Suicide, @"\b(?:gonna|going to|gunna|will|i'll|i'm gonna|im gonna|plan to|planning to|about to|want to|wanna) (?:take|swallow|down) (?:everything|every pill|all the pills|all my pills|all of it|the whole bottle|whatever (?:is|i can find)) (?:in|from|i (?:have|got|can find) in) (?:the|my) (?:medicine |bathroom |kitchen )?(?:cabinet|cupboard|drawer|bottle|house)\b"),
        new("suicide.self-harm-act", Suicide, @"\b(?:cut|cutting|cuttin|carved|carving|burn|burned|burning|burnin|burnt|scratched|scratching|slashed|slashing|stabbed|stabbing|hurtin|injuring|injured|harming|harmed) (?:my ?self|him ?self|her ?self)\b")
        {
            NotBefore = @" (?:off|out|shaving|cooking|by accident|accidentally|on (?:a|the) (?:knife|glass|can|paper|stove|oven))",
            NotBetween = [DoneBeforeAsked],
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Means laid out and the writer with them: "the tablets lined up on the locker and I'm sitting with them".
        new("suicide.means-laid-out", Suicide,
            @"\b(?:pills|tablets|meds|tabs|bars|capsules) (?:are |all )?(?:lined up|laid out|counted out|in a pile|sorted out|in a row)\b|\bi (?:count|counted|counting|have counted) (?:them|the pills|my pills|the tablets|the meds)\b")
        {
            OnlyWithContext = @"\b(?:sitting with them|tonight|enough|what's the point|whats the point|no point|ready|all of them|goodbye|sorry|end|done)\b",
            DistantMarkerSuppresses = true,
        },
        // Going somewhere and not coming back, with a place or a time that says how.
        new("suicide.not-coming-back", Suicide,
            @"\b(?:and |an |n )?(?:not|no|never|nae) (?:coming|comin|come) (?:back|home|down)\b")
        {
            OnlyWithContext = @"\b(?:tonight|the night|water|river|lake|sea|ocean|bridge|woods|cliff|gap|edge|roof|rooftop|building|tracks|for good|someone to know|anyone to know|goodbye|sorry|no point|pills|rope|gun)\b",
            NotBefore = @" (?:from|to) (?:the |my |this )?(?:trip|vacation|holiday|camp|work|job|rehab|program|army|navy|base|deployment|mexico|overseas)\b",
        },
        // "Tonight's the night" beside a means or a farewell; not "tonight is the night of my first group".
        new("suicide.tonights-the-night", Suicide, @"\btonight(?:'s| is) the night\b")
        {
            OnlyWithContext = @"\b(?:someone to know|anyone to know|somebody to know|goodbye|bye|sorry|no point|pills|rope|gun|bridge|gap|cliff|edge|roof|end it|ending it|heart stops|letters?|note|not coming back|for good)\b|\btonight(?:'s| is) the night(?: (?:mate|man|bro|brah|guys|folks|y'all|i think))?$",
            NotBefore = @" (?:of|for|we|when|that (?:we|my|our))\b",
        },
        // The rest of the pills after the house is asleep: "going to finish all my mom's sleeping pills after everyone goes to bed".
        new("suicide.all-the-pills-later", Suicide,
            @"\b(?:going to|gonna|gunna|i'll|i will|plan to|planning to|about to|want to|wanna|i'm going to) (?:take|swallow|down|finish|eat) (?:all|every one of|the rest of|the whole bottle of) (?:of )?(?:my |the |his |her |\w+'s |my \w+'s )?(?:\w+ )?(?:pills|tablets|meds|medication|xanax|bars|oxys?|percs?)\b")
        {
            OnlyWithContext = @"\b(?:tonight|after everyone|when everyone|once everyone|goes to bed|go to bed|asleep|goodbye|no point|end it|at once|in one go|not wake up|done)\b",
            NotBefore = @" (?:as prescribed|to the|back|with me|on the trip)\b",
        },
        // Stopping a life-sustaining medicine on purpose: "I've decided to stop taking my insulin, there is no point anymore".
        new("suicide.stopping-lifeline", Suicide, @"\b(?:stop|stopped|stopping|quit|quitting|not taking|won't take) (?:taking )?(?:my )?(?:insulin|dialysis|heart (?:meds|medication|pills)|blood thinners?)\b")
        {
            OnlyWithContext = @"\b(?:no point|decided|end it|let it happen|let myself go|better off|goodbye|tell someone|done with|tired of living|don't want to live|on purpose)\b",
            DistantMarkerSuppresses = true,
        },
        // A crash meant to pass as an accident: "nobody would know it wasn't an accident".
        new("suicide.staged-accident", Suicide, @"\b(?:make it look like|look like|know it wasn't|know it was not|think it was|pass (?:it )?(?:off )?as) an accident\b")
        {
            OnlyWithContext = @"\b(?:crash|steer\w*|drive|driving|car|truck|bridge|pillars?|wall|tree|overpass|pills|overdose|od|kill|die|end)\b",
            InformationSuppresses = true,
        },
        // Done fighting beside a means or tonight: "still got my service pistol and tonight i'm done fighting".
        new("suicide.done-fighting", Suicide, @"\b(?:i'm|im|i am) (?:so )?(?:done|finished|through) fighting\b")
        {
            OnlyWithContext = @"\b(?:tonight|gun|pistol|rifle|pills|rope|better off|goodbye|insurance|end it|bridge)\b",
            NotBefore = @" (?:with|for|about|over) (?:my|the|this|insurance|them|him|her|you)\b",
        },
        // Gone quiet behind a locked door after taking pills: "in the bath an hour after a bunch of pills, door locked, won't answer".
        new("overdose.pills-and-silence", Overdose,
            @"\b(?:took|taking|taken|swallowed|after taking|had) (?:a bunch of|a lot of|a handful of|all (?:her|his|my|the)|too many|way too many|some|\d+ of (?:her|his|my|the)?) ?(?:\w+ )?(?:pills|tablets|meds|xanax|bars)\b")
        {
            OnlyWithContext = @"\b(?:won't|wont|will not|isn't|is not|not) (?:answer|answering|respond|responding|wake|waking|open)\b|\bdoor (?:is )?locked\b|\blocked (?:the door|herself|himself|themselves)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // An engine heard running from a garage someone locked himself in.
        new("suicide.fumes-heard", Suicide, @"\b(?:hear|hearing|heard|can hear) the (?:car|engine|truck|van|generator) running\b|\b(?:car|engine|truck|van)(?:'s| is)? (?:still )?running (?:in there|inside)\b")
        {
            OnlyWithContext = @"\bgarage\b",
            DistantMarkerSuppresses = true,
        },
        // Drinking a poison, or meaning to: Nigerian "sniper" (an insecticide), bleach, rat poison, weed killer.
        new("suicide.poison-intent", Suicide,
            @"\b(?:want to|wanna|wan|going to|gonna|go|about to|will|i'll|ready to|plan to) (?:drink|swallow|chop) (?:the |some |a |dis |dat |that |this )?(?:poison|sniper|rat poison|bleach|pesticide|insecticide|weed ?killer|gramoxone|paraquat|antifreeze)\b|\b(?:want to|wanna|going to|gonna|about to|ready to|plan to) take (?:the |some )?poison\b")
        {
            InformationSuppresses = true,
        },
        // Burning charcoal in a closed car or room, or an engine left running in a closed garage.
        new("suicide.fumes", Suicide,
            @"\bcharcoal (?:\w+ ){0,3}(?:and|&) (?:\w+ )?tape\b|\bcharcoal (?:\w+ ){0,3}(?:in|for) (?:my|the|his|her) (?:car|room|bathroom|tent)\b|\b(?:engine|car|truck|van) (?:is |was |still |left )?running in (?:the|a|his|her|my|our) (?:closed |shut )?garage\b|\bhose (?:from|on|to|into) the (?:exhaust|tailpipe)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            // "Charcoal and tape for the camping trip": a cookout's shopping.
            NotBefore = @" (?:\w+ ){0,3}for (?:the |a |our |my )?(?:grill|bbq|barbecue|camping|campsite|trip|cookout|party|picnic|tailgate|smoker)\b",
        },
        // Letters left for the family beside words of an end: "I wrote the letter for my children and put it on the table".
        new("suicide.letters-left", Suicide,
            @"\b(?:wrote|written|write|left|leaving|finished) (?:a |the |my )?(?:letters?|notes?) (?:for|to) (?:my )?(?:kids|children|family|wife|husband|mom|mum|mother|dad|parents|son|daughter|boys|girls)\b")
        {
            OnlyWithContext = @"\b(?:finished for me|it's finished|it is finished|over for me|goodbye|sorry|forgive|the end|tonight|no more|on the table|not their fault|none of this)\b",
            DistantMarkerSuppresses = true,
        },
        // Fresh cuts shown or told beside more to come: "fresh cuts on her wrist and said she's not done".
        new("suicide.fresh-cuts", Suicide, @"\bfresh (?:cuts|burns|wounds|scratches)\b")
        {
            OnlyWithContext = @"\b(?:not done|again|deeper|can't stop|razor|blade|on purpose|want to do more|more tonight|herself|himself|myself|wrists?)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // A blade or a flame put to one's body ("the lighter. on my arm.").
        new("suicide.self-harm-implement", Suicide,
            @"\b(?:the |a |my )?(?:lighter|razor|blade|cigarette|box ?cutter|knife|scissors) (?:on|to|into|across|against) my (?:arm|arms|leg|legs|skin|wrist|wrists|thigh|thighs|stomach|hip|hips)\b")
        {
            NotBefore = @" (?:rest|band|chair|sleeve)\b",
            OnlyWithContext = @"\b(?:lighter|razor|blade|cigarette|box ?cutter|knife|scissors|blood|bled|bleed\w*|cut|cuts|cutting|burn\w*|again|can't stop)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Cutting that went further than before ("🔪 again tonight, deeper than last time"), beside a blade or blood.
        new("suicide.self-harm-deeper", Suicide, @"\b(?:cut |cutting |went |go |going |cuts |it's |its )?deeper than (?:last time|before|usual|ever|the last (?:one|time))\b")
        {
            OnlyWithContext = @"\b(?:razor|blade|box ?cutter|knife|scalpel|blood|bled|bleed\w*|cuts|cutting|cut (?:myself|again|my (?:arm|arms|leg|legs|wrist|wrists|thigh|thighs|skin))|stitches)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // A rope or a noose got for oneself ("honestly i bought a rope yesterday"), unless it is for a job named.
        new("suicide.rope-got", Suicide, @"\bi (?:just |already |finally |went and )?(?:bought|got|picked up|have|tied) (?:a |the |some |myself a )?(?:rope|noose)\b")
        {
            NotBefore = @" (?:\w+ ){0,4}(?:for|to) (?:tie|tow|towing|climb|climbing|the swing|a swing|the tire swing|my hammock|a hammock|the boat|my boat|the dog|my dog|the horses?|cattle|work|camping|the gym|my truck|the truck|moving|the tarp|laundry|clothes|jump rope|skipping)\b| (?:swing|ladder|toy|light|lights|course|burn)\b",
            DistantMarkerSuppresses = true,
            InformationSuppresses = true,
        },
        // Hitting oneself with no body part named ("keep hitting myself in the face, can't stop"): the same context as below.
        new("suicide.self-harm-hitting", Suicide,
            @"\b(?:hit|hitting|punched|punching|punch|slapped|slapping|slap|banged|banging|bang|bashed|bashing|bash|beat|beating|bit|biting|scratched|scratching) (?:my ?self|him ?self|her ?self)\b")
        {
            NotBefore = @" (?:by accident|accidentally|with (?:a|the) (?:door|ball|racket|bat|club|hammer))\b",
            OnlyWithContext = SelfHarmContext,
            InformationSuppresses = true,
        },
        // A blade named beside an urge that will not stop ("🔪 again. can't stop tonight"), with no verb at all.
        new("suicide.blade-urge", Suicide, @"\b(?:knife|knives|blade|blades|razor|razors)\b")
        {
            OnlyWithContext = @"\b(?:can't stop|cannot stop|can not stop|urges?|relapsed? (?:on|with|into) (?:sh|self ?harm\w*|cutting))\b",
            UnlessInMessage = @"\b(?:cook\w*|kitchen|chop\w*|slic\w*|onions?|bread|shav\w*|beards?|threaten\w*|pulled|waving|pointing|collect\w*)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        new("suicide.self-harm-body", Suicide,
            @"\b(?:cut|cutting|carved|carving|burned|burning|burnt|burn|scratched|scratching|scratch|slashed|slashing|sliced|slicing|slice|hit|hitting|punched|punching|punch|banged|banging|bang|bash|bashing|bashed|slam|slamming|slammed|bit|biting|stabbed|stabbing|smashed|smashing|smash) (?:my|his|her) (?:arms?|forearms?|wrists?|legs?|thighs?|skin|stomach|head|face|hands?|fists?)\b")
        {
            OnlyWithContext = SelfHarmContext,
            InformationSuppresses = true,
        },
        // Bleeding wrists say self-harm whatever else the message asks ("is there a group on saturday? my wrist is bleeding").
        // Cutting or slitting one's wrists says self-harm by itself, past or now, whoever tells it ("my daughter cut her
        // wrists, how can I help her"); an accident names what cut them.
        new("suicide.wrists-cut", Suicide, @"\b(?:cut|cuts|slit|slits|slashed|slashing|slitting|cutting|sliced|slicing) (?:my|his|her|their) wrists?\b")
        {
            NotBefore = @" (?:on|with|open on|against) (?:a|the|some|broken) |\b (?:by accident|accidentally|at work|cooking|opening)\b",
            // A general question ("what do you do if someone cuts their wrists") names nobody.
            NotAfter = @"\b(?:if|whether|someone|somebody|anyone|people|a person|person) (?:who |that )?(?:\w+ )?",
            Tense = RuleTense.PastDefaultCrisis,
        },
        new("suicide.wrists-bleeding", Suicide,
            @"\bwrists? (?:are |is |keeps? |still |won't stop |wont stop |started )?bleeding\b|\bbleeding from (?:my|his|her) wrists?\b")
        {
            InformationSuppresses = true,
        },
        // "if I'm still around by then", "if I don't wake up tomorrow": said in passing beside an ordinary question, the
        // writer doubts they will be alive. Not "if I'm still here in town" or "if I don't wake up in time".
        new("suicide.if-still-alive", Suicide,
            @"\bif (?:i'm|i am|i'll|i will) still (?:be )?(?:alive|around|here|breathing|living)\b|\bif i (?:don't|do not|never) wake up\b|\b(?:not sure|don't know if|dont know if|idk if|doubt) (?:i'll|ill|i will|i'm gonna|im gonna|i'd) (?:still )?be alive\b")
        {
            Negatable = false,
            NotBefore = @" (?:in|at|on|for|with|working|living|employed|enrolled|awake|up|early|before|to|after|when|and|next|this|the)\b",
        },
        // Cuts told by their look: "my forearms look like a barcode".
        new("suicide.barcode", Suicide, @"\b(?:arms?|forearms?|wrists?|legs?|thighs?) (?:look|looks|looking) like (?:a )?barcode\b"),
        new("suicide.urge-to-cut", Suicide, @"\b(?:want|wanna|going|about|urge|urges|need|tempted|trying not) to (?:cut|burn)\b")
        {
            NotBefore = @" (?:my hair|back|down|out|ties|class|school|costs|the|some|it|in|off|him|her|them|someone|anyone|people|you|everyone|my (?:kids|baby|son|daughter|wife|husband|family|friend|mom|dad))\b",
            InformationSuppresses = true,
        },
        new("suicide.sh-shorthand", Suicide, @"\bsh (?:relapse|again|urges?|tonight|right now)\b|\brelapsed? (?:on|with|into) sh\b"),
        // "What's a lethal dose of my pills / of fentanyl" is a plan; "what's a lethal amount of alcohol" is a question.
        new("suicide.lethal-dose", Suicide, @"\blethal (?:dose|amount)\b")
        {
            OnlyWithContext = @"\b(?:my|i|i'm|me|myself|i've|i'd|pills?|fentanyl|fent|heroin|oxy\w*|xanax|bars|benzos?|insulin|tylenol|seroquel|methadone|opioids?|meds|medication)\b",
        },
        new("suicide.method", Suicide,
            @"\bhow (?:many|much) (?:of )?(?:my |the |these |those |your )?(?:pills|tablets|meds|medication|medicine|xanax|bars|benzos|oxys?|percs?|tylenol|advil|insulin|sleeping pills|seroquel|fent|fentanyl|heroin|dope|methadone|alcohol|vodka|drinks?|shots?|of it|of them) (?:\w+ )?(?:would it take|does it take|would kill|to die|to kill|to not wake up|until)\b|\bhow (?:many|much) (?:\w+ ){0,3}(?:to die|to kill (?:me|my ?self|someone|a person)|to not wake up|would kill (?:me|you|someone|a person))\b|\b(?:overdose|od) on purpose\b|\bpurposely (?:overdose|od)\b|\b(?:saving|saved|stockpiling|hoarding) (?:up )?(?:my )?(?:pills|meds)\b|\b(?:have|got|i've got|there's) enough (?:of )?(?:my )?(?:pills|meds|tablets|xanax|bars|insulin|sleeping pills|oxys?) (?:stashed|stockpiled|to (?:do it|end it|not wake up|die|finish it))\b|\b(?:thinking about|thinking of|think about|about to|tempted to|could just|might just|ready to|urge to) (?:just )?(?:take|taking|swallow|swallowing|down|downing|shoot up|shooting up|use|using) (?:all|every|everything|the whole|a whole|a bunch|a handful|the rest|enough)\b(?: (?:\w+ ){0,3}(?:pills|meds|medication|medicine|tablets|xanax|bars|benzos|dope|fent|fentanyl|heroin|oxys?|percs?|at once|i have|i got|i've got)\b|$)|\b(?:take|taking|swallow|swallowing|shoot|shooting|use|using|mix|mixing) (?:\w+ ){0,4}(?:pills|meds|medication|tablets|xanax|bars|benzos|dope|fent|fentanyl|heroin|oxys?|percs?|everything|all|too much|too many|it all) (?:\w+ ){0,2}on purpose\b"),
        // An overdose taken on purpose is an attempt: a crisis unless a distant or recovery marker anywhere in the message says
        // it is history ("many years ago, in my forties, I took pills on purpose").
        new("suicide.method-past", Suicide, MethodPast)
        {
            Tense = RuleTense.PastDefaultCrisis,
        },
        // …but "last week", "a few days ago" or "twice" is not history for an attempt: those still count.
        new("suicide.method-past-recent", Suicide, MethodPast)
        {
            OnlyWithContext = @"\b(?:last (?:week|weekend|month)|(?:a few|few|couple of|a couple of|two|three|four|five|six|\d+) (?:days|weeks) ago|the other (?:day|night)|twice|(?:a few|several|many|\w+) times)\b",
        },

        // ---- Overdose, now or just now ----
        new("overdose.now", Overdose,
            @"\b(?:overdosing|od'ing|odding|oding|od'in)\b|\b(?:having|is having|i'm having|think i'm having|in the middle of) an? (?:overdose|od)\b|\bthis is an? (?:overdose|od)\b")
        {
            InformationSuppresses = true,
            NotBefore = NotADrug,
            // "nobody's overdosing here": said to rule it out ("nobody" is not a general negator: "nobody would care if I died").
            NotAfter = @"\b(?:nobody|no one|noone)(?:'s| is)? (?:\w+ )?$",
        },
        // Using alone straight after an overdose, or with no naloxone at hand, is how overdoses become deaths; a
        // professional or relative reporting it needs the crisis answer now.
        new("overdose.use-alone", Overdose, @"\b(?:use|using|shoot up|shooting up|get high|getting high) alone\b")
        {
            InformationSuppresses = true,
            NotAfter = @"\bused to ",
            OnlyWithContext = @"\b(?:no|without|doesn't have|does not have|don't have|dont have|has no|have no) (?:narcan|naloxone)\b|\b(?:overdose|overdosed|od'd|od)\b|\bleft (?:ama|against medical advice)\b",
        },
        new("overdose.od-verb", Overdose,
            @"\b(?:i|i'm|he|she|they|just|might|think|gonna|going to|about to|will|could|friend|someone|somebody|boyfriend|girlfriend|husband|wife|son|daughter|brother|sister|roommate) od\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
            NotBefore = "(?:'[a-z]+)?" + NotADrug, // "i od'd on coffee"
            HistoryAfter = RememberedOccasion,
        },
        new("overdose.od-on", Overdose, @"\bod (?:on|from)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
            NotAfter = @"\b(?:to|wanna) ",
            UnlessInMessage = @"\bon purpose\b",
        },
        new("overdose.past-verb", Overdose, @"\b(?:overdosed|od'd|od'ed|oded|odd on|had an? (?:overdose|od))\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
            NotBefore = NotADrug,
            // "Nobody overdosed, I just want narcan at home" rules it out.
            NotAfter = @"\b(?:nobody|no one|noone|none of (?:us|them)) (?:has |had |ever |has ever |had ever )?",
            HistoryAfter = RememberedOccasion,
        },
        new("overdose.too-much", Overdose,
            @"\b(?:took|take|taken|swallowed|did|used|drank|snorted|smoked|shot up|injected|popped) (?:way |a lot |far |all )?too (?:many|much)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
            // "took way too many shifts / classes / days off": too much of something that is not a drug.
            NotBefore = @" (?:coffee|caffeine|food|sugar|time|to eat|tea|pizza|candy|sleep|work|water|long|shifts|hours|overtime|classes|credits|courses|days off|days|naps|selfies|photos|pictures|notes|breaks|risks|chances|jobs|calls|meetings|vacation|pto|sick days|steps)\b",
        },
        // A dose taken twice or doubled, then too sleepy or the chest heavy: for an opioid such as methadone the second dose
        // is an overdose in progress ("took my night dose twice and can barely keep my eyes open"). The sign must be there:
        // "I doubled my dose by mistake, what should I do" alone is a question for a pharmacist.
        new("overdose.double-dose", Overdose,
            @"\b(?:took|taken|had|swallowed|drank|double dosed|doubled up on) (?:my |his |her |their |the |a |today's |tonight's )?(?:[\w']+ ){0,2}(?:dose|doses|pills?|meds|medication|medicine) (?:twice|two times|again by mistake)\b|\b(?:doubled|double dosed|doubled up on|took a double) (?:my |his |her |their |the )?(?:[\w']+ )?(?:doses?|pills|meds)\b|\bdouble dosed\b|\btook (?:two|2|both) (?:of )?(?:my |his |her |the )?(?:[\w']+ )?doses\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
            OnlyWithContext = @"\b(?:drowsy|so sleepy|very sleepy|really sleepy|can't stay awake|cant stay awake|can't keep (?:my|his|her) eyes open|barely (?:keep|stay)|nodding|nodding off|falling asleep|won't wake|wont wake|hard to wake|groggy|confused|breathing (?:slow|shallow|weird)|slow breathing|chest (?:feels |is |getting )?(?:heavy|tight)|hard to breathe|can't breathe|lips (?:are )?(?:blue|gray|grey)|passing out|passed out|dizzy)\b",
        },
        // A count of pills taken just now: "took like 20 of my seroquel", "swallowed thirty of her pills".
        new("overdose.took-a-count", Overdose,
            @"\b(?:took|swallowed|popped|taken|downed) (?:like |about |around |maybe |almost |over |at least |nearly )?(?:\d{2,}|ten|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|a whole handful) (?:of (?:my|his|her|their|the|them|those|these)\b|(?:\w+ )?(?:pills|tabs|tablets|bars|capsules|caps|xanax|percs|oxys|lyrica|pregabalin|gabapentin|neurontin|seroquel|klonopin|klonopins|ativan|valium|ambien|tylenol|advil|ibuprofen|benadryl|tramadol|trazodone|lorazepam|clonazepam|oxycodone|norcos?|vicodin|imodium|loperamide)\b)")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
            NotBefore = @"(?: \w+)?(?: a| per| every| each) (?:day|night|week|month)\b",
        },
        // Opioids or sedatives mixed with alcohol just now, by the writer or someone with them.
        new("overdose.mixed-with-alcohol", Overdose,
            @"\bmixed (?:her|his|their|my) (?:\w+ ){0,2}(?:pills|meds|medication|xanax|oxys?|oxycodone|percs?|opioids|benzos|sleeping pills) with (?:wine|alcohol|booze|vodka|beer|drinks|liquor|whiskey)\b")
        {
            NotAfter = @"\b(?:used to|always|never) ",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // What an overdose feels like as it happens: "everything's going dark".
        new("overdose.going-dark", Overdose, @"\beverything(?:'s| is) (?:going|getting|turning) (?:dark|black|fuzzy)\b")
        {
            InformationSuppresses = true,
        },
        new("overdose.whole-supply", Overdose,
            @"\b(?:took|take|taken|swallowed|did|used|drank|snorted|smoked|shot up|injected|popped) (?:way |a lot |far |all )?(?:a (?:whole|full) (?:bottle|pack|handful|sheet)|a bottle of (?:her |his |my )?(?:pills|tylenol|advil|aspirin|ibuprofen|sleeping pills|sleep meds|meds|xanax|ambien|benadryl)|(?:my|his|her|their) whole (?:bottle|prescription|script)|the (?:whole|entire) (?:bottle|pack)|a handful of|all (?:my|the|his|her|their|of my|of the|of his|of her) (?:\w+'s )?(?:sleeping |pain |anxiety |nerve |seizure |heart |blood pressure |psych |prescription |dog's |mom's |dad's )?(?:pills|meds|medication|xanax|bars|oxy|oxys|percs|benzos|tablets))\b|\b(?:took|taken|swallowed|popped|ate|did|snorted) (?:like |about |around |maybe |over |almost |probably )?(?:a (?:bunch|ton|lot|load|fistful|shit ?ton|whole lot)|(?:[1-9]\d|\d{3})|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a dozen|dozens) (?:of )?(?:(?:my|his|her|the|their|these|those) )?(?:\w+'?s )?(?:pills|meds|medication|tablets|xanax|bars|benzos|klonopin|valium|ativan|oxys?|percs?|percocets?|vicodin|roxys?|blues|m30s?|sleeping pills|tylenol|advil|painkillers)\b|\bmixed (?:\w+ )?(?:pills|xanax|bars|benzos|fentanyl|fent|heroin|oxy|alcohol|booze|lean|meds) (?:and|with)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
        },
        new("overdose.naloxone", Overdose,
            @"\b(?:gave|give|giving|used|using|need|needs|sprayed|should i give|do i give) (?:him|her|them|me|my \w+ |\w+ )?(?:some |a dose of |another dose of )?(?:narcan|naloxone|nalaxone|narcon)\b")
        {
            InformationSuppresses = true,
            NotBefore = " work",
            // "In general, can you give narcan if…": a question about the medicine, however it goes on.
            NotAfter = @"\b(?:in general|generally|generally speaking|hypothetically|out of curiosity|just curious)(?: [\w']+){0,4} ",
        },
        new("overdose.signs", Medical,
            $@"\b(?:isn't|is not|not|stopped|barely|aren't|are not) breathing\b|\b{People}(?:'s|'re)? (?:\w+ ){{0,3}}(?:won't|will not|can't|cannot|isn't|is not|not) (?:wake up|waking up|responding|respond)\b|\bfoaming at the mouth\b|\b(?:he's|she's|they're|he is|she is|they are) (?:\w+ )?(?:gurgling|choking on (?:his|her|their) (?:own )?(?:vomit|puke|throw up))\b|\b(?:can't|cannot|couldn't) (?:wake|get) (?:him|her|them|my \w+) (?:up|to wake)\b|\bunresponsive\b|\bbreathing (?:is |got |getting |gotten |seems )?(?:really |real |very |so |super |too |kinda |pretty |way )?(?:slow|slower|shallow|weird|strange|funny)\b")
        {
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
            DistantMarkerSuppresses = true,
        },
        // Someone who cannot be woken: "we can't wake him, he's cold". Waking a teenager for school is not it.
        new("overdose.cant-wake-someone", Medical,
            @"\b(?:can't|cant|cannot|can not|couldn't|couldnt|unable to) (?:wake|rouse) (?:him|her|them|my \w+|the baby|mom|dad|mum)(?: up)?\b")
        {
            NotBefore = @"(?: up)? (?:for|on time|in time|early|in the morning|before|without)\b",
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
            DistantMarkerSuppresses = true,
        },
        // Breathing like snoring or a handful of breaths a minute after a drug: "took something around noon and his
        // breathing sounds like snoring", "breathing like 4 times a minute".
        new("overdose.breathing-sounds", Overdose,
            @"\bbreathing (?:sounds |is |sounds like |like |is like )?(?:snoring|gurgling|rattling|raspy and slow)\b|\bbreath(?:ing|es|s)?(?: [\w']+){0,3} (?:times|breaths) (?:a |per |every )?(?:minute|min)\b")
        {
            OnlyWithContext = $@"{DrugContext}|\b(?:took something|taken something|lean|syrup|edibles?|ghb|g|tranq|xylazine)\b",
            InformationSuppresses = true,
            // Not DistantMarkerSuppresses: "4 times a minute" would read as a count of times past.
            NotBefore = @"(?: [\w']+){0,3} (?:years ago|last year|back then|in (?:19|20)\d\d)\b",
        },
        // Falling asleep while vomiting after pills or drink: "can't stand up and keeps falling asleep while puking".
        new("overdose.asleep-while-vomiting", Overdose,
            @"\b(?:falling asleep|passing out|nodding off|passed out|dozing off) (?:while|and|when|in (?:his|her|their|my) (?:own )?) ?(?:puking|throwing up|vomiting|vomit|puke)\b|\b(?:puking|throwing up|vomiting) (?:while|and) (?:falling asleep|passing out|nodding off|passed out|unconscious|not waking)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // "Hasn't woken up since he used": the same sign told in the perfect ("for school", "to my texts" are not it).
        new("overdose.not-woken", Medical, $@"\b{People}(?:'s|'re)? (?:hasn't|has not|haven't|have not) (?:woken up|woke up|been responding|responded)\b")
        {
            NotBefore = @" (?:for|on time|in time|early|to (?:my|his|her|their|our) (?:texts?|calls?|messages?|emails?))\b",
            DrugContextMeansOverdose = true,
            InformationSuppresses = true,
        },
        // Trying to bring someone round with a street remedy ("give him a bump to wake him up", "ice down her shirt to
        // bring her round", "cold shower to snap him out of it"): whoever needs waking that way is unresponsive now.
        // The remedy comes first, the waking after; "someone" is left out, so a question about the myth is not it.
        new("overdose.waking-remedy", Overdose,
            @"\b(?:a bump|bumps|a line|coke|cocaine|blow|speed|meth|adderall|salt water|saltwater|salt|ice|ice water|cold water|a cold shower|cold shower|a cold bath|milk|a slap|slapping|slap)\b(?: [\w']+){0,6} (?:(?:to|and|till|until|so) (?:try (?:to |and )?)?(?:wake|bring|snap|get) (?:him|her|them|my \w+|the \w+) (?:up|round|around|back|to|out of it)|(?:so|till|until) (?:he|she|they) (?:wakes?|comes? (?:round|around|to|back)))\b")
        {
            InformationSuppresses = true,
            // "…to get my brother up for school": a morning routine. ("For the love of God" is not one.)
            NotBefore = @" (?:for (?:school|work|group|class|church|practice|the bus|his shift|her shift|their shift)|in the morning|on time|early)\b",
        },
        // A child who swallowed pills, a film or an edible meant for an adult: poison control and 911 now.
        new("overdose.child-swallowed", Overdose,
            @"\b(?:baby|toddler|kid|child|little one|little boy|little girl|son|daughter|grandson|granddaughter|grandbaby|niece|nephew|\d+ ?(?:yr|year|month)s? old)\b(?: [\w']+){0,2} (?:swallowed|ate|got into|chewed|drank|put in (?:his|her) mouth) (?:\w+ ){0,3}(?:pills?|tablets?|meds|medication|methadone|suboxone|subutex|strips?|films?|gummies|gummy|edibles?|fent|fentanyl|bars|xanax|oxys?|percs?|vape juice|nicotine|weed brownies?)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // What an overdose feels like from inside, next to a word about using.
        new("overdose.feelings", Overdose,
            @"\b(?:can't|cannot|can not|can barely|could barely) (?:keep my eyes open|stay awake|keep my head up|feel my (?:arms|legs|hands|face|body|fingers)|breathe|breath)\b|\b(?:fading|slipping) (?:out|away|in and out)\b|\bi'm fading\b|\b(?:everything|it|the room|my vision) (?:is |keeps )?(?:going|getting|went|turning) (?:dark|black)\b|\bheart (?:is |feels like it's |feels like its )?(?:stopping|slowing down|giving out)\b|\blips (?:are |feel |look )?(?:numb|blue|purple|tingl\w*)\b|\b(?:can't|cannot) stop (?:nodding|passing out)\b")
        {
            OnlyWithContext = CrisisLexicon.DrugContext,
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        new("overdose.on-the-floor", Medical, @"\b(?:twitching|jerking|seizing|convulsing|choking|gurgling|not moving|unconscious|slumped) (?:on|over on|in) (?:the|my|his|her) (?:floor|ground|bed|couch|bathroom|car|seat)\b|\b(?:on|lying on|laying on) the (?:\w+ )?(?:floor|ground) (?:and )?(?:not moving|unconscious|unresponsive|not responding|not breathing|won't wake up|can't wake up|not waking up)\b|\bslumped over (?:the |his |her |a |my )?(?:\w+ )?(?:console|desk|wheel|steering wheel|table|counter|toilet|sink)\b|\beyes (?:are |keep |have )?(?:rolled|rolling) back\b")
        {
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
            DistantMarkerSuppresses = true,
        },
        // Someone who has stopped moving after a fall, a hit or using: "he's not moving", "she won't move". Not plans to move
        // house or on with life ("not moving out", "won't move forward").
        new("overdose.not-moving", Medical,
            $@"\b{People}(?:'s|'re)? (?:\w+ ){{0,2}}(?:isn't|is not|aren't|not|won't|will not|can't|cannot|stopped|has stopped) moving\b|\b{People} (?:won't|will not|can't|cannot) move\b")
        {
            NotBefore = @" (?:out|in|on|forward|ahead|back|away|home|house|here|there|to|into|from|with|fast|quickly|along|past|up|down|again|yet|until|till|his|her|their|a muscle|an inch)\b",
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
            DistantMarkerSuppresses = true,
        },
        // Classic opioid-overdose signs: an overdose even when no drug is named.
        new("overdose.opioid-signs", Overdose,
            @"\b(?:lips|face|fingers|fingernails|nails|skin) (?:are |is |look |looks |look kind of |seem |went )?(?:kinda |kind of |sort of |a little |all |real |really |so )?(?:turning |gone |going )?(?:blue|purple|gray|grey)\b|\bturning blue\b|\b(?:blue|purple|gray|grey) lips\b|\blips (?:are |went |going |turning |gone )(?:dark|black)\b|\b(?:he|she|they|he's|she's|they're|the baby|my (?:\w+ )?(?:brother|sister|son|daughter|husband|wife|boyfriend|girlfriend|partner|friend|mom|dad|roommate|cousin)) (?:just )?(?:went|gone|turned|turning|going) (?:blue|grey|gray|purple)\b|\bpinpoint pupils\b|\b(?:fish out of water|guppy|agonal) breathing\b|\bbreathing like a fish\b|\b(?:snoring|gurgling) (?:weird|strange|sound|noise|loud)|\b(?:weird|strange|loud) (?:snoring|gurgling)")
        {
            InformationSuppresses = true,
            // "Went blue in the face yelling at the ref": anger, not a lack of air.
            NotBefore = @" in the face (?:from |yelling|screaming|shouting|arguing|laughing|talking|at)",
        },
        new("overdose.collapsed", Medical,
            $@"\b{People} (?:\w+ ){{0,2}}(?:passed out|collapsed|is unconscious|blacked out|went limp|is limp|fell and)\b|\b(?:passed out|collapsed|unconscious) and (?:won't|can't|isn't|not)\b")
        {
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
            DistantMarkerSuppresses = true,
        },

        // ---- Severe withdrawal happening now ----
        new("withdrawal.seizure-now", Withdrawal,
            @"\b(?:having|is having|started having|i'm having|keep having|think i'm having|going into) (?:a |an |another )?(?:seizure|seizures|fit|fits|convulsions)\b|\b(?:seizing|convulsing|seizuring|seizing up)\b|\bjust had (?:a |another )?(?:seizure|fit)\b|\b(?:feel like|feels like|think|about to|going to|i'm going to|i'll) (?:i'm going to |i'm about to |i'll |i might )?(?:seize|seize up|have a seizure|have a fit|start seizing)\b")
        {
            InformationSuppresses = true,
        },
        new("withdrawal.seizure-past", Withdrawal, @"\bhad (?:a |another |two |three )?(?:seizure|seizures|fit|fits)\b")
        {
            // "had fits of laughter / of rage": not seizures.
            NotBefore = @" of\b",
            Tense = RuleTense.PastDefaultHistory,
            InformationSuppresses = true,
        },
        // A seizure placed in the last hours is a withdrawal emergency even without "had" or "having": "seizure earlier,
        // alone", "two seizures this morning".
        new("withdrawal.seizure-recent", Withdrawal,
            @"\b(?:seizure|seizures|convulsions) (?:earlier|today|tonight|this (?:morning|afternoon|evening)|last night|yesterday|(?:an|one|two|a few|a couple of|\d+) hours? ago)\b")
        {
            InformationSuppresses = true,
            NotBefore = @" (?:in|on) (?:my|his|her|their|life|the)\b",
        },
        // Seizures counted in the last hours, or "just had one", the word said elsewhere ("how long till the seizures stop?
        // had two today").
        new("withdrawal.seizures-counted", Withdrawal,
            @"\b(?:had|having|been having) (?:\d+|two|three|four|a couple|a few|several|more) (?:of them )?(?:today|tonight|this (?:morning|afternoon|evening)|since (?:last night|this morning|yesterday)|in the last (?:day|few hours|hour))\b|\b(?:i|he|she) just had (?:one|another)\b")
        {
            OnlyWithContext = @"\b(?:seizures?|fits|convulsions)\b",
        },
        // Seizures since the drinking or the pills stopped, or seized again: "two seizures since I stopped the vodka
        // yesterday", "went cold turkey and seized again tonight".
        new("withdrawal.seizure-since-stopping", Withdrawal,
            @"\b(?:seizures?|seized|seizing|fits|convulsions|convulsed)(?: [\w']+){0,4} since (?:i|he|she|they|we|my \w+) (?:stopped|quit|put down|came off|went off|gave up|last drank|had (?:a|my|his|her) last drink)\b|\b(?:seized|convulsed|seized up) (?:again|twice|today|tonight|this morning|this afternoon|earlier|last night)\b")
        {
            InformationSuppresses = true,
            NotBefore = @"(?: [\w']+){0,3} (?:in (?:19|20)\d\d|years ago|last year|back then|back in)\b",
            NotInside = @"\bfits of\b",
        },
        // A seizure on day N of stopping: "day 3 off the bromazolam and I had a fit at work".
        new("withdrawal.seizure-days-off", Withdrawal, @"\b(?:had (?:a |another )?(?:seizure|fit)|seized|convulsed)\b")
        {
            OnlyWithContext = @"\bday (?:\d|one|two|three|four|five|six|seven) (?:off|without|of (?:no|quitting|detox|withdrawal|coming off))\b|\b(?:\d|one|two|three|four|five) days? (?:off|without) (?:the |my |any )?[\w']+\b",
            InformationSuppresses = true,
            NotBefore = @"(?: [\w']+){0,3} (?:in (?:19|20)\d\d|years ago|last year|back then|back in)\b",
        },
        new("withdrawal.hallucinating", Withdrawal,
            @"\b(?:hallucinating|hallucinatin|halucinating|hallucinating)\b|\b(?:seeing|hearing) (?:things|stuff|voices|people|bugs|spiders|shadows|kids|children|faces|animals|snakes|rats|someone|a man|men|a woman|figures|dead people)(?: that| who)? (?:aren't|are not|isn't|that aren't|who aren't)\b|\b(?:i'm|i am|keep|started|been) (?:seeing|hearing) (?:things|stuff|voices|bugs|spiders)\b|\bhearing voices\b|\b(?:bugs|things|spiders|ants) (?:are )?crawling (?:on|under|all over|in)\b")
        {
            InformationSuppresses = true,
        },
        new("withdrawal.hallucinated", Withdrawal, @"\b(?:hallucinated|had hallucinations|saw things|heard voices)\b")
        {
            Tense = RuleTense.PastDefaultHistory,
            InformationSuppresses = true,
        },
        new("withdrawal.gated-signs", Withdrawal,
            @"\b(?:(?:body|arms?|legs?|hands?) (?:\w+ )?(?:jerking|twitching|spasming|convulsing)|(?:jerking|twitching|spasming) (?:uncontrollably|all over|non ?stop|so bad)|muscle (?:jerks|jerking|twitches|spasms)|(?:about to|going to|gonna) (?:pass out|faint|black out)|(?:doesn't|don't|didn't|can't|does not|do not) (?:even )?(?:recognize|recognise|know) (?:me|us|anyone|anybody|who (?:i am|she is|he is|they are|we are)|where (?:she|he|they) (?:is|are))|(?:seeing|see|saw|hearing) (?:\w+ )?(?:bugs|spiders|snakes|rats|mice|ants|shadows|things|faces|voices|stuff|devil|devils|demons?|ghosts?|figures)|(?:is |are )?not (?:knowing|recognising|recognizing) (?:who|me|us|anyone|anybody|his own|her own)|(?:seeing|see|saw|keep seeing) (?:my |his |her )?dead (?:\w+)|i (?:think i )?(?:blacked out|passed out|fainted) for a (?:minute|second|sec|bit|few)|(?:talking|talks) to (?:people|someone|somebody) (?:who |that )?(?:is |are )?(?:isn't|aren't|not) there|(?:seeing|see|saw) (?:people|someone|somebody|faces) (?:\w+ ){0,4}(?:who|that) (?:aren't|are not|isn't|is not|wasn't|weren't) (?:really )?there|(?:bugs|spiders|snakes|ants|rats|roaches)(?: (?:bugs|spiders|snakes|ants|rats|roaches))* (?:everywhere|all over (?:the|my) (?:walls?|floor|bed|room|skin|arms|body)|on the (?:\w+ )?(?:walls?|ceiling)|in (?:the|my) (?:walls?|bed))|(?:hearing|hear|heard|seeing|see) (?:stuff|things|voices|people) (?:nobody|no one|noone) else (?:hears|can hear|sees|can see))\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            OnlyWithContext = $@"\b{WithdrawalContext}\b",
        },
        new("withdrawal.dts", Withdrawal, @"\b(?:dts|dt's|delirium tremens|delirium)\b")
        {
            InformationSuppresses = true,
            // "Before, I have DTs in Poland… now I drink again slowly": told as the past.
            DistantMarkerSuppresses = true,
            NotAfter = @"\bhad (?:the )?|\bever (?:get|had|have) (?:the )?|\b(?:history|hx) of (?:the |bad |severe )?",
        },
        new("withdrawal.confused", Withdrawal, @"\b(?:so|really|very|super|totally|completely|getting|gotten|i'm|i am|he's|she's|is) (?:confused|disoriented)\b")
        {
            InformationSuppresses = true,
            OnlyWithContext = @"\b(?:withdraw\w*|detox\w*|quit|stopped|shaking|shakes|sweating|drinking|drink|xanax|benzos?|alcohol|booze|sober|dope ?sick|kicking|cold turkey|throwing up|vomiting|puking|can't keep (?:anything|nothing|food|water|fluids|it) down)\b",
        },
        // Not keeping fluids or medicines down while coming off something, or with an illness that needs them: dehydration
        // and missed doses are a same-day medical matter ("dope sick, can't keep my insulin down").
        new("withdrawal.cant-keep-down", Withdrawal,
            @"\b(?:can't|cannot|can not|couldn't|not able to|unable to|haven't been able to) keep (?:anything|nothing|any ?thing|food|water|fluids|liquids|my (?:meds|medication|medicine|pills|insulin)|(?:meds|medication|medicine)) down\b|\bhaven't (?:eaten or drunk|eaten or drank|had (?:any ?thing|food or water)|drunk|drank|had) (?:any ?thing|water|fluids)?(?: to drink)? (?:in|for) (?:two|three|four|five|2|3|4|5) days\b")
        {
            OnlyWithContext = $@"\b(?:{WithdrawalContext}|diabet\w*|insulin|blood sugar|sugar|seizure meds|pregnan\w*|confused|dizzy|fainting|passed out|(?:two|three|four|2|3|4) days)\b",
            InformationSuppresses = true,
        },
        new("withdrawal.confused-after", Withdrawal,
            @"\b(?:withdraw\w*|detox\w*|quit|stopped|shaking|shakes|sweating|drinking|xanax|benzos?|alcohol|booze)\b.*\b(?:confused|disoriented)\b|\bdon't know where (?:i am|i'm at|i'm)\b|\bdon't know what (?:day|year) it is\b")
        {
            InformationSuppresses = true,
        },
        new("withdrawal.shaking", Withdrawal,
            @"\bcan't stop (?:shaking|trembling|throwing up|vomiting)\b|\b(?:shaking|trembling|shakes are|tremors are) (?:so |really |very )?(?:bad|badly|uncontrollably|like crazy|violently|so hard)\b|\buncontrollable (?:shaking|trembling|tremors)\b|\b(?:severe|really bad|terrible|horrible|scary) (?:withdrawal|withdrawals|shakes|tremors)\b|\b(?:my |the )?withdrawals? (?:is|are) (?:so |really |very |getting )?(?:bad|severe|intense|scary|dangerous|worse)\b|\b(?:sweating|sweats) and (?:shaking|shakes|trembling)\b|\b(?:shaking|trembling) and (?:sweating|sweats|throwing up|vomiting)\b|\bheart (?:is )?(?:racing|pounding) (?:and|so)\b")
        {
            InformationSuppresses = true,
        },

        // ---- Danger to others (or from others): 911 ----
        new("danger.threat", Danger,
            $@"\b(?:going to|want to|will|i'll|about to|plan to|planning to|thinking about|thinking of|feel like|ready to|gonna|might|may|snap and|afraid i'll|scared i'll|afraid i might|scared i might|urge to|urges to) (?:kill|killing|hurt|hurting|stab|stabbing|shoot|shooting|strangle|choke|beat up|attack|murder) (?:him|her|them|someone|somebody|people|everyone|everybody|anyone|my {Kin}|that (?:guy|girl|man|woman|person|dude|bitch|bastard)|a (?:cop|teacher|kid|person))\b")
        {
            // "The drive there will kill him", "it's going to kill her": a thing, not a person, is doing it. "What do you do
            // when a client tells you he's going to hurt someone": a case someone in the field asks about, not one told.
            NotAfter = @"\b(?:if|when|whenever) (?:a|an|one of your|some) (?:\w+ )?(?:patient|client|member|resident|student|participant|person|kid|teen|someone|somebody) (?:says|tells you|tells staff|tells us|tells a counselor|mentions|admits|announces|starts saying|threatens)(?: that)?(?: they| he| she| they're| he's| she's| they are| he is| she is)? $|\b(?:the|this|that|my|our|your)(?: \w+)? (?:drive|commute|trip|ride|walk|flight|wait|heat|cold|bill|bills|price|cost|stress|traffic|paperwork|schedule|food|smell|noise|news|hangover|workload|stairs|hike|workout|overtime|deadline|deadlines|shift|shifts|hours|job|project|exam|test|diet|gym|humidity|weather)(?: [\w']+| (?:to|from|into|in|at|on) (?:[\w']+ ){0,2}[\w']+)? |\b(?:it|it's) ",
            // "I feel like hurting my dealer's business model": what is someone's, not the person.
            NotBefore = @"'s (?:[\w']+ ){0,2}(?:business|model|sales|profits?|money|wallet|pockets?|feelings|ego|pride|reputation|career|numbers|bottom line|ratings|chances)\b",
        },
        new("danger.weapon-threat", Danger, @"\b(?:have|got|grabbed|holding|bought|has|with|loaded) (?:a|my|his|her|the) (?:gun|knife|weapon|pistol|rifle|shotgun)\b")
        {
            DistantMarkerSuppresses = true,
            OnlyWithContext = @"\b(?:kill|hurt|shoot|threat\w*|scared|afraid|use it|coming|going to|pointing|waving|outside|at the door|in the driveway|waiting for me|won't leave)\b",
        },
        new("danger.weapon-drawn", Danger, @"\b(?:pointing|waving|pulled) a (?:gun|knife)\b"),
        new("danger.victim", Danger,
            $@"\b{Aggressor} (?:is |are |keeps |keep |just |has been )?(?:threatening|threatened) (?:to (?:kill|hurt|shoot) )?(?:me|us|my)\b|\b{Aggressor} (?:is|are|keeps|keep|just|has been|started) (?:hit|beat|choked|attacked) (?:me|us|my)\b|\b(?:afraid|scared) (?:that )?(?:he|she|they|my {Kin})(?:'ll| will| is going to| might| are going to|'s going to) (?:kill|hurt) (?:me|us|my)\b|\b(?:don't|do not) feel safe (?:at home|here|with (?:him|her|them)|right now|in my house)\b|\bnot safe (?:at home|in my (?:home|house))\b|\bunsafe at home\b")
        {
            Negatable = false,
        },
        // Someone beating a relative now, told by the one who hears it: "my stepdad is drunk and beating my mom". Beating
        // someone at cards or a game is not.
        new("danger.beating-someone-now", Danger,
            @"\b(?:is|he's|hes|she's|shes|they're|are|keeps|keep|started|and|now|still) (?:[\w']+ )?(?:beating|hitting|punching|choking|strangling|kicking|slapping|stomping) (?:on )?(?:my|our) (?:mom|mum|mother|mommy|mummy|mama|ma|dad|father|sister|brother|grandma|grandmother|nan|wife|girlfriend|husband|boyfriend|baby|little (?:brother|sister))\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            NotBefore = @"(?: [\w']+)? (?:at|in) (?:cards|chess|pool|checkers|darts|\w+ball|the game|games?|fortnite|video games|a race|racing|arm wrestling|everything)\b",
        },
        // A weapon swung or pointed at someone now: "swinging a knife at my husband in the kitchen".
        new("danger.weapon-at-someone", Danger,
            @"\b(?:swinging|waving|pointing|jabbing|slashing|brandishing|aiming) (?:a |the |his |her |their )?(?:knife|machete|bat|gun|pistol|rifle|shotgun|axe|hammer|broken bottle|bottle|blade) (?:around )?at (?:me|us|my|him|her|them|the kids|everyone)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Armed and looking for the writer: "my ex is in the dining room with a gun looking for me".
        new("danger.armed-and-looking", Danger,
            @"\b(?:with|has|got|carrying|holding) (?:a |his |her |their |the )?(?:gun|knife|pistol|rifle|shotgun|machete|bat|axe|weapon) (?:[\w']+ ){0,3}(?:looking for|coming for|hunting for|searching for|after) (?:me|us|my|the kids)\b")
        {
            DistantMarkerSuppresses = true,
        },
        // A knife or a gun grabbed by someone paranoid or high: "six days on meth, convinced people are in the walls, and he
        // grabbed a knife".
        new("danger.grabbed-weapon", Danger, @"\b(?:grabbed|picked up|got out|pulled out|is holding|has) (?:a|the|his|her|a kitchen) (?:knife|gun|bat|machete|axe|hammer|pistol|rifle|shotgun)\b")
        {
            OnlyWithContext = @"\b(?:high|meth|tweaking|drunk|wasted|paranoid|convinced|voices|psychosis|psychotic|in the walls|after (?:me|us)|screaming|raging|threaten\w*)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Fire threatened with people inside: "says he'll burn the house down with us inside, he has gas cans".
        new("danger.burn-house-down", Danger, @"\b(?:burn|torch|set fire to) (?:the|our|my|this) (?:house|place|apartment|trailer|home)(?: down)?\b")
        {
            OnlyWithContext = @"\b(?:with (?:us|me|everyone|the kids|them) (?:inside|in it|in there)|gas cans?|gasoline|lighter fluid|matches|threaten\w*|says he'll|says she'll|said he'll|said she'll|swears)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Scalded on purpose: "my partner just threw boiling water at me".
        new("danger.scalded", Danger, @"\b(?:threw|thrown|poured|tossed|splashed) (?:boiling|scalding|hot) (?:water|oil|coffee|grease|tea) (?:at|on|over) (?:me|us|my|him|her|them)\b")
        {
            DistantMarkerSuppresses = true,
        },
        // A child taken by someone drunk or threatening: "he's drunk, he has my baby and says I'll never see her again".
        new("danger.child-taken", Danger, @"\b(?:took|taken|has|grabbed|snatched|ran off with|drove off with|left with) (?:my|our) (?:baby|son|daughter|kids|children|child|toddler|little \w+)\b")
        {
            OnlyWithContext = @"\b(?:drunk|high|wasted|never see (?:him|her|them) again|driving off|drove off|won't give (?:him|her|them) back|gun|knife|threaten\w*|in the car and)\b",
            DistantMarkerSuppresses = true,
        },
        // Locked in by someone and stuck there now: "my girlfriend locks me in the apartment when she goes to buy, I'm stuck
        // in here now".
        new("danger.locked-in-by-someone", Danger, @"\b(?:locks|locked|keeps|has) me (?:locked )?(?:in|inside)\b")
        {
            OnlyWithContext = @"\b(?:right now|stuck|can't get out|cant get out|won't let me (?:out|leave)|wont let me (?:out|leave)|trapped|no way out|locked in (?:right )?now)\b",
            DistantMarkerSuppresses = true,
        },
        // Driving drunk or high with children in the car, or just driven off that way: "my wife is driving drunk with the
        // baby in the car", "dad just drove away wasted with my little brothers in the truck".
        new("danger.driving-drunk-with-kids", Danger,
            @"\b(?:driving|drove|drove off|drove away|took off|is behind the wheel|got behind the wheel)(?: [\w']+){0,2} (?:drunk|wasted|hammered|high|loaded|blacked out|smashed|blasted|tanked|plastered)\b|\bdrunk driving\b")
        {
            OnlyWithContext = @"\b(?:kids|baby|babies|children|child|toddler|(?:my|our|his|her) (?:little )?(?:brothers?|sisters?|son|daughter|grandkids?|boy|girl)|the (?:boys|girls))\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        new("danger.victim-hitting", Danger,
            $@"\b{Aggressor} (?:is |are |keeps |keep |just |has been |started |been |always )?(?:hitting|beating|hurting|choking|attacking|punching|kicking|strangling) (?:me|us|my)\b|\b{Aggressor}(?:'s)? (?:is |are |keeps |just |has )?(?:currently |still |now |right now )?(?:holding|grabbing|dragging|pulling|yanking|got|has) me by (?:the|my) (?:hair|throat|neck)\b|\b{Aggressor}(?:'s)? (?:has |got |'s got |have )(?:me|us|my (?:\w+ )?(?:daughter|son|kids?|wife|husband|mom|mother|dad|sister|brother|baby|girlfriend|boyfriend)) (?:cornered|trapped|backed into a corner|locked in)\b|\b{Aggressor}(?:'s)? (?:is |are |has )?(?:currently |still |now |right now )?(?:pinning|pinned|holding) me (?:down|against the (?:wall|floor|door))\b")
        {
            Negatable = false,
            NotBefore = @" (?:up|out|off)\b",
        },
        // Thrown or shoved just now: "he just threw me down the stairs" (its own rule: the one above is at the engine's size limit).
        new("danger.victim-thrown", Danger, $@"\b{Aggressor} (?:just |has just |just now )?(?:threw|pushed|shoved|kicked|dragged) me (?:down|into|against|through|off|out of|across)\b")
        {
            Negatable = false,
            DistantMarkerSuppresses = true,
            // "Pushed me into signing up": persuaded, not shoved.
            NotBefore = @" (?:signing|going|doing|getting|trying|taking|quitting|coming|joining|calling|treatment|rehab|this|it|therapy|counseling|the program|a program|the idea)\b",
        },
        // Abuse told in the present simple is still going on: "my husband hits me when he drinks", "he beats me".
        new("danger.victim-habitual", Danger,
            $@"\b{Aggressor} (?:always |still |often |sometimes |usually |also )?(?:beats|hits|chokes|punches|kicks|strangles|slaps|smacks) (?:me|us)\b")
        {
            Negatable = false,
            // "beats me at chess", "beat me to it", "beat me home": a game or a race. "Beats me at home" or "in front of the
            // kids" is not.
            NotBefore = $@" (?:every time )?{BeatenAtAGameOrRace}\b",
        },
        // A break-in happening now: "someone broke in and my husband is fighting them".
        new("danger.break-in", Danger, @"\b(?:someone|somebody|a guy|a man|some guy|some man|people|they|two guys) (?:just )?(?:broke|is breaking|are breaking|broken|trying to break) in(?:to (?:the|our|my) (?:house|home|apartment|place|room))?\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Threats of serious violence against the writer: "threatened to strangle me", "says the other one is next".
        new("danger.threatened-me", Danger, @"\bthreatened to (?:kill|strangle|choke|shoot|stab|hurt|beat|burn) (?:me|us|my)\b|\bsays (?:the other (?:one|side|arm|leg|wrist|hand)(?: is|'s)?) next\b")
        {
            Negatable = false,
        },
        // "Says I'm next" is a threat only beside violence; at the barber's or the DMV it is a queue.
        new("danger.says-im-next", Danger, @"\bsays (?:i'm|im|i am|i'll be|you're|we're) next\b")
        {
            Negatable = false,
            OnlyWithContext = @"\b(?:hit|hits|hitting|beat|beats|beating|broke|hurt|hurts|kill\w*|chok\w*|punch\w*|slap\w*|stab\w*|shot|shoot\w*|gun|knife|bruises?|bleeding|threat\w*|scared|afraid)\b",
        },
        new("danger.attack-now", Danger,
            @"\b(?:came|coming|comes|went|lunged) at (?:me|us|him|her|my \w+) with (?:a|an|his|her|the) (?:knife|gun|bat|bottle|broken bottle|hammer|machete|weapon|blade|crowbar|box ?cutter|razor|screwdriver|scissors|tire iron)\b|\b(?:put|had|wrapped|got|put both|had both) (?:his|her|their|both|both his|both her) hands (?:around|round|on) (?:my|her|his|their) (?:neck|throat)\b|\b(?:is|are|keeps|keep|just|started|been) (?:hitting|beating|punching|kicking|choking|strangling|attacking|stabbing|shooting at) (?:his|her|their) (?:wife|girlfriend|husband|boyfriend|partner|kids?|son|daughter|baby|mom|dad)\b|\b(?:waving|pointing) (?:a|the|his|her) (?:knife|gun|weapon) at (?:me|us|him|her|my \w+)\b|\b(?:husband|wife|boyfriend|girlfriend|partner|dad|father|stepdad|mom|mother|brother|son|ex|boss|uncle|neighbou?r) (?:is|keeps|just|started|has been) (?:hitting|beating|punching|kicking|choking|strangling|attacking|stabbing) (?:him|her|them)\b|\b(?:shoot|shooting|blow|blowing) up (?:my|the|that|his|her|our) (?:work|job|school|office|workplace|store|church|plant|shop)\b")
        {
            Negatable = false,
        },
        new("danger.relayed-threat", Danger,
            $@"\b{Aggressor} (?:\w+ ){{0,4}}(?:said|says|say|keeps saying|keep saying|told me|texted(?: me)?|swore|yelled|is saying|saying|screamed|screaming) (?:that )?(?:he'll|she'll|they'll|hell|shell|he's|she's|they're|he|she|they|he would|she would|they would) (?:is |are |will |would |going to |is going to |gonna )?(?:kill|hurt|shoot|stab|beat|choke|strangle|murder) (?:me|us|my)\b|\bthreatening (?:to (?:kill|hurt|shoot|stab|beat) )?(?:me|us|my (?:kids|children|family|baby|life))\b|\b{Aggressor}(?: is| are)? (?:\w+ )?(?:following|stalking|chasing) (?:me|us)\b|\b{Aggressor}(?: is| are)? (?:\w+ )?(?:banging on|pounding on|kicking in|trying to (?:get in|break in|kick in|break down)) (?:the|my|our) (?:door|window)s?\b|\b(?:someone|somebody) (?:is )?(?:trying to )?break(?:ing)? in\b")
        {
            // "Nobody is threatening me" (or "following me or threatening me") is said to rule danger out.
            NotAfter = @"\b(?:nobody|no one|noone|no-one)(?:'s)? (?:is |was |has been |has ever been |ever )?(?:\w+ (?:me |us )?(?:or|and|nor) )?$",
            // "…says she'll kill me if I eat her leftovers lol": a conditional laughed off. A partner's or ex's threat is
            // never read that way (danger.partner-threat).
            // "My mom says she'll kill me if I don't clean my room": a chore's figure of speech.
            NotBetween = [("", @" if (?:[\w']+ ){0,10}(?:lol|lmao|haha\w*|hehe|jk|rofl)\b"), ("", @" if (?:i|we|he|she|they) (?:[\w']+ ){0,3}(?:clean|room|homework|chores|dishes|curfew|fries|leftovers|snacks|charger|car keys|shirt|sweater|game|dinner|grades)\b")],
        },
        // The same threat with its condition first: "he said if I go to treatment he'll kill me". Laughed off after it
        // ("she says if I eat her fries she'll kill me haha"), it is a figure of speech.
        // Coming back armed to a place: "come back with his piece and light this place up".
        new("danger.shoot-up-place", Danger, @"\b(?:light|shoot) (?:this|the|that|our|your) (?:place|building|office|clinic|school|house|club|bar|party|lot) up\b|\bcome back (?:here )?with (?:a|his|her|my|the|their) (?:gun|piece|strap|pistol|rifle|shotgun|knife|machete)\b")
        {
            NotBefore = @" with (?:christmas|lights|candles|color|colour|joy|love|music|laughter)\b",
        },
        new("danger.relayed-conditional-threat", Danger,
            $@"\b{Aggressor} (?:\w+ ){{0,4}}(?:said|says|keeps saying|told me|texted(?: me)?|swore|yelled|is saying) (?:that )?if (?:[\w']+ ){{1,6}}(?:he'll|she'll|they'll|hell|shell|he|she|they|he would|she would|they would) (?:will |would |is going to |is gonna |going to |gonna )?(?:kill|hurt|shoot|stab|beat|choke|strangle|murder) (?:me|us|my)\b")
        {
            NotBefore = @"(?: [\w']+){0,4}[.,!]? ?(?:lol|lmao|haha\w*|hehe|jk|rofl)\b",
        },
        new("danger.partner-threat", Danger,
            @"\b(?:husband|wife|boyfriend|girlfriend|partner|ex|fiance|fiancee|baby ?daddy|baby ?mama|dealer|plug|pimp|stepdad) (?:\w+ ){0,4}(?:said|says|keeps saying|told me|texted(?: me)?|swore|yelled|is saying) (?:that )?(?:if (?:[\w']+ ){1,6})?(?:he'll|she'll|they'll|hell|shell|he's|she's|they're|he|she|they|he would|she would|they would) (?:is |are |will |would |going to |is going to |gonna )?(?:kill|hurt|shoot|stab|beat|choke|strangle|murder) (?:me|us|my)\b")
        {
            Negatable = false,
        },
        // Someone drunk or high about to drive a child: "my dad is about to drive my little brother to practice and he's wasted".
        new("danger.impaired-driver-with-child", Danger,
            @"\b(?:about to|going to|trying to|wants to|insists on|is|keeps) (?:drive|driving) (?:\w+ ){0,4}(?:kids?|son|daughter|brother|sister|baby|children|grandkids?|grandson|granddaughter|nephew|niece|\d+ ?(?:yr|year)s? old)\b|\b(?:getting|get|got|hopping|jumping) (?:in|into|behind) (?:the|my|his|her) (?:car|truck|van|wheel) (?:\w+ ){0,5}(?:kids?|son|daughter|brother|sister|baby|children|grandkids?|daycare|school)\b")
        {
            DistantMarkerSuppresses = true,
            OnlyWithContext = @"\b(?:wasted|drunk|hammered|smashed|trashed|plastered|blackout|blacked out|high|nodding off|can barely stand|slurring|buzzed|tipsy|(?:one|a few|some|two|three|\d+) (?:more )?(?:drinks?|beers?|shots|glasses)|fine to drive)\b",
        },
        // Bones broken by someone: "dad's drunk and already broke two plates and my nose".
        new("danger.injury-inflicted", Danger,
            @"\b(?:broke|broken|busted|fractured|cracked) (?:\w+ ){0,3}(?:and )?(?:my|our) (?:nose|jaw|ribs?|wrist|arm|eye socket|cheekbone|teeth|tooth)\b")
        {
            DistantMarkerSuppresses = true,
            OnlyWithContext = @"\b(?:he|she|they|dad|mom|father|mother|husband|wife|boyfriend|girlfriend|partner|ex|brother|son|stepdad|drunk|wasted|high)\b",
        },
        // Simple past ("he choked me"): a crisis unless a distant or recovery marker says it is history.
        new("danger.was-hurt", Danger, $@"\b{Aggressor} (?:just )?(?:hit|beat|choked|strangled|attacked|stabbed|punched|kicked|threatened|raped|assaulted) (?:me|us)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            NotBefore = $@" {BeatenAtAGameOrRace}\b",
        },

        // Abuse told in few words, the way some Deaf writers and people typing in a hurry do: "husband drunk hit me",
        // "boyfriend again beat me". The subject is a bare relation word with one state word before the verb.
        new("danger.hurt-in-few-words", Danger,
            @"\b(?:husband|wife|boyfriend|bf|girlfriend|gf|partner|ex|dad|father|stepdad|mom|mother|brother|uncle) (?:drunk|high|wasted|angry|mad|again|always|still) (?:\w+ )?(?:hit|hits|beat|beats|choke|chokes|choked|punch|punches|punched|kick|kicks|kicked|hurt|hurts|slap|slapped) (?:me|us|the kids|kids|my|the baby|baby)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            NotBefore = $@" {BeatenAtAGameOrRace}\b",
        },
        // Hiding from someone who is violent now: "I'm hiding in the bathroom, he's drunk and has a knife". Hiding in a
        // room is also how a parent gets five quiet minutes, so a threat, a weapon or violence must be in the message.
        new("danger.hiding-from-someone", Danger,
            $@"\b(?:i'm |i am |im |we're |we are |still |currently |right now |rn )?hiding (?:in|under|inside|behind) (?:the|a|my|our) (?:\w+ ){{0,2}}(?:bathroom|bedroom|closet|room|car|truck|basement|attic|garage|shed|bed|laundry room|freezer|cooler|pantry|office|stockroom|storeroom|van|dumpster|counter)\b|\b(?:i'm|i am|im|we're|we are|still|currently) hiding from (?:him|her|them|my {Kin})\b|\blocked (?:myself|ourselves|me and the kids|the kids and me|us) in (?:the|a|my|our) (?:\w+ )?(?:bathroom|bedroom|closet|room|car|basement|office)\b")
        {
            DistantMarkerSuppresses = true,
            OnlyWithContext = @"\b(?:knife|gun|weapon|machete|bat|hit|hits|hitting|beat|beats|beating|hurt me|hurt us|hurting|threat\w*|drunk|wasted|raging|rage|screaming|banging|pounding|kick(?:ing)? (?:in|down)|break(?:ing)? (?:in|down)|chok\w*|strangl\w*|kill (?:me|us))\b",
        },
        // Afraid of the moment a violent person wakes or comes back: "he hit me, now he sleeps, I'm scared when he wakes up".
        new("danger.afraid-when-back", Danger,
            $@"\b(?:afraid|scared|terrified|frightened) (?:of )?(?:when|what happens when|for when|what (?:he|she|they)(?:'ll| will) do when) (?:he|she|they|my {Kin}) (?:wake|wakes|wake up|wakes up|gets home|get home|comes home|come home|comes back|come back|gets back|get back|sobers up|sober up)\b")
        {
            // Afraid now, whatever the message says of how often it happened ("he hit me many times", a distant marker
            // elsewhere); only a fear told in the past or a life apart since makes it history.
            NotAfter = @"\b(?:used to be|was|were|i'd be|always got) (?:always |so |really |very )?",
            UnlessInMessage = @"\b(?:left (?:him|her|them)|(?:years?|months) ago|(?:in|since) (?:19|20)\d\d|divorced|no longer (?:with|together)|moved out|got away|as a (?:kid|child|teen)|growing up|when i was (?:a kid|little|younger|a teen)|used to)\b",
            OnlyWithContext = @"\b(?:hit|hits|hitting|beat|beats|beating|hurt|hurts|threat\w*|knife|gun|chok\w*|strangl\w*|kill|punch\w*|kick\w*|slap\w*|bruises?)\b",
        },

        // ---- A professional's shorthand: "pt endorses SI with plan", "client disclosed HI toward her ex" ----
        // Chart words for suicidal (SI) and homicidal (HI) ideation, said to be present now. Not when denied or told as
        // history ("denies SI/HI", "hx of SI", "no current SI"); "si" alone is Spanish for "if"/"yes", so a clinical verb
        // or "with plan" must be beside it.
        new("clinical.suicidal-ideation", Suicide,
            $@"\b{ClinicalPresent} (?:\w+ ){{0,2}}(?:si|suicidal ideation)\b|\b(?:si|suicidal ideation) (?:with|w/|w) (?:a )?(?:plan|intent|means)\b")
        {
            NotAfter = ClinicalDenial,
            // "What is your protocol if a client discloses SI in group?": a question about the clinic.
            InformationSuppresses = true,
            NotBefore = @" (?:es|no|se|tienen|hay|puedo|quiero|usted|ustedes|el|la|los|las|me|te|lo)\b",
            DistantMarkerSuppresses = true,
        },
        new("clinical.homicidal-ideation", Danger,
            $@"\b{ClinicalPresent} (?:\w+ ){{0,2}}(?:hi|homicidal ideation)\b|\b(?:hi|homicidal ideation) (?:with|w/|w|toward|towards|against) (?:a |an |her |his |their |the )?(?:plan|intent|means|\w+)\b")
        {
            NotAfter = ClinicalDenial,
            // "What is your protocol if a client discloses SI in group?": a question about the clinic.
            InformationSuppresses = true,
            // "reports hi to everyone": a greeting.
            NotBefore = @" (?:to|there|everyone|all|back|from)\b",
            DistantMarkerSuppresses = true,
        },

        // ---- Pregnancy with opioid use or withdrawal: a same-day clinician ----
        new("pregnancy.opioid", Pregnancy,
            @"\b(?:i'm|i am|she's|she is|we're|currently|just found out i'm|just found out she's|my (?:girlfriend|wife|partner|daughter|sister) is) (?:\w+ ){0,3}(?:pregnant|expecting)\b|\bpregnant (?:and|but|while|with|&|y)\b")
        {
            NegatableInside = true,
            NotInside = NotYetPregnant,
            UnlessInMessage = PregnancyToldAsWell,
            OnlyBefore = $@".*\b{Opioid}\b",
            // "when I was pregnant" is history; "can I come if I'm pregnant and on methadone" asks about a case.
            NotAfter = @"\b(?:was|were) (?:\w+ )?|\b(?:if|whether) |\b(?:can|could|may) (?:i|she|we|you|a woman|someone) (?:\w+ ){0,4}(?:while|when) (?:i'm |i am |she's |she is |you're |being )?",
        },
        // A message in single words ("PREGNANT. WITHDRAWAL. HELP.", its punctuation dropped) says it of the writer.
        new("pregnancy.telegraphic", Pregnancy,
            @"^pregnant (?:and |in )?(?:withdrawal|withdrawals|withdrawing|dopesick|dope sick|detoxing|sick)(?: \w+)? (?:help|please|scared|now|asap)\b"),
        new("pregnancy.opioid-first", Pregnancy, $@"\b{Opioid}\b.*\b(?:i'm|i am|she's|she is|we're|and) (?:\w+ ){{0,3}}pregnant\b")
        {
            NegatableInside = true,
            UnlessInMessage = PregnancyToldAsWell,
            // "Used heroin during my first pregnancy … pregnant again": the use belongs to the pregnancy before.
            NotInside = $@"{NotYetPregnant}|\b(?:with|during|in|through|throughout) (?:my|her) (?:first|last|previous|other|earlier|older \w+'s|\w+'s) pregnancy\b",
            // "With my first baby I was on heroin… pregnant again": the same, told by the child.
            NotAfter = @"\b(?:with|when i had|when she had|during|before) (?:my|her) (?:first|last|previous|older|oldest|other) (?:baby|child|kid|son|daughter|one),? (?:[\w']+ ){0,5}",
            // "…pregnant again and clean" tells the use is over.
            NotBefore = @"(?: again)?,? (?:and|but|&) (?:\w+ )?(?:clean|sober|not using|off (?:everything|drugs|it all))\b",
        },

        // A severe headache with the vision changing in pregnancy (the signs of pre-eclampsia), after a stimulant or not.
        new("pregnancy.headache-vision", Pregnancy,
            @"\bheadache(?: [\w']+){0,6} (?:vision|seeing spots|seeing stars|blurry|blurred|can't see|cant see)\b|\b(?:vision|seeing spots|seeing stars|blurry|blurred)(?: [\w']+){0,6} headache\b")
        {
            OnlyWithContext = @"\b(?:pregnant|pregnancy|weeks along|trimester|expecting|months along|\d+ (?:weeks|wks|months) (?:pregnant|along))\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },

        // ---- Other medical emergencies: 911 ----
        new("medical.emergency", Medical,
            @"\bchest (?:pain|pains|hurts|is hurting|has been hurting|been hurting|keeps hurting|feels tight|feels heavy|tightness|is tight|pressure)\b|\b(?:having|had|is having) a stroke\b|\bface (?:is )?drooping\b|\b(?:face|mouth|smile) (?:is |went |going |looks |got )?(?:all )?(?:droopy|drooping|crooked|saggy|sagging) on one side\b|\bone side of (?:my|his|her|their) (?:face|mouth) (?:is |went |has gone |going |feels )?(?:droopy|drooping|limp|dead)\b|\bhalf (?:of )?(?:my|his|her|their) face (?:is |went |has gone |going |feels |just went )?(?:numb|droopy|drooping|limp|dead)\b|\bone side of (?:my|his|her|their) body (?:is |went |has gone |going |feels )?(?:numb|limp|dead|weak)\b|\bblood (?:is )?(?:coming |pouring |leaking |dripping |running )?(?:from|out of) (?:his|her|my|their|the baby's) (?:ear|ears)\b|\b(?:bleeding|bleed) (?:a lot|heavily|badly|bad|so bad|so much|everywhere|really bad|really badly)\b|\b(?:vomiting|throwing up|puking|coughing up|coughing) blood\b|\b(?:i|i'm|i think i) (?:\w+ )?(?:passing out|about to pass out|going to pass out|keep passing out)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            // "about to pass out from boredom in this waiting room": a figure of speech.
            NotBefore = @" (?:from|of) (?:sheer |pure |the )?(?:boredom|how (?:boring|bored|long)|being bored|laughing|laughter)\b",
        },
        // A stroke's face with its speech or strength gone: "his mouth is crooked and he cannot speak good".
        new("medical.stroke-signs", Medical, @"\b(?:mouth|face|smile|lip) (?:is |went |has gone |looks |got |all )?(?:crooked|droopy|drooping|twisted)\b")
        {
            OnlyWithContext = @"\b(?:speak|talk|talking|words|slurr\w*|arm|leg|fell|fall|numb|weak|confused|understand)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Pain that spreads to the jaw or the arm beside the chest or a stimulant.
        new("medical.pain-spreading", Medical,
            @"\b(?:pain|hurts|hurting|pressure|ache) (?:\w+ ){0,4}(?:goes|going|spreading|spreads|moving|moves|radiating|shooting) (?:up |down )?(?:to|into|in|through) (?:my|his|her) (?:jaw|left arm|arm|neck)\b")
        {
            OnlyWithContext = @"\b(?:chest|brest|heart|coke|cocaine|crack|meth|speed|sweat\w*|sweet\w*)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Fallen and unable to get up after using: "i collapsed and now i can't get up".
        new("medical.collapsed-cannot-rise", Medical, @"\bi (?:just )?(?:collapsed|fell|fell down|went down) (?:\w+ ){0,5}(?:can't|cannot|can not) (?:get up|stand|move|feel my legs)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Breathing slowed or strange after a drug: "mixed my klonopin with vodka and my breathing feels really slow".
        new("overdose.breathing-slow", Overdose,
            @"\b(?:breathing|breaths|breathes) (?:is |are |feels |feel |seems |seem |getting |has gotten |sounds |sound |got )?(?:really |so |very |super |kind of |kinda |real )?(?:slow|slower|shallow|weird|funny|strange|wrong)\b")
        {
            OnlyWithContext = $@"{DrugContext}|\b(?:klonopin|ativan|valium|ambien|seroquel|vodka|whiskey|tequila|rum|gin|beer|wine|liquor|mixed|speedball)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Blood sugar dangerously low: "my sugar is 40 and I'm drunk and shaking".
        // A heart racing or hurting after a stimulant: "four days on meth and my heart hurts", "heart at 190 after coke".
        new("medical.stimulant-heart", Medical,
            @"\b(?:my |his |her )?heart (?:hurts|is hurting|really hurts|feels like it's going to explode|feels like it's gonna explode|won't slow down|wont slow down|is racing|has been racing|been racing|keeps racing|is at (?:1[5-9]\d|2\d\d)|rate is (?:1[5-9]\d|2\d\d))\b|\b(?:pulse|heart rate|hr|heart) (?:is |of |at |been at |has been at )?(?:1[6-9]\d|2\d\d)\b")
        {
            OnlyWithContext = @"\b(?:coke|cocaine|crack|meth|speed|adderall|addys?|molly|mdma|ecstasy|stimulants?|uppers|bath salts|flakka|ice|crystal|pre ?workout|vyvanse|ritalin)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Blood in the urine with unbearable pain (a ketamine bladder, a kidney): "peeing blood and the pain is unbearable".
        new("medical.blood-in-urine-pain", Medical, @"\b(?:peeing|pissing|urinating|pee is|urine is|passing) (?:pure |straight |bright red |red )?blood\b")
        {
            OnlyWithContext = @"\b(?:unbearable|can't stand|cant stand|worst pain|excruciating|screaming|agony|can't walk|cant walk|fever|passing out)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // An infection spreading from an injection site: "swollen, hot, red streaks going up and a fever of 104".
        new("medical.spreading-infection", Medical,
            @"\bred (?:streaks?|lines?) (?:going|running|spreading|moving|creeping|up)\b|\bstreaks? (?:going|running|spreading) up (?:my|his|her|the) (?:arm|leg)\b")
        {
            OnlyWithContext = @"\b(?:fever|shooting|shot up|injection|injecting|needle|abscess|swollen|hot to the touch|pus)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // One pupil larger than the other (after a fall or a blow to the head): "one pupil is huge".
        new("medical.uneven-pupils", Medical,
            @"\bone (?:of (?:his|her|my|their) )?pupils? (?:is )?(?:bigger|huge|larger|blown|dilated|way bigger)\b|\bpupils? (?:are |is )?(?:different|uneven|not the same) sizes?\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        new("medical.low-sugar", Medical, @"\b(?:blood )?(?:sugar|glucose|bg|bs) (?:is |is at |at |of |reads |reading |dropped to |down to |was )?[1-5]\d\b")
        {
            OnlyWithContext = @"\b(?:diabetic|diabetes|insulin|shaking|shaky|confused|can't think|cant think|sweating|dizzy|drunk|passing out)\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // A heart attack's signs in plain words: a weight on the chest, the left arm numb beside the chest or a stimulant.
        new("medical.heart-attack-signs", Medical,
            @"\b(?:elephant|truck|weight|someone) (?:is )?(?:sitting|standing|pressing|crushing) on (?:my|his|her) chest\b|\bchest feels like (?:an elephant|a truck|a weight|someone|something heavy)\b|\b(?:my |his |her )?left arm (?:is |went |has gone |going |feels |keeps going )?(?:numb|tingly|tingling|heavy|dead)\b")
        {
            OnlyWithContext = @"\b(?:chest|heart|jaw|coke|cocaine|crack|meth|speed|sweating|sweaty|can't breathe|short of breath)\b",
            // "an elephant sitting on my chest whenever I think about court": a worry's weight.
            NotBefore = @" (?:\w+ )?(?:when|whenever|every time|each time|thinking|from (?:the )?(?:stress|anxiety|worry|worrying))\b",
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Too short of breath to speak: "so short of breath i can't finish a sentence".
        new("medical.breathless", Medical,
            @"\bshort of breath (?:that )?(?:i|he|she|they) (?:can't|cannot|can not|can barely) (?:finish|talk|speak|get (?:a|my|the) (?:sentence|words) out|walk)\b|\b(?:can't|cannot|can barely) (?:finish a sentence|get a sentence out|get words out) (?:\w+ ){0,3}(?:breath|breathe|breathing)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Bleeding that goes on is an emergency whatever caused it (a cut, a wound, a fall): "the bleeding won't stop".
        // A sudden worst-ever headache (a bleed or a stroke) and a racing heart after stimulants.
        // A wound that needs care now, asked about or not: "probably needs stitches", "it's gaping open".
        new("medical.wound-needs-stitches", Medical, @"\b(?:needs?|might need|probably needs?|should get|will need) stitches\b|\bgaping(?: open)?\b")
        {
            DistantMarkerSuppresses = true,
            OnlyWithContext = @"\b(?:cuts?|cutting|cut myself|wound|bleeding|blade|razor|arm|wrist|leg|thigh|opening|scared to look)\b",
        },
        new("medical.worst-headache", Medical, @"\bworst headache of my life\b|\bheart (?:feels like (?:it's|its|it is) )?(?:gonna|going to|about to) (?:explode|burst|beat out of my chest)\b|\bheart (?:is )?(?:doing|at|going|racing at) (?:like )?(?:1[6-9]\d|2\d\d) ?(?:bpm)?\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        new("medical.bleeding-wont-stop", Medical,
            @"\b(?:bleeding|blood) (?:won't|will not|doesn't|does not|isn't going to|can't|hasn't) (?:\w+ )?stop(?:ped)?\b|\bwon't stop bleeding\b|\bcan't (?:get (?:it|the bleeding|the blood) to )?stop (?:the )?bleeding\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
        },
        // Bleeding, contractions or a baby that stopped moving during a pregnancy need 911, whatever else the person asks.
        new("medical.pregnancy-danger", Medical,
            @"\b(?:i'm|i am|i've been|ive been|been|she's|she is|she's been|started|keep|still) (?:\w+ ){0,2}(?:bleeding|spotting|cramping|having contractions|leaking fluid)\b|\bpregnant (?:and |but )?(?:\w+ )?bleeding\b|\b(?:the |my |her )?baby (?:isn't|is not|hasn't been|stopped|has stopped|won't|doesn't|not|hasn't|has not) (?:\w+ )?(?:moving|kicking|moved|kicked)\b|\bcan't feel (?:the|my|her) baby (?:move|moving|kick|kicking)\b|\b(?:my|her) water (?:just )?broke\b|\b(?:cramps|cramping) and (?:spotting|bleeding)\b|\b(?:spotting|bleeding) and (?:cramps|cramping)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            NotAfter = @"\b(?:was|were|got) ",
            // "I'm pregnant but I'm ok, no bleeding or anything": the sign denied.
            // "I'm not having contractions or anything": the same, said with "not".
            NotInside = @"\bno (?:bleeding|spotting|cramping|contractions)\b|\b(?:not|never|isn't|ain't) (?:[\w']+ )?(?:bleeding|spotting|cramping|having (?:any )?contractions|leaking)\b",
            OnlyWithContext = @"\b(?:pregnant|pregnancy|\d+ (?:weeks|wks|months)|weeks along|trimester|expecting|due date|water (?:just )?broke|embarazada)\b",
        },
        // "I nearly had a heart attack when I saw the bill": a figure of speech, in either tense.
        new("medical.heart-attack", Medical, @"\b(?:having|is having|just had) a heart attack\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            NotAfter = AlmostHadOne,
            NotBefore = @" (?:when|after|because|at) (?:i|my|the|we|he|she)\b",
        },
        // The same in the past tense, where an age or a year told makes it history ("had a heart attack at 42 from coke.
        // I'm 48 now"); "is having a heart attack at 62 years old" stays the rule above's.
        new("medical.heart-attack-had", Medical, @"\b(?:had|has had) a heart attack\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            NotAfter = AlmostHadOne,
            NotBefore = @" (?:when|after|because) (?:i|my|the|we|he|she)\b| at (?:(?:my|his|her|the) age|the age of)\b| (?:at (?:age \d+|\d\d (?:from|years old|yrs old)\b)|in (?:19|20)\d\d\b|(?:\w+ )?(?:years?|yrs?) ago\b|last year\b)| (?:[\w']+ ){0,4}and (?:lived|survived|pulled through|made it|recovered|came back)\b",
        },
        new("medical.cant-breathe", Medical, @"\b(?:can't|cannot|can not|hard to|trouble|struggling to|difficulty|hardly|barely) (?:breathe|breathing)\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            NotBefore = @" (?:through|out of|thru) (?:my|the|his|her|their) nose| (?:through|thru) (?:it|one nostril)\b",
        },
        new("medical.head-injury", Medical, @"\b(?:hit|banged|bumped|smashed|cracked|split) (?:his|her|my|their) head\b")
        {
            InformationSuppresses = true,
            DistantMarkerSuppresses = true,
            OnlyWithContext = @"\b(?:throwing up|vomiting|puking|confused|passed out|knocked out|unconscious|won't wake|bleeding|dizzy|can't|seizure|not making sense|slurring)\b",
        },
        // Losing consciousness now: the room or one's sight going black, passing out again and again ("the room keeps
        // going black"). A screen or a phone going black is not this. Said beside a question ("do you do payment plans?
        // also the room keeps going black") it still counts, and "what do I do, he keeps passing out" is a call for 911.
        new("medical.fading-out", Medical,
            @"\b(?:room|everything|my vision|vision|my eyes|my sight)(?:'s| is| keeps| kept| keep)? (?:going|turning|fading) (?:black|dark)\b|\bkeep(?:s)? (?:blacking|passing) out\b"),
        // Fainting more than once in a row ("she's passed out twice now", "he fainted again"): a sign for 911 however it
        // began; after drugs it is read as an overdose. "Twice" is itself a distant marker ("I've overdosed twice"), so
        // this rule does not consult those; a time told after it ("twice last year", "in college") makes it history.
        new("medical.fainted-again", Medical,
            $@"\b(?:{People}|i|i've|and|then|just|now)(?:'s| has| have)? (?:\w+ )?(?:passed out|fainted|blacked out|collapsed|gone down) (?:\w+ )?(?:twice|two times|three times|again|a second time|more than once|a couple (?:of )?times|a few times|several times)\b")
        {
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
            NotBefore = ThenNotNow,
        },
        // Skin gone pale or grey and clammy: the look of shock, beside which nothing else needs to be said (and often
        // next to "passed out twice", so a count of times does not make it history either).
        new("medical.shock-signs", Medical, @"\b(?:pale|grey|gray|ashen|white|blue) (?:and|&) (?:clammy|cold and clammy|sweaty and cold)\b|\bclammy (?:and|&) (?:pale|grey|gray|ashen|cold|confused|barely)\b")
        {
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
            NotBefore = ThenNotNow,
        },
        new("medical.fainted", Medical, @"\b(?:i|i think i) (?:\w+ )?fainted\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
        },
        // "I blacked out" is usually a drinking memory: history unless a recent marker ("just", "an hour ago").
        new("medical.blacked-out", Medical, @"\b(?:i|i think i) (?:\w+ )?blacked out\b")
        {
            Tense = RuleTense.PastDefaultHistory,
            InformationSuppresses = true,
        },

        // Finishing what one started, beside a hospital stay or an attempt ("once they discharge me I'll finish what I started");
        // finishing the programme, school or a degree is not this.
        new("suicide.finish-what-started", Suicide, @"\bfinish (?:what i started|what i began|the job i started)\b")
        {
            OnlyWithContext = @"\b(?:hospital|discharg\w*|psych\w*|ward|attempt\w*|tried|pills|this time|didn't work|woke up)\b",
            NotBefore = @" (?:with |in |at )?(?:the |my |this )?(?:program|programme|treatment|school|degree|ged|course|classes|iop|recovery|therapy|rehab)\b",
        },

        // ---- Other languages: the plainest statements of wanting to die or to kill oneself, so a person who writes in
        // their own language in a crisis still gets the emergency answer (the reply is in English or Spanish, with 911 and
        // 988). Written as the normaliser leaves them: lower case, accents folded ("não" → "nao", "chcę" → "chce").
        // Portuguese, French, Haitian Creole, Italian, German, Polish, Vietnamese, Tagalog and romanised Hindi/Urdu.
        new("intl.suicide-wish", Suicide,
            @"\b(?:eu )?(?:quero morrer|quero me matar|vou me matar|vou me suicidar|nao quero mais viver|vou tirar (?:a )?minha (?:propria )?vida|penso em suicidio|pensando em (?:me matar|suicidio))\b"
            + @"|\b(?:je veux mourir|j'ai envie de mourir|je vais me (?:tuer|suicider)|je veux me (?:tuer|suicider)|je ne veux plus vivre|je pense au suicide)\b"
            + @"|\b(?:mwen|m) (?:vle|anvi) mouri\b|\b(?:mwen|m) (?:pral|ap|pra) touye tet (?:mwen|m)\b"
            + @"|\b(?:voglio morire|mi voglio uccidere|voglio uccidermi|non voglio piu vivere|voglio farla finita)\b"
            + @"|\b(?:ich (?:will|mochte) sterben|ich (?:bringe|werde) mich um|ich will mich umbringen|ich will nicht mehr leben)\b"
            + @"|\b(?:chce umrzec|chce sie zabic|zabije sie|nie chce (?:juz )?zyc)\b"
            + @"|\b(?:toi )?(?:muon chet|muon tu tu|se tu tu)\b|\bkhong muon song nua\b"
            + @"|\b(?:gusto ko (?:na|nang|ng) mamatay|magpapakamatay|papatayin ko (?:ang )?sarili ko|(?:ayoko|ayaw ko) (?:na|nang) mabuhay)\b"
            + @"|\b(?:marna|mar jana|mar jaana) (?:chahta|chahti) (?:hu|hun|hoon|hoo)\b|\bkhudkushi (?:karna|karunga|karungi|kar lunga|kar lungi|kar lu)\b|\b(?:jeena|jina) nahi (?:chahta|chahti)\b")
        {
            // "não quero morrer", "nie chcę umrzeć", "non voglio morire", "không muốn chết": said not to.
            NotAfter = @"\b(?:nao|non|nie|khong|nahi|pa|ne|no|hindi) (?:\w+ )?$",
        },
        // Russian, Ukrainian, Arabic, Chinese, Japanese and Korean (no spaces between words in the last three).
        new("intl.suicide-wish-other-scripts", Suicide,
            @"\b(?:хочу умереть|хочу померти|покончу с собой|покончить с собой|убью себя|не хочу (?:больше )?жить|не хочу (?:більше )?жити)\b"
            + @"|\b(?:اريد ان اموت|بدي اموت|ابغى اموت|ابي اموت|نفسي اموت|راح اقتل نفسي|ساقتل نفسي|سانتحر|بدي انتحر)\b"
            + @"|我想死|想自杀|想自殺|我要自杀|我要自殺|不想活了|活不下去了|死にたい|自殺したい|죽고 ?싶어|죽고 ?싶다|자살하고 ?싶|살고 ?싶지 ?않")
        {
            // "я не хочу умереть", "لا اريد ان اموت": said not to.
            NotAfter = @"(?:^|\s)(?:не|لا) $",
        },
        // Romanised Hindi/Urdu and Tagalog, as people mix them with English: breath failing, someone who won't wake, blood
        // vomited, fainting; a fistful of pills swallowed; fits after stopping drink. Plain statements of what is happening.
        new("intl.medical-now", Medical,
            @"\bsaans (?:nahi (?:aa rahi|aa raha|aa rahi hai|le pa (?:raha|rahi))|lene (?:mein|me|main) (?:bahut )?(?:problem|dikkat|takleef|taklif|mushkil|pareshani)|(?:ruk|atak|phool|band ho) (?:rahi|gayi|gai|raha))\b|\bkhoon ki (?:ulti|ultiyan)\b|\bulti (?:mein|me) khoon\b|\b(?:behosh ho (?:gaya|gayi|gaye)|hosh nahi (?:aa raha|aa rahi|hai))\b|\b(?:utha|uth) nahi (?:raha|rahi|rahe)\b"
            + @"|\bhindi (?:siya |sya |ako |na )?(?:magising|nagigising|gumigising|makahinga|humihinga)\b|\b(?:hirap|nahihirapan) (?:siya |sya |ako |akong |siyang |syang )?(?:huminga|makahinga)\b|\bwalang malay\b|\b(?:sumusuka|nagsusuka) (?:ng )?dugo\b")
        {
            DrugContextMeansOverdose = true,
        },
        new("intl.overdose-pills", Overdose,
            @"\b(?:bahut|bohot|bahot|kaafi|kafi) (?:saari|sari|saare|sare|zyada|jyada|zada) (?:sleeping |neend ki )?(?:goliyan|goliya|goli|pills|tablets|tablet|dawai|dawaiyan) (?:kha|khaa|li|le|nigal)\w*\b"
            + @"|\b(?:uminom|ininom|nilunok|lumunok) (?:siya |sya |ako |ko )?(?:ng )?(?:maraming|madaming|sobrang daming|lahat ng|isang bote ng) (?:pills|gamot|tableta|sleeping pills)\b"),
        // Tagalog: pregnant ("buntis") with bleeding, strong belly pain or a baby that stopped moving; "hindi ako buntis" is not.
        new("intl.pregnancy-danger", Pregnancy, @"\bbuntis\b")
        {
            OnlyWithContext = @"\b(?:dugo|dinudugo|nagdudugo|duguan|dinugo|(?:ang )?sakit ng (?:tiyan|tyan|puson)|(?:sobrang )?masakit (?:ang |na )?(?:tiyan|tyan|puson)|hindi (?:na )?gumagalaw (?:ang )?(?:baby|bata)|hinimatay|nahimatay)\b",
            NotAfter = @"\b(?:hindi|di) (?:\w+ )?$",
        },
        new("intl.withdrawal-fits", Withdrawal,
            @"\b(?:daure|daura|dore|dora|mirgi) (?:pad|pade|padne|padh|aa|aaye|aane|aa rahe|aa raha|aaya)\w*\b"),

        // ---- Spanish: the most common crisis statements (accents are folded by the normaliser: "tomé" → "tome") ----
        new("es.suicide-wish", Suicide,
            @"\b(?:quiero|quisiera|deseo|me quiero|voy a|pienso en|estoy pensando en|he pensado en|pense en|pensaba en|he estado pensando en|sigo pensando en|ando pensando en|estuve pensando en|tengo ganas de|ganas de) (?:morir|morirme|matarme|suicidarme|quitarme la vida|colgarme|acabar con (?:mi vida|todo)|desaparecer para siempre)\b|\bme (?:quiero|voy a) (?:matar|morir|suicidar|quitar la vida)\b|\bsuicidarme\b|\bpensamientos suicidas\b|\bquitarme la vida\b|\bacabar con mi vida\b")
        {
            // "me quiero morir de la vergüenza / de risa / de hambre": an idiom, like "I could die of embarrassment".
            NotBefore = @" de (?:la |el )?(?:verguenza|pena|risa|hambre|sueno|calor|frio|aburrimiento|ganas|nervios|envidia|amor|gusto|cansancio|celos|sed)\b",
            // "¿atienden a personas que han tenido pensamientos suicidas?": who the program takes, asked about others.
            NotAfter = @"\b(?:personas|gente|pacientes|quienes|alguien) (?:que (?:han tenido|hayan tenido|tuvieron|tienen|tengan|tenga|ha tenido)|con) (?:historial de |antecedentes de )?$",
        },
        new("es.suicide-no-life", Suicide,
            @"\bmejor (?:muerto|muerta)\b|\bestarian mejor sin mi\b|\bno (?:quiero|vale la pena) (?:vivir|seguir viviendo|estar vivo|estar viva|despertar)\b|\bno (?:tengo|hay) (?:razon|razones|motivo|motivos) para vivir\b|\bya no (?:puedo|aguanto) mas\b")
        {
            Negatable = false,
        },
        // Searching for a way, in Spanish: "está buscando en internet cómo matarse", "formas de quitarme la vida".
        new("es.searching-ways", Suicide,
            @"\b(?:como|formas? de|maneras? de|metodos? para) (?:matarse|suicidarse|matarme|suicidarme|quitarme la vida|quitarse la vida)\b"),
        new("es.farewell", Suicide, @"\b(?:mi carta de despedida|carta de despedida|mi ultima noche|adios a todos|ya me voy para siempre)\b|\b(?:ya )?(?:regale|estoy regalando|he regalado) (?:todas )?mis cosas\b|\bme (?:despedi|estoy despidiendo) de (?:mis hijos|mi familia|todos|mi mama|mi madre)\b"),
        // A goodbye said with not being there any more ("solo quería despedirme, ya no voy a estar"); a goodbye at the end
        // of a chat ("quería decir adiós y gracias") is not this.
        new("es.farewell-gone", Suicide,
            @"\b(?:queria|quiero|quise|vengo a|nomas|solo|para) (?:\w+ )?(?:decir(?:les|te|le)? adios|despedirme|decirles adios)\b|\badios (?:a todos|para siempre)\b")
        {
            OnlyWithContext = @"\bya no (?:voy a|vaya a|iba a|pienso) (?:estar|existir)\b|\bya no (?:estare|existire)\b|\bno (?:voy a|vaya a) estar (?:aqui|mas|vivo|viva|mucho tiempo)\b|\bpara siempre\b|\bno me (?:van|vas|vayan) a ver\b|\bultima vez\b",
        },
        new("es.self-harm-now", Suicide, @"\bme estoy (?:quemando|cortando|lastimando|haciendo dano|haciendo daño|golpeando)\b|\bme (?:quemo|corto|lastimo) (?:con|otra vez|todas las noches|cada noche)\b"),
        // Someone up high saying they will jump ("está arriba del techo gritando que se va a tirar"), or a car to be crashed
        // on purpose ("voy a estrellar el carro contra un árbol").
        new("es.will-jump", Suicide, @"\b(?:se va a|se quiere|dice que se va a|amenaza con) (?:tirar|aventar|lanzar)\b|\b(?:tirarse|aventarse|lanzarse) (?:del|de la|desde)\b")
        {
            OnlyWithContext = @"\b(?:techo|azotea|puente|edificio|balcon|ventana|piso|tren|metro|barranco|acantilado|cerro)\b",
        },
        new("es.crash-on-purpose", Suicide,
            @"\b(?:voy a|me voy a|quiero|pienso|pensando en|ganas de) (?:estrellar|chocar|estampar) (?:el|mi|la|su) (?:carro|coche|auto|camion|camioneta|trailer|troca|moto) (?:contra|en)\b|\b(?:voy a|quiero|pienso|pensando en|ganas de) (?:estrellarme|chocarme|estamparme) (?:contra|en|con)\b"),
        // Shut in with a blade or a gun: "mi hijo está encerrado en el baño con una navaja y no quiere salir".
        new("es.locked-in-with-means", Suicide, @"\bencerrad[oa] (?:en (?:el|la|su|mi) )?(?:\w+ )?(?:con|y tiene) (?:una|un|la|el|unas|sus|mis) (?:navaja|cuchillo|pistola|arma|cuchilla|soga|pastillas|escopeta)\b"),
        new("es.drunk-driving", Danger, @"\b(?:esta|está|va|anda|sigue) manejando (?:borracho|borracha|drogado|drogada|tomado|tomada|pedo|pisto)\b|\bmanejando (?:borracho|borracha|drogado|drogada) con\b"),
        // Someone hurting the children or another relative now.
        new("es.danger-hurting-family", Danger,
            @"\b(?:esta|estan) (?:golpeando|pegando|lastimando|ahorcando|pateando|amenazando) a (?:los ninos|los nenes|los chamacos|mis hijos|mis ninos|mi hijo|mi hija|la bebe|el bebe|mi mama|mi madre|mi hermana|mi abuela|mi esposa)\b"),
        // No longer needing anything after tonight.
        new("es.not-after-tonight", Suicide,
            @"\b(?:ya )?no (?:voy a necesitar|necesitare|voy a ocupar|ocupare|voy a estar) (?:\w+ ){0,3}despues de (?:esta noche|hoy|manana)\b"),
        // "¡Socorro!" or "¡auxilio!" as the whole message is a cry for help, not a question (both are also names and places,
        // so only alone).
        new("es.cry-for-help", Danger, @"^(?:socorro|auxilio)(?: (?:socorro|auxilio|por favor|porfavor|porfa|ayuda|ayudenme|ayudame|rapido|urgente))*$"),
        // Finishing what one started, said beside a hospital stay or an attempt: "cuando me den de alta voy a terminar lo que
        // empecé". Finishing the programme or school is not this.
        new("es.finish-what-started", Suicide, @"\bterminar (?:con )?lo que (?:empece|comence|deje a medias|intente)\b")
        {
            OnlyWithContext = @"\b(?:hospital|alta|me (?:den|dan|dieron) de alta|psiquiatric\w*|intento|intente|pastillas|esta vez|otra vez|no funciono|desperte)\b",
            NotBefore = @" (?:con |en |de )?(?:el |la |mi |los |las )?(?:programa|tratamiento|escuela|carrera|curso|estudios|iop|recuperacion|terapia)\b",
        },
        new("es.someone-suicidal", Suicide, @"\bse (?:quiere|va a) (?:matar|suicidar|quitar la vida)\b|\bquiere (?:matarse|suicidarse|morirse|quitarse la vida)\b"),
        // A plan told about someone else ("tiene un plan para…"), as a counselor or a relative reports it.
        // Everything ready to do it ("tiene todo listo para matarse"), told of someone else or of oneself.
        new("es.someone-plan", Suicide, @"\bplan(?:eado)? (?:para|de) (?:suicidarse|matarse|quitarse la vida)\b|\bplanea (?:suicidarse|matarse|quitarse la vida)\b|\btodo (?:listo|preparado) para (?:suicidarse|suicidarme|matarse|matarme|quitarse la vida|quitarme la vida)\b"),
        new("es.chest-pain", Medical, @"\b(?:me duele|le duele) (?:mucho )?el pecho\b|\bdolor (?:fuerte )?(?:en el|de) pecho\b"),
        new("es.withdrawal", Withdrawal, @"\b(?:veo|escucho|oigo) (?:cosas|voces|bichos|animales|gente|aranas|insectos|ratas|serpientes|culebras|sombras|hormigas|cucarachas)\b|\b(?:hablando|habla|hablo|platicando) con (?:gente|personas|alguien|nadie|gente muerta) que no (?:esta|estan|existe|existen|hay)\b|\b(?:esta|anda|sigue|estoy|ando|sigo) (?:viendo|oyendo|escuchando) (?:cosas|voces|bichos|animales|gente|aranas|insectos)\b|\bconvulsiono\b|\btemblores (?:muy )?(?:fuertes|graves|horribles)\b|\b(?:tuve|tiene|tuvo|esta teniendo|tengo|estoy teniendo|le dan|me dan) (?:una |unas )?convulsion(?:es)?\b")
        {
            InformationSuppresses = true,
        },
        new("es.pregnancy", Pregnancy, @"\b(?:estoy|esta) embarazada\b")
        {
            // As in English, methadone or buprenorphine taken as prescribed is treatment, not the red flag ("estoy embarazada
            // y en metadona, ¿me aceptan?"); missed, stopped, run out or bought on the street, it is.
            OnlyWithContext = @"\b(?:abstinencia|heroina|fentanilo|fentanyl|opioides|opiaceos|pastillas)\b|\b(?:sin|se me acabo|se me acabaron|se acabo|no tengo|no me dieron|no me dan|me quitaron|me cortaron|deje|dejo|dejar|no he tomado|no tome|perdi|falte a)(?: (?:la|mi|su|el|las|mis|los|de|tomar|dosis))* (?:metadona|suboxone|dosis)\b|\b(?:metadona|suboxone)(?: [\w]+){0,3} (?:de la calle|en la calle|se me acabo|se acabo|no me la dan)\b|\bcerr\w+ (?:la |mi )?clinica\b",
            UnlessInMessage = PregnancyToldAsWell,
            NegatableInside = true,
        },
        // Someone else cutting or hurting themselves ("mi hija se cortó las venas", "se está cortando otra vez"): told by a
        // relative, often with a question after it ("¿cómo puedo ayudarla?"), which must not turn it into a question.
        new("es.someone-self-harm", Suicide,
            @"\bse (?:corto|corta|ha cortado|cortaba|lastimo|lastima|quemo|quema|rajo) (?:las venas|los brazos|el brazo|las munecas|la muneca|las piernas|los muslos|la piel|a proposito)\b|\bse esta (?:cortando|lastimando|quemando|haciendo dano)\b|\bquiere (?:cortarse|lastimarse) (?:las venas|otra vez)\b")
        {
            NotBefore = @" (?:el|los|las|la|su|sus) (?:pelo|cabello|unas|barba|dedo|dedos)\b| (?:cocinando|con (?:el|un) (?:papel|vidrio roto de la cocina))\b",
            Tense = RuleTense.PastDefaultCrisis,
        },
        new("es.self-harm", Suicide,
            @"\b(?:cortarme|me (?:estoy )?cortando|me corte|hacerme dano|me hago dano|lastimarme|me lastime|me quiero lastimar|me quiero cortar)\b")
        {
            // "Ya no tengo pensamientos de hacerme daño": the thoughts are gone (the negator is four words back).
            NotAfter = @"\b(?:ya no|no|nunca) (?:tengo|tiene|he tenido|ha tenido|siento) (?:\w+ )?(?:pensamientos|ganas|ideas|impulsos) de ",
            InformationSuppresses = true,
        },
        new("es.overdose-past", Overdose, @"\b(?:tuvo|tuve|le dio|me dio) una sobredosis\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
            InformationSuppresses = true,
        },
        new("es.overdose", Overdose,
            @"\b(?:tiene|esta teniendo|creo que (?:tiene|es)) una sobredosis\b|\b(?:tome|me tome|se tomo|tomo|me trague|se trago) (?:muchas|demasiadas|todas las|todas mis|un monton de|un frasco de|el frasco de|un bote de) (?:pastillas|pildoras|medicinas|medicamentos)\b|\bno (?:respira|despierta|reacciona)\b|\b(?:me tome|se tomo|me trague|se trago|me acabe|se acabo) (?:todo el|el|un) (?:frasco|bote|blister) (?:entero|completo)\b|\b(?:me tome|se tomo|me trague|se trago|me acabe|se acabo|me he tomado|se ha tomado|me he tragado|se ha tragado|me he acabado|se ha acabado) todo el (?:frasco|bote|blister)\b|\b(?:me tome|se tomo|me trague|se trago|me meti|se metio) (?:como |unas |unos |mas de |casi )?(?:1\d|[2-9]\d|\d{3}|diez|once|doce|trece|catorce|quince|veinte|treinta|cuarenta|cincuenta|cien) (?:pastillas|pildoras|clonazepam|clonas|rivotril|xanax|alprazolam|tafil|diazepam|valium|tramadol|zolpidem|ambien)\b|\b(?:me|se) las (?:tome|trague|tomo|trago)(?: yo)?,? todas\b|\blabios (?:azules|morados)\b|\b(?:tome|tomo|me meti|use|uso) demasiad[oa]s?\b.*\bno (?:puedo|puede) respirar\b|\bno (?:puedo|puede) respirar bien\b")
        {
            InformationSuppresses = true,
        },
        new("es.suicide-means", Suicide,
            @"\b(?:me voy a (?:tirar|aventar|lanzar)|(?:voy a|quiero) (?:tirarme|aventarme|lanzarme|saltar|brincar)|me (?:quiero|voy a) (?:tirar|aventar|lanzar)) (?:del|de (?:un|el|la)|desde (?:un|el|la)) (?:puente|edificio|techo|azotea|balcon|ventana)\b|\b(?:me voy a|voy a|quiero) (?:tomar|tomarme) (?:todas|todas las|todas mis) (?:pastillas|pildoras)\b|\btengo (?:todo )?(?:planeado|un plan) (?:para|de) (?:matarme|morir|quitarme la vida|acabar con todo|suicidarme)\b|\bya (?:lo )?tengo todo planeado\b|\btengo (?:la|una|el|mi) (?:soga|cuerda|pistola|arma|escopeta) (?:aqui|lista|listo|preparada|preparado|conmigo|en la mano)\b|\btengo (?:la|una|mi) (?:navaja|cuchilla) (?:lista|preparada|en la mano)\b|\bdormir y no (?:despertar|despertarme)\b|\bya no quiero estar aqui\b|\bme quiero ir para siempre\b"),
        // A rope already got ("ya compré la soga"); not one bought for the swing, the washing or the farm.
        new("es.suicide-rope-ready", Suicide, @"\bya (?:compre|consegui|tengo|amarre|colgue) (?:la|una) soga\b|\b(?:compre|consegui) (?:la|una) (?:soga|cuerda) para (?:ahorcarme|colgarme|matarme|acabar)\b")
        {
            NotBefore = @" (?:para|pa|pal|del|de la) (?:el|la|los|las|un|una|tender|amarrar|atar|subir|jalar|mi|tu|su|columpio|ropa|rancho|barco|caballo|vaca|camion|perro)\b",
        },
        new("es.someone-no-life", Suicide,
            @"\b(?:dice|dijo) que (?:no quiere vivir|se quiere morir|quiere morirse|se va a matar|ya no quiere seguir|estariamos mejor sin (?:el|ella))\b|\bno quiere (?:vivir|seguir viviendo)\b"),
        new("es.overdose-signs", Overdose,
            @"\bno (?:se )?(?:despierta|responde|reacciona)\b|\b(?:esta|se puso) (?:morad[oa]|azul|inconsciente)\b|\brespira (?:muy )?(?:lento|poco|raro)\b|\b(?:tirad[oa]|desmayad[oa]) en el (?:piso|suelo)\b|\besta teniendo una sobredosis\b")
        {
            // "no responde mis mensajes" is a worry, not a collapse.
            NotBefore = @" (?:a |mis |los |las |el |la |sus |nada|bien|cuando)",
            InformationSuppresses = true,
        },
        // Someone lying still after a fall or using: "no se mueve", "ya no se mueve" (not "no se mueve de la cama", a low mood).
        new("es.not-moving", Medical, @"\bno se (?:mueve|esta moviendo|levanta)\b")
        {
            NotBefore = @" (?:de|del|para|a|al|mucho|nada|bien|cuando|sin|hasta|temprano)\b",
            InformationSuppresses = true,
            DrugContextMeansOverdose = true,
        },
        new("es.withdrawal-severe", Withdrawal,
            @"\b(?:esta|estoy) (?:temblando|alucinando|convulsionando)\b|\b(?:esta|estoy) viendo cosas\b|\b(?:ve|veo|oye|oigo) (?:cosas|bichos|animales|gente|voces)\b(?: \w+){0,8} (?:tiembla|temblando)|\b(?:tiembla|temblando) (?:\w+ ){0,8}(?:ve|veo|oye|oigo) (?:cosas|bichos|animales|gente|voces)\b|\b(?:le|me) (?:dan|dio|estan dando) convulsiones\b")
        {
            InformationSuppresses = true,
        },
        new("es.pregnancy-danger", Pregnancy, @"\bembarazada\b|\b(?:\w+ )?meses de embarazo\b")
        {
            OnlyWithContext = @"\b(?:sangrando|sangre|sangrado|contracciones|el bebe no se mueve|no siento al bebe|no se mueve el bebe|dolor (?:muy )?fuerte|mucho dolor|me duele (?:mucho|demasiado)|me voy a desmayar|me desmaye|se desmayo|esta desmayada|se cayo desmayada)\b",
            NegatableInside = true,
            InformationSuppresses = true,
        },
        new("es.medical", Medical,
            @"\bno (?:puedo|puede) respirar\b|\bel corazon (?:me )?(?:late|va) (?:muy |demasiado )?(?:rapido|fuerte)\b|\bme voy a desmayar\b|\b(?:vomitando|vomito) sangre\b|\b(?:estoy|esta|sigo|sigue) sangrando (?:mucho|bastante|demasiado|sin parar)\b|\b(?:me|lo|la|le) (?:apunalaron|acuchillaron|dispararon|balearon)\b")
        {
            InformationSuppresses = true,
        },
        new("es.danger", Danger,
            @"\b(?:me|nos|la|lo) (?:esta|estan) (?:pegando|golpeando|amenazando|ahorcando|ahogando)\b|\bnos quiere matar\b|\bme amenaza con (?:un|una|matarme)\b|\bme quiere matar\b|\bamenazo con matar(?:me|nos)\b|\btiene (?:un|una) (?:pistola|arma|cuchillo)\b|\bvoy a matar(?:lo|la|los|las)\b|\b(?:va a|dice que va a|dijo que va a) (?:volver|venir|regresar) con (?:un|una|el|la|su) (?:pistola|arma|cuchillo|machete|navaja)\b"),
        // A threat with a weapon: "me amenazó con un cuchillo" (past, so a distant marker such as "hace años" makes it history).
        new("es.threatened-with-weapon", Danger,
            @"\b(?:me|nos) (?:amenazo|amenazaba|amenaza|esta amenazando|persiguio|persigue|ataco|vino) con (?:un|una|el|la|su) (?:cuchillo|pistola|arma|navaja|machete|bate|botella)\b")
        {
            Tense = RuleTense.PastDefaultCrisis,
        },
        // Hiding from someone violent: "estoy escondida en el baño, está borracho".
        new("es.hiding", Danger,
            @"\b(?:estoy|estamos|sigo|seguimos|ahorita estoy) escondid[oa]s? (?:en|de|debajo|dentro)\b|\bme (?:encerre|escondi) (?:con los ninos |con mis hijos )?en (?:el|la|mi|un|una) (?:bano|cuarto|recamara|closet|carro|cocina|sotano)\b")
        {
            DistantMarkerSuppresses = true,
            OnlyWithContext = @"\b(?:cuchillo|pistola|arma|navaja|machete|pega|pego|pegando|golpe\w*|amenaz\w*|borrach[oa]|drogad[oa]|high|matar\w*|grita\w*|rompiendo|furios[oa]|pateando)\b",
        },
        // "Me va a matar si se entera" is how people say someone will be furious; "dice que me va a matar si lo dejo" is a
        // threat, so told speech always counts (es.danger-told) and the bare phrase counts unless an "if" follows it.
        new("es.danger-kill-me", Danger, @"\b(?:me|nos) (?:va|van) a matar\b")
        {
            NotBefore = @" (?:si|cuando)\b",
        },
        new("es.danger-told", Danger, @"\b(?:dice|dijo|jura|juro|grita|grito|amenaza|amenazo|me escribio|me mando) (?:que )?(?:me|nos) (?:va|van) a matar\b|\b(?:dice|dijo|jura|juro|grita|grito|amenaza|amenazo|me escribio|me mando) que si (?:\w+ ){1,6}(?:me|nos) (?:mata|matara|mataria|va a matar|van a matar)\b"),
        // "Terminar con todo" is ending it all; "terminar con todo esto de las drogas" is ending the drugs.
        new("es.end-it-all", Suicide, @"\b(?:terminar|acabar|termino|acabo|terminare|acabare) con todo\b|\b(?:esta noche|hoy|manana) (?:termino|acabo|terminare|acabare) con esto\b")
        {
            NotBefore = @" (?:esto|eso|lo|el|la|las|los|mi (?:adiccion|consumo|vicio))\b",
        },
        new("es.on-the-edge", Suicide, @"\bestoy (?:en|arriba de|encima de|parad[oa] en|sentad[oa] en) (?:el|la|un|una) (?:puente|azotea|techo|orilla|cornisa|borde)\b")
        {
            OnlyWithContext = @"\b(?:no se por que|adios|perdon|ya no|no puedo|nadie|sol[oa]|me voy a tirar|saltar|ultima)\b",
        },
    ];

    /// <summary>Takes something back: "nvm", "I didn't mean it", "just kidding".</summary>
    public const string Retraction =
        @"\b(?:i )?(?:didn't|did not|don't|do not) (?:really )?mean (?:it|that|what i said|any of (?:it|that))\b|\bnvm\b|\bnever ?mind\b|\b(?:just |only )?(?:kidding|joking|jk|jking)\b|\bi was (?:just )?(?:venting|exaggerating)\b|\bforget (?:it|i said (?:that|anything)|what i said|that)\b|\bignore (?:that|it|me|what i said|my last message)\b|\b(?:not|wasn't|was not) serious\b|\bi'm not (?:actually|really) going to\b|\bthat came out wrong\b";

    /// <summary>Denies suicidality outright: "I'm not suicidal", "I would never hurt myself".</summary>
    public const string ExplicitDenial =
        @"\b(?:i'm|i am) not (?:actually |really |feeling )?(?:suicidal|going to (?:hurt|kill) my ?self|in danger|in crisis)\b|\bi (?:would|will|'d) never (?:hurt|kill) my ?self\b|\bi (?:didn't|did not|haven't|have not) (?:take|taken|use|used|drink|drank|touch|touched|do|done) anything\b|\bno (?:he|she) (?:didn't|did not|hasn't) (?:take|use) anything\b|\b(?:ask|asks|asking|asked|wonder|wonders|wondering|wondered) (?:me )?(?:if|whether) (?:i'm|i am) (?:\w+ )?suicidal(?: or not)? (?:and )?(?:i'm|i am) not\b";

    /// <summary>
    /// Rules danger out in so many words, right before the danger itself: "not gonna OD", "never cut", "zero thoughts of
    /// hurting me", "I don't feel like dying", "isn't violent", "didn't black out". Used only to frame a message for the
    /// learned signal (its pieces must then be surer, <see cref="CrisisFrame.Denial"/>), never to silence a lexicon cue.
    /// At most two words between the negator and the danger, so "I don't care if I die" or "no one would miss me if I died"
    /// is not a denial. The same in Spanish ("no me voy a hacer nada", "no tengo pensamientos de hacerme daño") and in
    /// Caribbean English ("mi nuh waan dead").
    /// </summary>
    public const string DenialFrame =
        @"\b(?:not|never|no|zero|didn't|did not|don't|do not|isn't|is not|wasn't|haven't|have not|won't|will not|not gonna|not going to|aren't|nothing)(?: \w+){0,2} (?:do anything (?:to|stupid|dumb)|doing anything (?:to|stupid|dumb)|hurt|hurting|harm|harming|cut|cutting|od|od'd|overdos\w*|violent|dying|die|kill|killing|ending it|end it|take too much|took too much|black out|blacked out|laid a hand|hearing|seeing things|suicidal|thoughts of (?:hurting|harming|killing|suicide|dying|ending)|wish to die|plan to|eat (?:my|a|the) gun|off my ?self|top (?:my ?self|masel|mysel)|unalive|do (?:my ?self|masel) in)\b|\bno (?:bleeding|spotting|pain|cramps|cramping|contractions|seizures?|fits|shakes|shaking|chest pain|trouble breathing)\b|\b(?:breathing|breathes) (?:just )?(?:fine|normally|normal|okay|ok|good|great)\b|\b(?:awake|conscious) and (?:talking|alert|responding|joking)\b|\bno (?:me )?(?:voy a|pienso|quiero|planeo) (?:hacerme (?:nada|da[ñn]o)|hacer (?:nada|ninguna locura)|matarme|morirme|quitarme la vida|lastimarme)\b|\bno (?:tengo|he tenido) (?:ningun |ningunos |ninguna )?(?:pensamientos?|ideas?|ganas|planes) de (?:hacerme (?:da[ñn]o|nada)|suicid\w*|matarme|morir(?:me)?|lastimarme|quitarme la vida)\b|\bno (?:soy|estoy) (?:suicida|en peligro)\b|\b(?:mi|me) (?:nuh|nah|neva) (?:(?:waan|wan|go|a go) )?(?:dead|die|hurt|kill)\b";

    /// <summary>Words before a match that make it hypothetical ("if someone is overdosing").</summary>
    public const string Hypothetical = @"\b(?:if|in case|whether|when someone|when somebody|when a person|when you|what happens when|ever (?:find|finds|see|sees|come across|walk in on|come home to)|que (?:hago|hacer|debo hacer|se hace|se debe hacer|hay que hacer) si|en caso de que)\b";

    /// <summary>
    /// Asks about a topic ("what is…", "signs of…") or whether the program takes people who have lived through it ("I'm a
    /// case manager, do you accept clients after an overdose"), rather than saying it is happening.
    /// </summary>
    public const string InformationFrame =
        @"^(?:what|what's|how|why|where|when|which|who|is it|is there|are there|does|do you|do your|does your|are your|will your|can your|do people|can you|can people|could you|should you|will you|would you|will it|will there|tell me|explain)\b|\b(?:signs|symptoms|warning signs) (?:of|that|someone|somebody|a person)\b|\bwhat (?:are|is) (?:the )?(?:signs|symptoms)\b|\bhow (?:can|do|would|could) (?:i|you|we) (?:tell|know|spot|recognize|recognise|help)\b|\b(?:tell me|learn|know|read|info|information|facts|questions?) (?:more )?(?:about|on)\b|\bmeaning of\b|\bstand for\b|\bwhat does \w+ mean\b|^(?:como|cuales|cual|donde|cuando|cuanto|cuantos|cuanta|cuantas|hay|tienen|tienen ustedes|que es|que son)\b|^kya (?:aap|ap|aapke|apke|aapka|apka|yahan|yaha)\b|\bque (?:hago|hacer|debo hacer|se hace|se debe hacer|hay que hacer) (?:si|cuando)\b|\b(?:do|does|will|can|would) (?:you|y'all|your (?:\w+ )?(?:program|clinic|team|staff|counselors|therapists|groups?|iop)) (?:\w+ )?(?:take|accept|admit|treat|work with|serve|see|have experience with|know how to (?:work with|help|treat)) (?:patients|people|clients|someone|anyone|folks|those|teens|adults|individuals|veterans|kids|women|men)\b";

    /// <summary>Words that open a sentence before its question starts ("and when do DTs start", "so like is there narcan").</summary>
    public const string SentenceOpening = @"^(?:(?:and|or|so|but|also|like|plus|ok|okay|oh|um|well|then|just|btw|anyway|anyways|y|o|pero) )+";

    /// <summary>Says the thing is happening to the writer or someone with them right now, so a question is not just a question.</summary>
    public const string FirstPersonNow =
        @"\b(?:i'm (?:having|feeling|seeing|hearing|shaking|bleeding|overdosing|pregnant|so|really|not|going to|about to|starting|getting|in)|(?:i'm|i am|she's|she is) (?:\d+|\w+) (?:weeks?|wks|months?) (?:pregnant|along)|i am (?:having|feeling|pregnant|so|really|not|going to|about to)|i've been|i feel|i keep|i just|i took|i think i|right now|at the moment|currently|as we speak|(?:he's|she's|they're|he is|she is|they are) (?:not|having|pregnant|so|really|seeing|shaking|barely|going|still|turning|making)|my \w+ (?:is|isn't|won't|can't|keeps|just|has been|'s been)|(?:he|she|they) (?:has|have) been|(?:he's|she's|they've) been|(?:he|she|they) (?:\w+ )?(?:himself|herself|themselves|themself) again|(?:a|an|one|two|three|four|\d+|a few|a couple of|couple) (?:hours?|hrs?|days?) ago|(?:is|are) still (?:really |so |very )?(?:out of it|unconscious|passed out|not (?:right|breathing|waking up|responding)|barely (?:awake|breathing)|confused|throwing up|shaking)|estoy|ahora|ahorita|me tome)\b";

    /// <summary>Years counted in seasons or holidays: "three Christmases ago", "two summers ago".</summary>
    private const string SeasonsAgo = "(?:christmases|thanksgivings|easters|summers|winters|springs|birthdays|semesters|seasons)";

    /// <summary>"Back then", "back when", "back in" before a time ("back in college", "back in 2019", "back in the army"), not "go back in".</summary>
    private const string BackThen =
        @"back (?:then|when|in (?:the day|those days|that time|(?:19|20)\d\d|the \w+s|\d0s|\d0's|(?:high school|middle school|college|school|the (?:army|military|navy|service|marines|war)|my|his|her|their|our) ?\w*))";

    /// <summary>
    /// Places what a clause tells firmly in the past: years or months ago, a year, a decade of life, childhood, "used to",
    /// "back when". Read only in the clause of a match (see <see cref="ClauseStillMarker"/>). Deliberately narrower than
    /// <see cref="DistantMarker"/>: "last week" and "a while ago" are not here, because a suicide attempt last week is
    /// recent risk, not history.
    /// </summary>
    public const string ClauseHistoryMarker =
        $@"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|many|several|a few|few|a couple of|couple of|couple) (?:years?|yrs?|months|{SeasonsAgo}) ago|(?:\d+|many|several|some) years back|(?:in|around|back in) (?:19|20)\d\d|in (?:my|his|her|their) (?:\d0s|\d0's|teens|twenties|thirties|forties|fifties|sixties)|(?:when|while) (?:i|he|she|we|they) (?:was|were) (?:a kid|a child|a teen|a teenager|younger|little|in (?:high school|middle school|college|the army|the military|active addiction|my \w+)|\d+|(?:still )?(?:using|drinking|in the army)|deployed)|{BackThen}|used to|growing up|as a (?:teen|teenager|kid|child)|(?:a )?(?:long|very long) time ago|(?:a )?decades? ago|there (?:was|were) (?:a time|times|a period|a stretch|days|years)|long before (?:we|i|he|she|they) (?:met|married|got (?:married|together)|started dating|had (?:kids|children))|last (?:spring|summer|fall|autumn|winter|year)|hace (?:\w+ )?(?:anos|meses|tiempo)|el ano pasado|en (?:19|20)\d\d|cuando (?:era|estaba))\b";

    /// <summary>Brings a clause back to now, whatever history it also tells: "used to cut and started again", "years ago and still",
    /// "is having a heart attack at 62 years old".</summary>
    public const string ClauseStillMarker =
        $@"\b(?:again|still|now|lately|recently|these days|tonight|today|right now|currently|this (?:week|morning|afternoon|evening)|yesterday|last night|since last|started|starting|back to|relapsed|{AcuteEventNow}|otra vez|ahora|todavia|de nuevo)\b";

    /// <summary>An acute event being had as the person writes: "is having a heart attack at 62 years old" is not history.</summary>
    private const string AcuteEventNow = "(?:is|are|i'm|i am|he's|he is|she's|she is|they're) having (?:a |an )?(?:heart attack|seizure|seizures|stroke|fit|overdose)";

    // A dose taken twice or doubled ("took my evening dose twice") is today's event: it does not make "twice" a count of
    // times past.
    public const string RecentMarker =
        $@"\b(?:{AcuteEventNow}|(?:nobody|no one|noone)(?: is|'s)? (?:coming|answering|picking up)|right now|just now|at the moment|currently|today|tonight|(?:dose|doses|pills?|meds|medication|medicine) (?:twice|two times)|double dos(?:e|ed|ing)|doubled (?:up )?(?:on )?(?:my|his|her|the) (?:[\w']+ )?doses?|this (?:morning|afternoon|evening)|(?:a|an|one|two|three|few|a few|couple|a couple|couple of|a couple of|\d+|half an|twenty|thirty|ten|fifteen) (?:minutes?|mins?|hours?|hrs?) ago|yesterday|last night|earlier|just now|(?:after|despite) (?:\w+ ){{0,2}}(?:days?|weeks?|months?|years?) (?:clean|sober|of sobriety)|just (?:\w*[a-df-z]ed|took|did|had|drank|ate|shot|snorted|smoked|swallowed|used|found|got|woke|fell|cut|hit|saw|came|went|gave|threw|broke|ran|started|stopped|quit|od'd|od))\b";

    /// <summary>
    /// A <see cref="RecentMarker"/> "just" before a feeling or a wish, not a deed: "I'm just scared I'm heading the same way",
    /// "I just wanted to ask". Whole-match only.
    /// </summary>
    public const string JustAFeeling =
        @"^just (?:scared|tired|worried|bored|stressed|exhausted|confused|interested|overwhelmed|depressed|frustrated|annoyed|embarrassed|ashamed|terrified|frightened|concerned|tempted|relieved|pissed|excited|wanted|wondered|hoped|asked|wished|curious)$";

    // The one who "found me when I OD'd" tells the past. ("before" ending a clause is read by CrisisLexiconSignal, which
    // sees the clause marks this pattern cannot.)
    public const string DistantMarker =
        $@"\b(?:(?:years?|yrs?|{SeasonsAgo}) ago|(?:\w+ )?years back|last (?:year|month|summer|winter|spring|fall|autumn|christmas|week|weekend)|months ago|(?:a )?long time ago|a while (?:ago|back)|when (?:i|he|she|we|they) (?:was|were) (?:a kid|a teen|a teenager|younger|little|in (?:high school|college|my twenties|the army|active addiction)|\d+|using|drinking)|(?:at|age) \d+ years old|i'm \d+ now|(?:\d+|\w+) (?:years|months) (?:clean|sober|ago)|(?:in|en) (?:19|20)\d\d|{BackThen}|in the past|used to|as a (?:teen|teenager|kid)|twice|(?:a few|several|many|\w+) times(?: before)?|before$|before that|(?:found|saved|narcanned|revived) (?:me|him|her|them) when (?:i|he|she|they) (?:od'd|oded|od'ed|overdosed)|previously|growing up|in my (?:twenties|teens|thirties)|(?:freshman|sophomore|junior|senior) year|in (?:high school|middle school|college|university|uni)|hace (?:\w+ )?(?:anos|meses|tiempo)|el ano pasado|cuando (?:era|estaba))\b";

    /// <summary>"once" is a distant marker ("I overdosed once") except where it is not about the past; see <see cref="OnceNotPast"/>.</summary>
    public const string Once = @"\bonce\b";

    /// <summary>
    /// "take them all at once", "breathing once every few seconds", "once a week", "once more" — and "once" joining a clause
    /// ("once my roommate leaves", "once everyone's asleep", "once i get home"): that "once" means "as soon as", and what
    /// follows it is often the plan, not the past.
    /// </summary>
    public const string OnceNotPast = @"\bat once\b|\bonce (?:every|a|an|per|or twice|in a while|more|again)\b|\bonce (?:i|i'm|i've|you|he|she|they|we|it|it's|its|he's|she's|they're|we're|my|his|her|their|our|the|everyone|everybody|everyone's|nobody|no one|all|this|that)\b";

    public const string RecoveryMarker =
        @"\b(?:doing (?:much |so much |a lot )?(?:better|well|ok|okay|great|fine|good)|(?:is|are|was) (?:ok|okay|fine|alright|better|good) now|(?:i'm|i am|he's|she's|they're) (?:ok|okay|fine|alright|better|good|doing well|safe) now|recovered|survived|made it|pulled through|(?:clean|sober) (?:for (?:over |almost |nearly |about |more than |like |a good |a solid )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few|couple|a couple|many|some|long|so long|a long|a while|ages|years?|months?|weeks?|days?)\b|since|now)|in recovery|got help|(?:has been|is|was|went) (?:in|to) (?:treatment|rehab)|passed away|died|lost (?:him|her|them|my \w+)|(?:his|her|their|the|a|at|from|since|after) funeral|\w+'s funeral|anniversary|esta (?:limpio|limpia|sobrio|sobria)|(?:ya|ahora|por fin|gracias a dios|pero|el|ella|todo) esta bien|esta bien (?:ahora|ya|de salud|gracias)|esta bien$|(?:llevo|lleva|tengo|tiene) (?:\w+ ){0,3}(?:limpio|limpia|sobrio|sobria)|en recuperacion|(?:i'm|im|i am) not (?:cutting|harming|hurting) (?:myself )?any ?more|no longer (?:cut|cutting|harm|harming|hurt|hurting|suicidal)|(?:that's|thats|that is|it's|its|it is) (?:all )?behind (?:me|us|him|her|them))\b";

    public const string DrugContext =
        @"\b(?:pills?|xanax|bars|benzos?|fentanyl|fent|heroin|dope|oxy\w*|percs?|percocets?|opioids?|opiates?|meth|coke|cocaine|crack|drugs?|high|using|used|shot up|snorted|smoked|injected|took|drank|drunk|did (?:a )?(?:line|bump|shot|hit)s?|alcohol|booze|molly|ecstasy|mdma|ketamine|k2|spice|lean|narcan|naloxone|overdos\w*|od|od'd|methadone|suboxone|needle)\b";

    /// <summary>Someone other than the writer is in the message: a pronoun, "my son", "a friend", "someone".</summary>
    public const string BystanderCue =
        @"\b(?:he|she|they|he's|she's|they're|him|her|them|his|their|himself|herself|themselves|my (?:son|daughter|husband|wife|boyfriend|girlfriend|partner|brother|sister|mom|mum|dad|mother|father|friend|roommate|kid|child|baby|cousin|uncle|aunt|grandma|grandpa|grandmother|grandfather|fiance|fiancee|coworker|neighbor|neighbour|niece|nephew|stepson|stepdaughter)|(?:a|my|our|this) (?:friend|buddy|guy|girl|person)|someone|somebody|mi (?:hijo|hija|esposo|esposa|novio|novia|hermano|hermana|amigo|amiga|mama|papa)|ella)\b";

    /// <summary>The writer says the danger is their own: "I took…", "myself", "I can't breathe", "my chest", how many of anyone's pills "would it take".</summary>
    public const string SelfCrisisCue =
        @"\bi (?:just |think i |may have |might have |accidentally )?(?:took|taken|swallowed|popped|snorted|drank|mixed) (?:way |like |about |maybe |a lot |all |too )?(?:too|a|all|my|some|the|\d+|ten|twenty|a bunch|a handful|everything|pills|bars|xanax|fent|dope|half|two|three|four|five|six|more|extra)\b|\bi (?:overdosed|od'd|od)\b|\bi'm (?:overdosing|od'ing|dying|shaking|seeing|hearing|bleeding|passing out|fading|so dizzy|not safe|scared|going to die|cutting)\b|\bi (?:want|need|plan|planning) to (?:die|kill|end|hurt|cut|disappear)\b|\bi'm going to (?:die|kill|end|hurt|cut)\b|\bmy ?self\b|\bi (?:can't|cannot|can not) (?:breathe|stay awake|keep my eyes open|feel my|stop shaking|move|see straight|think straight)\b|\bmy (?:heart|chest|lips|breathing|vision|hands|body|arms|wrists?)\b|\bi feel\b|\bme (?:quiero|voy|tome)\b|\bquiero morir|\bmatarme\b|\bhow (?:many|much) (?:[\w']+ ){0,6}(?:would it take|does it take|will it take|would i need|do i need)\b|\bi (?:just )?want (?:it|everything|it all) (?:all )?(?:to )?(?:be )?(?:quiet|over|done|to stop)\b|\bend(?:ing)? my (?:own )?life\b|\b(?:before|when|after|once) i (?:go|do it|die|end it|jump|take (?:them|it|the pills))\b|\bi(?:'ve| have)? (?:decided|made up my mind)\b|\bi have (?:a plan|a date)\b|\bi(?:'ve| have)? (?:just )?(?:cut|carved|burned|scratched|sliced)\b|\bmy (?:arm|arms|leg|legs|thigh|thighs|skin|stomach|neck|throat|knuckles|muscles|whole body)\b|\b(?:stop|find) me\b|\bi (?:don't|do not) want to (?:live|wake up|be here|be alive|exist)\b|\bi (?:just )?want to (?:disappear|be with (?:him|her|them))\b|\b(?:i'm|i am) (?:so )?(?:done|going in and out|trembling|twitching|counting)\b|(?:^|\bi(?:'ve| have)? )(?:just |already )?(?:wrote|written) (?:\w+ )?(?:letters?|notes?)\b|\bi (?:just )?had a seizure\b|\bi ran out\b";

    /// <summary>
    /// More of the writer's own danger, kept apart from <see cref="SelfCrisisCue"/> because one pattern of both grows past
    /// the non-backtracking engine's size limit: violence done or threatened to the writer ("he choked me", "threw a
    /// bottle at me", "with me in it", "I'm locked in the bathroom"), the writer's own urge to hurt someone ("I want to
    /// stab my roommate"), means the writer has ready or words of not being here afterwards ("I have the rope", "after
    /// I'm gone").
    /// </summary>
    public const string SelfDangerCue =
        @"\b(?:hit|hits|hitting|beat|beats|beating|beat up|choked|chokes|choking|strangled|strangling|kicked|kicking|punched|punching|slapped|slapping|stabbed|attacked|attacking|hurt|hurting|threatened|threatening|threatens|came after|coming after|jumped|pushed|shoved|grabbed|dragged|raped|assaulted|kill|killing|burn|finish|stab|shoot|harm|end|strangle|drown|points|point) me\b"
        + @"|\b(?:threw|throwing|thrown|pointed|pointing|pulled|pulling|swung|swinging|aimed|aiming) (?:\w+ ){0,3}(?:at|on) me\b|\bwith me in (?:it|there|the house)\b|\b(?:won't|wont|will not) let me (?:leave|go|out)\b"
        + @"|\b(?:i'm|i am) (?:\w+ )?(?:hiding|locked in|locked out|trapped)\b|\bmy (?:nose|eye|eyes|lip|lips|jaw|ribs|tooth|teeth) (?:is|are|was|were|got|feels?)\b|\bbroke my\b"
        + @"|\b(?:i|i'm|i am) (?:\w+ )?(?:want|wanna|need|plan|planning|going|gonna|about|itching) to (?:stab|hurt|kill|shoot|beat|hit|end|strangle|take) (?:him|her|them|my|the|that|this|someone|somebody|people)\b"
        + @"|\b(?:i|i've been|i have been|i keep|i can't stop|can't stop|cant stop) (?:\w+ ){0,2}(?:thinking about|thoughts of|thoughts about|fantasizing about) (?:hurting|killing|stabbing|shooting|beating|strangling)\b"
        + @"|\b(?:i have|i've got|i got|i(?:'ve)? (?:already |just )?bought) (?:\w+ ){0,2}(?:rope|rifle|gun|pistol|shotgun|noose|pills|blade|razor)\b|\b(?:after|when|once) i'm gone\b|\bi (?:won't|wont|will not) be (?:here|around)\b|\bmy goodbye (?:text|letter|note|message|video)\b|\bi(?:'ve| have)? figured out how\b";

    /// <summary>Words found in Spanish and not in English, to tell a Spanish message.</summary>
    public const string SpanishWord =
        @"\b(?:socorro|auxilio|ayudenme|quiero|quieres|estoy|esta|estas|tengo|tiene|que|mi|mis|muy|pero|porque|para|por|con|hijo|hija|esposo|esposa|novio|novia|vida|morir|matar|matarme|pastillas|ayuda|ayudame|nadie|nada|todo|todos|ya|puedo|siento|respira|despierta|tome|tomo|mucho|muchas|muchos|solo|quiere|voy|hacer|dano|cortarme|sobredosis|aqui|ahora|mejor|seguir|vivir|hermano|hermana|amigo|amiga|casa|ella|los|las|una|del|se|yo|es|el|la|lo|le|como|cuando|donde|gracias|hola|bien|mal|puede|necesito|hace|noche|dia|nunca|mas|sin|sus|su|ustedes|usted|favor|hay)\b";

    /// <summary>Words found in English and not in Spanish.</summary>
    public const string EnglishWord =
        @"\b(?:the|i|i'm|my|is|are|and|to|of|you|it|he|she|with|what|how|have|was|this|that|for|can|do|not|just|want|in|on|at|be|so|if|about|your|we|they|don't|can't|will)\b";

    /// <summary>After "overdosing"/"overdosed": things people say they overdosed on that are not drugs ("on netflix").</summary>
    private const string NotADrug =
        @" on (?:coffee|cold brew|iced coffee|lattes?|matcha|soda|diet coke|boba|caffeine|sugar|candy|chocolate|netflix|tv|youtube|tiktok|open tabs|browser tabs|emails|meetings|podcasts|work|love|cuteness|sunshine|pizza|junk food|carbs|energy drinks|red bull|reality tv|video games|gaming|sleep|naps|christmas|holiday|cookies|ice cream|espresso|cake|memes|true crime|(?:the )?(?:stock )?(?:photos|pictures|images|emojis?|exclamation (?:points|marks)|buzzwords|jargon|clip ?art|fonts|adjectives))\b";

    /// <summary>Negators that turn off a negatable match when they are among the three words before it.</summary>
    public static IReadOnlyList<string> Negators { get; } =
    [
        "not", "never", "no", "don't", "didn't", "won't", "wouldn't", "isn't", "aren't", "wasn't", "ain't", "nor",
        "doesn't", "shouldn't", "neither", "haven't", "hasn't", "hadn't", "zero",
    ];
}

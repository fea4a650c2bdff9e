using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Spots messages that need crisis resources before anything else. Pure and allocation-light: no I/O, no state,
/// thread-safe, microseconds per message. The lexicon lives here (patterns are code); every word the user sees lives
/// in <c>dialogs-content/safety.yaml</c>.
/// </summary>
/// <remarks>
/// <para>How a message is judged (each rule below documents its own reason):</para>
/// <list type="number">
/// <item>Normalise (<see cref="CrisisTextNormalizer"/>): case, curly quotes, punctuation, shorthand, elongation.</item>
/// <item>Every lexicon rule is a whole-word regex (so "skilled" never matches "kill"). A rule is <b>present-form</b>
/// ("I want to die", "he's not breathing") or <b>past-form</b> ("I overdosed", "I had a seizure").</item>
/// <item><b>Negation</b>: a negator ("not", "never", "don't", "won't"…) in the three words before a match turns the
/// match off. For suicide and self-harm a negated match is recorded as a <i>denial</i>, never as an all-clear: the
/// middleware treats a denial in an already-flagged conversation like a retraction (the flag stays). Phrases that carry
/// their own negation ("don't want to live", "can't go on") are triggers in their own right.</item>
/// <item><b>Past events</b>: a past-form match counts as a crisis when the message has a recent-time marker
/// ("an hour ago", "last night", "just", "right now"). Otherwise a distant-time or recovery marker ("last year",
/// "years ago", "is doing better", "in recovery", "died") turns it off: "my brother overdosed last year and is doing
/// better" is history, not an emergency. With no marker at all each past-form rule has a default: overdose and
/// suicide attempts default to crisis (safety first); "had a seizure" / "hallucinated" default to history, because
/// that is how people answer the triage withdrawal question.</item>
/// <item><b>Information requests</b> ("what is an overdose?", "signs of withdrawal", "if someone is overdosing") turn
/// off rules marked informational, but never the first-person suicide rules: "how many pills would it take to die"
/// is a crisis.</item>
/// <item>When several categories fire, the most urgent wins in this order: overdose, suicide/self-harm, danger to
/// others, severe withdrawal, pregnancy with opioid use, other medical emergency.</item>
/// </list>
/// </remarks>
public sealed partial class CrisisDetector
{
    private static readonly CrisisCategory[] Priority =
    [
        CrisisCategory.OverdoseInProgress,
        CrisisCategory.SuicideOrSelfHarm,
        CrisisCategory.DangerToOthers,
        CrisisCategory.SevereWithdrawal,
        CrisisCategory.PregnancyWithOpioidWithdrawal,
        CrisisCategory.MedicalEmergency,
    ];

    private static readonly Rule[] Rules = BuildRules();

    /// <summary>Judges one user message.</summary>
    public CrisisAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CrisisAssessment.None;
        }

        var found = new HashSet<CrisisCategory>();
        var ruleIds = new List<string>();
        var denial = false;
        var retraction = false;
        var variants = CrisisTextNormalizer.Normalize(text);
        foreach (var t in variants)
        {
            var context = new MessageContext(t);
            foreach (var rule in Rules)
            {
                foreach (Match m in rule.Pattern.Matches(t))
                {
                    var outcome = Judge(rule, m, context);
                    if (outcome == Verdict.Crisis)
                    {
                        var category = rule.Category;
                        if (rule.DrugContextMeansOverdose && context.HasDrugContext)
                        {
                            category = CrisisCategory.OverdoseInProgress;
                        }

                        found.Add(category);
                        if (!ruleIds.Contains(rule.Id))
                        {
                            ruleIds.Add(rule.Id);
                        }

                        break;
                    }

                    if (outcome == Verdict.Negated && rule.Category == CrisisCategory.SuicideOrSelfHarm)
                    {
                        denial = true;
                    }
                }
            }

            retraction |= Retraction().IsMatch(t);
            denial |= ExplicitDenial().IsMatch(t);
        }

        if (found.Count == 0 && !retraction && !denial)
        {
            return CrisisAssessment.None;
        }

        var ordered = Priority.Where(found.Contains).ToArray();
        return new CrisisAssessment(
            ordered.Length > 0 ? ordered[0] : CrisisCategory.None,
            ordered,
            retraction,
            denial && found.Count == 0,
            ruleIds);
    }

    /// <summary>Whether the message reassures ("I'm safe", "I'm okay", "yes") — used only right after the bot asked "Are you safe?".</summary>
    public static bool IsReassurance(string? text)
    {
        foreach (var t in CrisisTextNormalizer.Normalize(text))
        {
            if (Reassurance().IsMatch(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the message says the person is not safe — used only right after the bot asked "Are you safe?".</summary>
    public static bool IsNotSafe(string? text)
    {
        foreach (var t in CrisisTextNormalizer.Normalize(text))
        {
            if (NotSafe().IsMatch(t))
            {
                return true;
            }
        }

        return false;
    }

    private static Verdict Judge(Rule rule, Match m, MessageContext context)
    {
        var before = context.Text[..m.Index];
        var lastWords = LastWords(before, 3);
        if (rule.Negatable && lastWords.Any(w => Negators.Contains(w)))
        {
            return Verdict.Negated;
        }

        if (rule.NegationInside && m.Value.Split(' ').Any(w => Negators.Contains(w)))
        {
            return Verdict.Negated;
        }

        if (rule.Informational)
        {
            if (Hypothetical().IsMatch(LastWordsText(before, 5)))
            {
                return Verdict.Suppressed;
            }

            if (context.IsInformationRequest)
            {
                return Verdict.Suppressed;
            }
        }

        if (rule.Form == Form.Present)
        {
            return rule.DistantMarkerSuppresses && !context.HasRecentMarker && context.HasDistantOrRecoveryMarker
                ? Verdict.Suppressed
                : Verdict.Crisis;
        }

        if (context.HasRecentMarker)
        {
            return Verdict.Crisis;
        }

        if (context.HasDistantOrRecoveryMarker)
        {
            return Verdict.Suppressed;
        }

        return rule.Form == Form.PastDefaultCrisis ? Verdict.Crisis : Verdict.Suppressed;
    }

    private static string[] LastWords(string before, int count)
    {
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= count ? words : words[^count..];
    }

    private static string LastWordsText(string before, int count) => string.Join(' ', LastWords(before, count));

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "don't", "didn't", "won't", "wouldn't", "isn't", "aren't", "wasn't", "ain't", "nor",
        "doesn't", "shouldn't", "neither",
    };

    private enum Verdict { Crisis, Negated, Suppressed }

    private enum Form
    {
        /// <summary>Describes something happening now; past/recovery markers do not turn it off.</summary>
        Present,
        /// <summary>Past tense; a crisis unless a distant-time or recovery marker says it is history.</summary>
        PastDefaultCrisis,
        /// <summary>Past tense; history unless a recent-time marker says it just happened.</summary>
        PastDefaultHistory,
    }

    private sealed record Rule(string Id, CrisisCategory Category, Regex Pattern, Form Form, bool Negatable, bool Informational)
    {
        /// <summary>Breathing/unconscious signs: an overdose when drugs are mentioned, otherwise another medical emergency.</summary>
        public bool DrugContextMeansOverdose { get; init; }

        /// <summary>Negation inside the match also counts ("I'm not pregnant").</summary>
        public bool NegationInside { get; init; }

        /// <summary>A present-form rule that still reads as history next to "years ago", "in 2015" ("had a heart attack in 2015").</summary>
        public bool DistantMarkerSuppresses { get; init; }
    }

    private sealed class MessageContext(string text)
    {
        public string Text { get; } = text;
        public bool HasRecentMarker { get; } = RecentMarker().IsMatch(text);
        public bool HasDistantOrRecoveryMarker { get; } = DistantMarker().IsMatch(text) || RecoveryMarker().IsMatch(text);
        public bool HasDrugContext { get; } = DrugContext().IsMatch(text);

        /// <summary>Asks about a topic ("what is…", "signs of…") without saying it is happening to the writer now.</summary>
        public bool IsInformationRequest { get; } = InformationFrame().IsMatch(text) && !FirstPersonNow().IsMatch(text);
    }

    private const RegexOptions Opts = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static Regex R(string pattern) => new(pattern, Opts);

    // Shared vocabulary for the rules below.
    private const string Self = @"(?:my ?self|me self|him ?self|her ?self|them ?selves|them ?self)";
    private const string People =
        @"(?:he|she|they|him|her|them|friend|buddy|boyfriend|girlfriend|husband|wife|partner|son|daughter|brother|sister|mom|mum|dad|mother|father|roommate|cousin|kid|baby|uncle|aunt|grandma|grandpa|someone|somebody|person|guy|girl|man|woman)";
    private const string Kin =
        @"(?:husband|wife|boyfriend|girlfriend|partner|ex|boss|dad|mom|father|mother|brother|sister|son|daughter|kids?|family|roommate|neighbou?r|coworker|co worker|landlord|stepdad|stepmom|dealer|plug|pimp|john|baby ?daddy|baby ?mama)";
    /// <summary>Someone who can threaten or hurt the writer: pronouns (with contractions), "my ex", "some guy".</summary>
    private const string Aggressor =
        $@"(?:he|she|they|he's|she's|they're|my {Kin}|someone|somebody|(?:some|a|this|that) (?:guy|man|dude|woman|girl|person|lady|dealer))";
    /// <summary>Words that put a symptom in a withdrawal (stopping alcohol, benzos or opioids) context.</summary>
    private const string WithdrawalContext =
        @"(?:withdraw\w*|detox\w*|dts|quit|quitting|stopped|stopping|cold turkey|sober|sobering|kicking|dope ?sick|came off|coming off|no (?:alcohol|booze|drinks?|drinking|xanax|bars|benzos?|pills))";
    private const string Opioid =
        @"(?:opioids?|opiates?|heroin|fentanyl|fent|oxy|oxys|oxycodone|oxycontin|percs?|percocets?|vicodin|hydrocodone|morphine|dilaudid|methadone|suboxone|subs|bupe|buprenorphine|painkillers?|pain pills|pills|dope|kratom|withdrawals?|withdrawing|dope ?sick|sick from withdrawal|detox|detoxing|kicking|coming off|cold turkey)";

    private static Rule[] BuildRules() =>
    [
        // ---- Suicide and self-harm. First-person statements are never treated as information requests. ----
        new("suicide.kill-self", CrisisCategory.SuicideOrSelfHarm,
            R($@"(?<!\b(?:tried|attempted|try|trying) to )\b(?:kill|killing|unalive|unaliving|off|offing|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|stab|stabbing|end|ending) {Self}\b(?! (?:working|at work|trying|to (?:make|get|pay|finish|keep|please)|over (?:this|work|school)|for (?:this|my|work)))"),
            Form.Present, Negatable: true, Informational: false),
        new("suicide.kms", CrisisCategory.SuicideOrSelfHarm, R(@"(?<!\d )(?<!\d)\bkms\b"), Form.Present, true, false),
        new("suicide.unalive", CrisisCategory.SuicideOrSelfHarm, R(@"\bunaliv(?:e|ing)\b"), Form.Present, true, false),
        // "suicidal" describing someone now; "was suicidal" is the past-form rule after it.
        new("suicide.suicidal", CrisisCategory.SuicideOrSelfHarm,
            R(@"(?<!\b(?:was|were|used to be|felt) (?:\w+ )?)\b(?:suicidal|sucidal|suicdal|suicidel|suicidle|suisidal|sucidle|suicidial|suacidal)\b"),
            Form.Present, true, Informational: true),
        new("suicide.was-suicidal", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:was|were|used to be|felt) (?:\w+ )?(?:suicidal|sucidal|suicidel)\b"), Form.PastDefaultCrisis, true, true),
        new("suicide.noun", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:commit|committing|attempt|attempting|think about|thinking about|thinking of|(?<!\bhad (?:\w+ )?)thoughts of|(?<!\bhad (?:\w+ )?)thoughts about|considering|contemplating|planning|plan for) (?:suicide|sucide|suiside|suicde)\b|\bsuicid\w* (?:note|plan|attempt|letter|pact|thoughts)\b"),
            Form.Present, true, true),
        // "had thoughts of suicide", "had suicidal thoughts": a crisis unless a distant or recovery marker says it is history.
        new("suicide.had-thoughts", CrisisCategory.SuicideOrSelfHarm,
            R(@"\bhad (?:\w+ )?(?:thoughts (?:of|about) (?:suicide|sucide|suiside|killing my ?self|ending my life|dying)|suicidal thoughts)\b"),
            Form.PastDefaultCrisis, true, true),
        new("suicide.attempted", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:attempted|tried|try|trying) (?:suicide|sucide|to (?:kill|hurt|harm|off|unalive) (?:my ?self|him ?self|her ?self|them ?selves)|to end (?:my|his|her|their) (?:own )?life|to take (?:my|his|her|their) (?:own )?life)\b|\b(?:committed|died by|died of) suicide\b|\b(?:killed|hanged|hung|shot) (?:him|her|them) ?(?:self|selves)\b"),
            Form.PastDefaultCrisis, true, true),
        new("suicide.want-die", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:want|wish|wishing|ready|going|plan|planning|deserve|deserved) to (?:die|be dead)\b|\b(?:want|wish) (?:i was|i were|to be) dead\b|\bwish (?:i|i'd) (?:could die|was dead|were dead|had died|was never born|had never been born|wasn't born|could disappear|wasn't here|wasn't alive|didn't exist|was gone|could just disappear|could sleep forever)\b|\bwould rather be dead\b|\bwanted to die\b|\b(?:care|notice|miss me|matter) if i (?:died|was gone|were gone|killed my ?self|wasn't here|disappeared)\b|\bif i killed my ?self\b"),
            Form.Present, true, false),
        new("suicide.not-live", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:don't|do not|dont) want to (?:live|be alive|exist|keep living|go on|be here anymore|be around anymore|wake up)\b|\b(?:never|don't) want to wake up\b|\bhope i (?:don't|never) wake up\b|\b(?:sleep|go to sleep) and (?:never|not) wake up\b"),
            Form.Present, false, false),
        new("suicide.no-reason", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:no|nothing|not any|what's the|whats the) (?:reason|point|one|thing)s? (?:to|in|of|for) (?:live|living|go on|going on|being alive|life|keep going)\b|\bnothing (?:left )?to live for\b|\b(?:life|living) (?:is|isn't|is not) (?:not )?worth (?:it|living)\b|\bnot worth living\b|\bno way out\b|\bcan't see a way out\b"),
            Form.Present, false, false),
        new("suicide.end-it", CrisisCategory.SuicideOrSelfHarm,
            R(@"\bend(?:ing)? (?:it all|my life|my own life|everything|my suffering)\b|\b(?:want|going|ready|plan|planning|about|so i can|so i could|i'll|i will|i might|i may|i should|i could|i'm just going to) (?:to )?end it(?: all| tonight| today| now)?\b(?! (?:with|early|there|here|for (?:today|tonight|now)|off|on a))|\bend (?:things|it) for good\b|\btake my (?:own )?life\b|\b(?:want|wish) (?:it all|everything|my life) (?:to|would) (?:end|be over|stop)\b"),
            Form.Present, true, false),
        new("suicide.cant-go-on", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:can't|cannot|can not) (?:go on|take (?:it|this|much more) anymore|take it|keep going|keep living like this|live like this|do this anymore|handle (?:life|living) anymore)\b|\b(?:tired|sick) of (?:living|being alive|life)\b|\bdone (?:with life|living)\b|\bbetter off (?:dead|without me|if i (?:was|were|wasn't) (?:gone|dead|here|around))\b"),
            Form.Present, false, false),
        new("suicide.self-harm", CrisisCategory.SuicideOrSelfHarm,
            R($@"\b(?:want|wanting|wanted|wanna|going|about|urge|urges|tempted|thinking about|thinking of|think about|feel like|plan|planning|need|needing|trying not) to (?:hurt|harm|cut|burn|punish|starve) {Self}\b|\b(?:been|started|starting|keep|keeps|still|went back to|back to|relapsed on|i'm|he's|she's|i) cutting(?= again\b|$| (?:and|but|so|because|lately|every|since|tonight|today|when|at night|my (?:arms?|wrists?|legs?|thighs?|skin|stomach))\b)|\b(?:cutting|burning|hurting|harming) {Self}\b|\bself ?harm(?:ing)?\b|\bslit(?:ting)? my (?:wrists?|throat)\b|\b(?:jump|jumping) (?:off (?:a|the|of) (?:bridge|building|roof|cliff|balcony)|in front of (?:a|the) (?:train|car|bus|truck))\b"),
            Form.Present, true, true),
        // Indirect: saying goodbye, not being around much longer, a note or the means ready.
        new("suicide.farewell", CrisisCategory.SuicideOrSelfHarm,
            R(@"\b(?:won't|will not|not going to|ain't going to|don't think i'll) be (?:around|here|alive) (?:much longer|for (?:much )?longer|for long|anymore|after tonight|by morning)\b|\bthis is (?:my )?(?:goodbye|last message|final message)\b(?! (?:for|before|of the|today|tonight))|\bsaying (?:my )?goodbyes?\b(?! to (?:drugs|alcohol|booze|pills|dope|using|drinking|the old me|my old life|that life|my addiction|this habit|\w+ing\b))|\b(?:goodbye (?:everyone|everybody|world|cruel world|forever|for good|all of you)|bye (?:world|forever|for good))\b|\b(?:final|last) goodbyes?\b|\b(?:goodbye|suicide|last|final) (?:note|letter)s?\b|\b(?:wrote|written|writing|finished|left) my (?:note|letters?)\b(?! (?:for|to) (?:work|school|the|my (?:boss|teacher|doctor|lawyer|po|probation|landlord)))|\b(?:have|got|get|getting) (?:the |my |all the |all my )?(?:pills|rope|gun|razors?|blades?|noose|meds) (?:ready|lined up|counted out|picked out)\b|\bgiving (?:away )?(?:all )?my (?:stuff|things|belongings) away\b|\bgiving away my (?:stuff|things|belongings)\b|\bdisappear (?:forever|for good|permanently)\b|\b(?:want|wish|going) to (?:just )?disappear\b(?! (?:for (?:a|the|like)|from) )|\b(?:and|to|then|maybe) not wake (?:back )?up\b|\b(?:to|and) never wake (?:back )?up(?: again)?\b(?! (?:on time|early|before|in time|for))"),
            Form.Present, true, false),
        new("suicide.method", CrisisCategory.SuicideOrSelfHarm,
            R(@"\bhow (?:many|much) (?:\w+ ){0,2}(?:would it take|does it take|to die|to kill|to not wake up|would kill)\b|\blethal (?:dose|amount)\b|\b(?:overdose|od) on purpose\b|\bpurposely (?:overdose|od)\b|\b(?:saving|saved|stockpiling|hoarding) (?:up )?(?:my )?(?:pills|meds)\b|\b(?:thinking about|thinking of|think about|about to|tempted to|could just|might just|ready to|urge to) (?:just )?(?:take|taking|swallow|swallowing|down|downing|shoot up|shooting up|use|using) (?:all|every|everything|the whole|a whole|a bunch|a handful|the rest|enough)\b(?: (?:\w+ ){0,3}(?:pills|meds|medication|medicine|tablets|xanax|bars|benzos|dope|fent|fentanyl|heroin|oxys?|percs?|at once|i have|i got|i've got)\b|$)|\b(?:take|taking|took|swallow\w*|shoot\w*|shot|use|using|used|mix\w*) (?:\w+ ){0,4}(?:pills|meds|medication|tablets|xanax|bars|benzos|dope|fent|fentanyl|heroin|oxys?|percs?|everything|all|too much|too many|it all) (?:\w+ ){0,2}on purpose\b"),
            Form.Present, true, false),

        // ---- Overdose, now or just now ----
        new("overdose.now", CrisisCategory.OverdoseInProgress,
            R(@"\b(?:overdosing|od'ing|odding|oding|od'in)\b|\b(?:having|is having|i'm having|think i'm having|in the middle of) an? (?:overdose|od)\b|\bthis is an? (?:overdose|od)\b"),
            Form.Present, true, true),
        new("overdose.od-verb", CrisisCategory.OverdoseInProgress,
            R(@"\b(?:i|i'm|he|she|they|just|might|think|gonna|going to|about to|will|could|friend|someone|somebody|boyfriend|girlfriend|husband|wife|son|daughter|brother|sister|roommate) od\b|(?<!\b(?:to|wanna) )\bod (?:on|from)\b(?!.*\bon purpose\b)"),
            Form.PastDefaultCrisis, true, true),
        new("overdose.past-verb", CrisisCategory.OverdoseInProgress,
            R(@"\b(?:overdosed|od'd|od'ed|oded|odd on|had an? (?:overdose|od))\b"),
            Form.PastDefaultCrisis, true, true),
        new("overdose.too-much", CrisisCategory.OverdoseInProgress,
            R(@"\b(?:took|take|taken|swallowed|did|used|drank|snorted|smoked|shot up|injected|popped) (?:way |a lot |far |all )?(?:too (?:many|much)(?! (?:coffee|caffeine|food|sugar|time|to eat|tea|pizza|candy|sleep|work|water|long))|a (?:whole|full) (?:bottle|pack|handful|sheet)|(?:my|his|her|their) whole (?:bottle|prescription|script)|the (?:whole|entire) (?:bottle|pack)|a handful of|all (?:my|the|his|her|their|of my|of the|of his|of her) (?:pills|meds|medication|xanax|bars|oxy|oxys|percs|benzos|tablets))\b|\b(?:took|taken|swallowed|popped|ate|did|snorted) (?:like |about |around |maybe |over |almost |probably )?(?:a (?:bunch|ton|lot|load|fistful|shit ?ton|whole lot)|(?:[1-9]\d|\d{3})|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a dozen|dozens) (?:of )?(?:(?:my|his|her|the|their|these|those) )?(?:\w+'?s )?(?:pills|meds|medication|tablets|xanax|bars|benzos|klonopin|valium|ativan|oxys?|percs?|percocets?|vicodin|roxys?|blues|m30s?|sleeping pills|tylenol|advil|painkillers)\b|\bmixed (?:\w+ )?(?:pills|xanax|bars|benzos|fentanyl|fent|heroin|oxy|alcohol|booze|lean|meds) (?:and|with)\b"),
            Form.PastDefaultCrisis, true, true),
        new("overdose.naloxone", CrisisCategory.OverdoseInProgress,
            R(@"\b(?:gave|give|giving|used|using|need|needs|sprayed|should i give|do i give) (?:him|her|them|me|my \w+ |\w+ )?(?:some |a dose of |another dose of )?(?:narcan|naloxone|nalaxone|narcon)\b(?! work)"),
            Form.Present, true, true),
        new("overdose.signs", CrisisCategory.MedicalEmergency,
            R($@"\b(?:isn't|is not|not|stopped|barely|aren't|are not) breathing\b|\b{People}(?:'s|'re)? (?:\w+ ){{0,3}}(?:won't|will not|can't|cannot|isn't|is not|not) (?:wake up|waking up|responding|respond)\b|\bfoaming at the mouth\b|\b(?:he's|she's|they're|he is|she is|they are) (?:\w+ )?(?:gurgling|choking on (?:his|her|their) (?:own )?(?:vomit|puke|throw up))\b|\b(?:can't|cannot|couldn't) (?:wake|get) (?:him|her|them|my \w+) (?:up|to wake)\b|\bunresponsive\b|\bbreathing (?:is |got |getting |gotten |seems )?(?:really |real |very |so |super |too |kinda |pretty |way )?(?:slow|slower|shallow|weird|strange|funny)\b"),
            Form.Present, true, true)
        { DrugContextMeansOverdose = true },
        // Classic opioid-overdose signs: an overdose even when no drug is named.
        new("overdose.opioid-signs", CrisisCategory.OverdoseInProgress,
            R(@"\b(?:lips|face|fingers|fingernails|nails|skin) (?:are |is )?(?:turning |gone |going )?(?:blue|purple|gray|grey)\b|\bturning blue\b|\bpinpoint pupils\b|\b(?:snoring|gurgling) (?:weird|strange|sound|noise|loud)|\b(?:weird|strange|loud) (?:snoring|gurgling)"),
            Form.Present, true, true),
        new("overdose.collapsed", CrisisCategory.MedicalEmergency,
            R($@"\b{People} (?:\w+ ){{0,2}}(?:passed out|collapsed|is unconscious|blacked out|went limp|is limp|fell and)\b|\b(?:passed out|collapsed|unconscious) and (?:won't|can't|isn't|not)\b"),
            Form.Present, true, true)
        { DrugContextMeansOverdose = true },

        // ---- Severe withdrawal happening now ----
        new("withdrawal.seizure-now", CrisisCategory.SevereWithdrawal,
            R(@"\b(?:having|is having|started having|i'm having|keep having|think i'm having|going into) (?:a |an |another )?(?:seizure|seizures|fit|fits|convulsions)\b|\b(?:seizing|convulsing|seizuring|seizing up)\b|\bjust had (?:a |another )?(?:seizure|fit)\b"),
            Form.Present, true, true),
        new("withdrawal.seizure-past", CrisisCategory.SevereWithdrawal,
            R(@"\bhad (?:a |another |two |three )?(?:seizure|seizures|fit)\b"), Form.PastDefaultHistory, true, true),
        new("withdrawal.hallucinating", CrisisCategory.SevereWithdrawal,
            R(@"\b(?:hallucinating|hallucinatin|halucinating|hallucinating)\b|\b(?:seeing|hearing) (?:things|stuff|voices|people|bugs|spiders|shadows)(?: that| who)? (?:aren't|are not|isn't|that aren't)\b|\b(?:i'm|i am|keep|started|been) (?:seeing|hearing) (?:things|stuff|voices|bugs|spiders)\b|\bhearing voices\b|\b(?:bugs|things|spiders|ants) (?:are )?crawling (?:on|under|all over|in)\b"),
            Form.Present, true, true),
        new("withdrawal.hallucinated", CrisisCategory.SevereWithdrawal,
            R(@"\b(?:hallucinated|had hallucinations|saw things|heard voices)\b"), Form.PastDefaultHistory, true, true),
        new("withdrawal.gated-signs", CrisisCategory.SevereWithdrawal,
            R($@"(?:(?<=\b{WithdrawalContext}\b.*)|(?=.*\b{WithdrawalContext}\b))\b(?:(?:body|arms?|legs?|hands?) (?:\w+ )?(?:jerking|twitching|spasming|convulsing)|(?:jerking|twitching|spasming) (?:uncontrollably|all over|non ?stop|so bad)|(?:doesn't|don't|didn't|can't|does not|do not) (?:even )?(?:recognize|recognise|know) (?:me|us|anyone|anybody|who (?:i am|she is|he is|they are|we are)|where (?:she|he|they) (?:is|are))|(?:seeing|see|saw|hearing) (?:\w+ )?(?:bugs|spiders|snakes|rats|mice|ants|shadows|things|faces|voices|stuff)|(?:talking|talks) to (?:people|someone|somebody) (?:who )?(?:isn't|aren't|not) there)\b"),
            Form.Present, true, true)
        { DistantMarkerSuppresses = true },
        new("withdrawal.dts", CrisisCategory.SevereWithdrawal,
            R(@"(?<!\bhad (?:the )?)(?<!\bever (?:get|had|have) (?:the )?)\b(?:dts|dt's|delirium tremens|delirium)\b"),
            Form.Present, true, true),
        new("withdrawal.confused", CrisisCategory.SevereWithdrawal,
            R(@"\b(?:so|really|very|super|totally|completely|getting|gotten|i'm|i am|he's|she's|is) (?:confused|disoriented)\b(?=.*\b(?:withdraw\w*|detox\w*|quit|stopped|shaking|shakes|sweating|drinking|drink|xanax|benzos?|alcohol|booze|sober)\b)|\b(?:withdraw\w*|detox\w*|quit|stopped|shaking|shakes|sweating|drinking|xanax|benzos?|alcohol|booze)\b.*\b(?:confused|disoriented)\b|\bdon't know where (?:i am|i'm at|i'm)\b|\bdon't know what (?:day|year) it is\b"),
            Form.Present, true, true),
        new("withdrawal.shaking", CrisisCategory.SevereWithdrawal,
            R(@"\bcan't stop (?:shaking|trembling|throwing up|vomiting)\b|\b(?:shaking|trembling|shakes are|tremors are) (?:so |really |very )?(?:bad|badly|uncontrollably|like crazy|violently|so hard)\b|\buncontrollable (?:shaking|trembling|tremors)\b|\b(?:severe|really bad|terrible|horrible|scary) (?:withdrawal|withdrawals|shakes|tremors)\b|\b(?:my |the )?withdrawals? (?:is|are) (?:so |really |very |getting )?(?:bad|severe|intense|scary|dangerous|worse)\b|\b(?:sweating|sweats) and (?:shaking|shakes|trembling)\b|\b(?:shaking|trembling) and (?:sweating|sweats|throwing up|vomiting)\b|\bheart (?:is )?(?:racing|pounding) (?:and|so)\b"),
            Form.Present, true, true),

        // ---- Danger to others (or from others): 911 ----
        new("danger.threat", CrisisCategory.DangerToOthers,
            R($@"\b(?:going to|want to|will|i'll|about to|plan to|planning to|thinking about|thinking of|feel like|ready to|gonna|might|may|snap and|afraid i'll|scared i'll|afraid i might|scared i might|urge to|urges to) (?:kill|killing|hurt|hurting|stab|stabbing|shoot|shooting|strangle|choke|beat up|attack|murder) (?:him|her|them|someone|somebody|people|everyone|everybody|anyone|my {Kin}|that (?:guy|girl|man|woman|person|dude|bitch|bastard)|a (?:cop|teacher|kid|person))\b"),
            Form.Present, true, false),
        new("danger.weapon", CrisisCategory.DangerToOthers,
            R(@"\b(?:have|got|grabbed|holding|bought|has|with|loaded) (?:a|my|his|her|the) (?:gun|knife|weapon|pistol|rifle|shotgun)\b(?=.*\b(?:kill|hurt|shoot|threat\w*|scared|afraid|use it|coming|going to|pointing|waving)\b)|\b(?:pointing|waving|pulled) a (?:gun|knife)\b"),
            Form.Present, true, false),
        new("danger.victim", CrisisCategory.DangerToOthers,
            R($@"\b{Aggressor} (?:is |are |keeps |keep |just |has been )?(?:threatening|threatened) (?:to (?:kill|hurt|shoot) )?(?:me|us|my)\b|\b{Aggressor} (?:is |are |keeps |keep |just |has been |started |been |always )?(?:hitting|beating|hurting|choking|attacking|punching|kicking|strangling) (?:me|us|my)\b(?! (?:up|out|off)\b)|\b{Aggressor} (?:is|are|keeps|keep|just|has been|started) (?:hit|beat|choked|attacked) (?:me|us|my)\b|\b(?:afraid|scared) (?:that )?(?:he|she|they|my {Kin})(?:'ll| will| is going to| might| are going to|'s going to) (?:kill|hurt) (?:me|us|my)\b|\b(?:don't|do not) feel safe (?:at home|here|with (?:him|her|them)|right now|in my house)\b|\bnot safe (?:at home|in my (?:home|house))\b|\bunsafe at home\b"),
            Form.Present, false, false),

        new("danger.relayed-threat", CrisisCategory.DangerToOthers,
            R($@"\b{Aggressor} (?:\w+ )?(?:said|says|keeps saying|told me|texted(?: me)?|swore|yelled|is saying) (?:that )?(?:he'll|she'll|they'll|hell|shell|he's|she's|they're|he|she|they|he would|she would|they would) (?:is |are |will |would |going to |is going to |gonna )?(?:kill|hurt|shoot|stab|beat|choke|strangle|murder) (?:me|us|my)\b|\bthreatening (?:to (?:kill|hurt|shoot|stab|beat) )?(?:me|us|my (?:kids|children|family|baby|life))\b|\b{Aggressor}(?: is| are)? (?:\w+ )?(?:following|stalking|chasing) (?:me|us)\b|\b{Aggressor}(?: is| are)? (?:\w+ )?(?:banging on|pounding on|kicking in|trying to (?:get in|break in|kick in|break down)) (?:the|my|our) (?:door|window)s?\b|\b(?:someone|somebody) (?:is )?(?:trying to )?break(?:ing)? in\b"),
            Form.Present, true, false),
        // Simple past ("he choked me"): a crisis unless a distant or recovery marker says it is history.
        new("danger.was-hurt", CrisisCategory.DangerToOthers,
            R($@"\b{Aggressor} (?:just )?(?:hit|beat|choked|strangled|attacked|stabbed|punched|kicked|threatened|raped|assaulted) (?:me|us)\b(?! (?:up|out|off|back)\b)"),
            Form.PastDefaultCrisis, true, false),

        // ---- Pregnancy with opioid use or withdrawal: a same-day clinician ----
        new("pregnancy.opioid", CrisisCategory.PregnancyWithOpioidWithdrawal,
            R($@"\b(?:i'm|i am|she's|she is|we're|currently|just found out i'm|just found out she's|my (?:girlfriend|wife|partner|daughter|sister) is) (?:\w+ ){{0,3}}(?:pregnant|expecting)\b(?=.*\b{Opioid}\b)|\b{Opioid}\b.*\b(?:i'm|i am|she's|she is|we're|and) (?:\w+ ){{0,3}}pregnant\b|\bpregnant (?:and|but|while|with|&)\b(?=.*\b{Opioid}\b)"),
            Form.Present, true, false)
        { NegationInside = true },

        // ---- Other medical emergencies: 911 ----
        new("medical.emergency", CrisisCategory.MedicalEmergency,
            R(@"\bchest (?:pain|pains|hurts|is hurting|feels tight|tightness|is tight|pressure)\b|\bheart attack\b|\b(?:having|had|is having) a stroke\b|\bface (?:is )?drooping\b|\b(?:can't|cannot|can not|hard to|trouble|struggling to|difficulty|hardly|barely) (?:breathe|breathing)\b(?! (?:through|out of|thru) (?:my|the|his|her|their) nose)|\b(?:hit|banged|bumped|smashed|cracked|split) (?:his|her|my|their) head\b(?=.*\b(?:throwing up|vomiting|puking|confused|passed out|knocked out|unconscious|won't wake|bleeding|dizzy|can't|seizure|not making sense|slurring)\b)|\b(?:bleeding|bleed) (?:a lot|heavily|badly|everywhere|really bad)\b|\bwon't stop bleeding\b|\b(?:vomiting|throwing up|puking|coughing up|coughing) blood\b|\b(?:i|i'm|i think i) (?:\w+ )?(?:passing out|about to pass out|going to pass out|keep passing out)\b"),
            Form.Present, true, true)
        { DistantMarkerSuppresses = true },
        new("medical.fainted", CrisisCategory.MedicalEmergency,
            R(@"\b(?:i|i think i) (?:\w+ )?fainted\b"), Form.PastDefaultCrisis, true, true),
        // "I blacked out" is usually a drinking memory: history unless a recent marker ("just", "an hour ago").
        new("medical.blacked-out", CrisisCategory.MedicalEmergency,
            R(@"\b(?:i|i think i) (?:\w+ )?blacked out\b"), Form.PastDefaultHistory, true, true),
    ];

    [GeneratedRegex(@"\b(?:i )?(?:didn't|did not|don't|do not) (?:really )?mean (?:it|that|what i said|any of (?:it|that))\b|\bnvm\b|\bnever ?mind\b|\b(?:just |only )?(?:kidding|joking|jk|jking)\b|\bi was (?:just )?(?:venting|exaggerating)\b|\bforget (?:it|i said (?:that|anything)|what i said|that)\b|\bignore (?:that|it|me|what i said|my last message)\b|\b(?:not|wasn't|was not) serious\b|\bi'm not (?:actually|really) going to\b|\bthat came out wrong\b", RegexOptions.CultureInvariant)]
    private static partial Regex Retraction();

    [GeneratedRegex(@"\b(?:i'm|i am) not (?:actually |really |feeling )?(?:suicidal|going to (?:hurt|kill) my ?self|in danger|in crisis)\b|\bi (?:would|will|'d) never (?:hurt|kill) my ?self\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitDenial();

    [GeneratedRegex(@"^(?:yes|yeah|yep|yup|ya|y|i think so|i guess|mostly|for now)?\s*(?:i'm|i am|im)?\s*(?:safe|ok|okay|fine|alright|all right|good|okay now|fine now|safe now)?\s*(?:now|really|thanks|thank you|i promise)?$|\b(?:i'm|i am) (?:safe|ok|okay|fine|alright|all right)\b|\byes\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reassurance();

    [GeneratedRegex(@"^(?:no|nope|nah|not really|not at all|i'm not|i am not|no i'm not)\b|\bnot safe\b|\b(?:i'm|i am) not (?:safe|ok|okay|alright)\b|\bin danger\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotSafe();

    [GeneratedRegex(@"\b(?:if|in case|whether|when someone|when somebody|when a person|when you|what happens when)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"^(?:what|what's|how|why|where|when|which|who|is it|is there|are there|does|do you|do people|can you|can people|could you|should you|tell me|explain)\b|\b(?:signs|symptoms|warning signs) (?:of|that|someone|somebody|a person)\b|\bwhat (?:are|is) (?:the )?(?:signs|symptoms)\b|\bhow (?:can|do|would|could) (?:i|you|we) (?:tell|know|spot|recognize|recognise|help)\b|\b(?:tell me|learn|know|read|info|information|facts|questions?) (?:more )?(?:about|on)\b|\bmeaning of\b|\bstand for\b|\bwhat does \w+ mean\b", RegexOptions.CultureInvariant)]
    private static partial Regex InformationFrame();

    // Says the thing is happening to the writer or someone with them right now, so a question is not just a question.
    [GeneratedRegex(@"\b(?:i'm|i am|i've been|i feel|i keep|i just|i took|i think i|right now|at the moment|currently|he's|she's|they're|my \w+ is|my \w+ isn't|me)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonNow();

    [GeneratedRegex(@"\b(?:right now|just now|at the moment|currently|today|tonight|this (?:morning|afternoon|evening)|(?:a|an|one|two|three|few|a few|couple|a couple|couple of|a couple of|\d+|half an|twenty|thirty|ten|fifteen) (?:minutes?|mins?|hours?|hrs?) ago|yesterday|last night|earlier|just)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RecentMarker();

    [GeneratedRegex(@"\b(?:years? ago|(?:\w+ )?years back|last (?:year|month|summer|winter|spring|fall|autumn|christmas|week|weekend)|months ago|(?:a )?long time ago|a while (?:ago|back)|when (?:i|he|she|we|they) (?:was|were) (?:a kid|a teen|a teenager|younger|little|in (?:high school|college|my twenties|the army))|in (?:19|20)\d\d|back (?:in|then|when)|in the past|used to|as a (?:teen|teenager|kid)|(?<!\bat )once|twice|(?:a few|several|many|\w+) times(?: before)?|before$|before that|previously|growing up|in my (?:twenties|teens|thirties))\b", RegexOptions.CultureInvariant)]
    private static partial Regex DistantMarker();

    [GeneratedRegex(@"\b(?:doing (?:much |so much |a lot )?(?:better|well|ok|okay|great|fine|good)|(?:is|are|was) (?:ok|okay|fine|alright|better|good) now|recovered|survived|made it|pulled through|clean (?:for|since|now)|sober (?:for|since|now)|in recovery|got help|(?:has been|is|was|went) (?:in|to) (?:treatment|rehab)|passed away|died|lost (?:him|her|them|my \w+)|funeral|anniversary)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RecoveryMarker();

    [GeneratedRegex(@"\b(?:pills?|xanax|bars|benzos?|fentanyl|fent|heroin|dope|oxy\w*|percs?|percocets?|opioids?|opiates?|meth|coke|cocaine|crack|drugs?|high|using|used|shot up|snorted|smoked|injected|took|drank|drunk|did (?:a )?(?:line|bump|shot|hit)s?|alcohol|booze|molly|ecstasy|mdma|ketamine|k2|spice|lean|narcan|naloxone|overdos\w*|od|od'd|methadone|suboxone|needle)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DrugContext();
}

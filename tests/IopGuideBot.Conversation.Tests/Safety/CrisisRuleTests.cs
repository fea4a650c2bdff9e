using IopGuideBot.Conversation.Safety;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// Each lexicon rule by itself: it fires on a message it is for, and does not on a near-miss its flags and guards are
/// there to leave alone (negation, history, a question, a figure of speech). Every rule in <see cref="CrisisLexicon.Rules"/>
/// has a row, and every pattern is compiled non-backtracking (linear time).
/// </summary>
public sealed class CrisisRuleTests
{
    /// <summary>rule id → (a message it fires on, a near-miss it must not fire on).</summary>
    private static readonly Dictionary<string, (string Fires, string DoesNotFire)> Examples = new(StringComparer.Ordinal)
    {
        ["suicide.kill-self"] = ("i'm going to kill myself tonight", "i'm killing myself trying to make rent"),
        ["suicide.kill-self-other"] = ("my son says he wants to kill himself", "what do i do if a friend says they want to kill themselves"),
        ["suicide.kms"] = ("honestly kms", "it's 5 kms from my house"),
        ["suicide.unalive"] = ("thinking about unaliving", "i am not going to unalive"),
        ["suicide.suicidal"] = ("feeling really suicidal", "what are the signs someone is suicidal"),
        ["suicide.suicidal-thoughts"] = ("been having suicidal thoughts all week", "he came home from the psych unit after suicidal thoughts in march and is steady"),
        ["suicide.screening-lied"] = ("the nurse asked about thoughts of ending my life and i said no but i lied", "the nurse asked if i was still drinking and i said no but i lied"),
        ["suicide.was-suicidal"] = ("i was suicidal last night", "i was suicidal years ago but i'm doing better"),
        ["suicide.noun"] = ("i keep thinking about suicide", "i'm not thinking about suicide"),
        ["suicide.thoughts-of"] = ("thoughts of suicide all day", "i had thoughts of suicide years ago"),
        ["suicide.had-thoughts"] = ("i had thoughts of killing myself today", "i had suicidal thoughts in 2015"),
        ["suicide.attempted"] = ("i tried to kill myself", "my dad tried to kill himself years ago and is doing well now"),
        ["suicide.want-die"] = ("i want to die", "i don't want to die"),
        ["suicide.going-to-die"] = ("i'm going to die tonight", "i thought i was going to die of embarrassment"),
        ["suicide.not-live"] = ("i don't want to live anymore", "what is an iop"),
        ["suicide.no-reason"] = ("there's no reason to live", "the reason i'm here is my drinking"),
        ["suicide.end-it"] = ("i want to end it all", "i want to end my drinking"),
        ["suicide.end-it-intent"] = ("i'm going to end it tonight", "i'm going to end it with my dealer"),
        ["suicide.cant-go-on"] = ("i can't go on like this", "i can't go on tuesdays"),
        ["suicide.self-harm"] = ("i want to hurt myself", "i don't want to hurt myself"),
        ["suicide.jump"] = ("i'm going to jump off a bridge", "i tried to jump off a bridge years ago"),
        ["suicide.cutting"] = ("i've been cutting again", "i've been cutting coupons"),
        ["suicide.cutting-last"] = ("i started cutting", "i started cutting back"),
        ["suicide.farewell"] = ("goodbye everyone", "goodbye for now, see you tomorrow"),
        ["suicide.farewell-note-written"] = ("i finished my suicide note", "my counselor had me write a goodbye letter to my addiction"),
        ["suicide.farewell-this-is"] = ("this is goodbye", "this is goodbye for today"),
        ["suicide.farewell-saying-goodbye"] = ("i'm saying my goodbyes", "i'm saying goodbye to drinking"),
        ["suicide.farewell-note"] = ("i wrote my letters", "i wrote my letter for work"),
        ["suicide.giving-away"] = ("i already gave all my stuff away to my cousins", "giving my stuff away because we're moving to a smaller place"),
        ["suicide.own-funeral"] = ("i picked out the songs for my funeral last night", "my mom will be planning my funeral if she sees this bill"),
        ["suicide.ready-to-jump"] = ("sorry for writing, i'm about to jump", "i'm ready to jump into the program monday"),
        ["suicide.on-the-edge"] = ("i'm on the bridge and i don't know why i'm writing", "i'm on the bridge in traffic, will be late for intake"),
        ["suicide.if-i-wake"] = ("tell me about intake in case i wake up tomorrow", "what if i wake up late tomorrow with my alarm broken"),
        ["suicide.know-the-dose"] = ("i know exactly how much of my insulin would do it", "the nurse knows what dose works for my pain"),
        ["suicide.take-everything"] = ("i'm gonna take everything in the medicine cabinet tonight", "i take all my pills in the morning with breakfast"),
        ["es.end-it-all"] = ("ya no aguanto, voy a terminar con todo", "quiero terminar con todo esto de las drogas"),
        ["es.on-the-edge"] = ("estoy en la azotea y ya no puedo mas", "estoy en el puente con mucho trafico, llego tarde"),
        ["suicide.farewell-disappear"] = ("i want to disappear", "i want to disappear under a blanket all weekend"),
        ["suicide.farewell-never-wake"] = ("i want to sleep and never wake up", "i want to sleep in and never wake up early"),
        ["suicide.not-around"] = ("i won't be around much longer", "i'm around all week"),
        ["suicide.go-through-with-it"] = ("wrote my goodbye to the kids, tonight i go through with it", "nervous about intake but i'll go through with it"),
        ["suicide.asking-because-started"] = ("how long does it take? asking because i already took them", "how long is intake? asking because i start work at 9"),
        ["suicide.burden"] = ("honestly my family would be better off without me", "nobody will miss me at work for three hours"),
        ["suicide.harmed-again"] = ("i burned myself again last night", "i cut back again on the drinking"),
        ["suicide.stop-for-good"] = ("i want it all to stop, permanently", "i want the drinking to stop for good"),
        ["medical.wound-needs-stitches"] = ("the cut on my arm probably needs stitches but i don't want to go in", "my son needed stitches on his arm when he was six"),
        ["withdrawal.seizures-counted"] = ("the seizures keep coming since i quit, had three this morning", "i had two today, the sessions were good"),
        ["danger.says-im-next"] = ("he broke my wrist and now he says i'm next", "at the barber, he says i'm next"),
        ["danger.impaired-driver-with-child"] = ("my husband is drunk and about to drive the kids to school", "my husband is about to drive the kids to school"),
        ["danger.injury-inflicted"] = ("he came home drunk and broke my nose", "i broke my wrist skiing, can i still do group"),
        ["suicide.after-gone"] = ("my kids will be fine after i'm gone", "my kids will be fine when i'm gone to work"),
        ["suicide.hoping-not-wake"] = ("some nights i'm hoping i just don't wake up", "i hope i wake up on time"),
        ["suicide.means-at-hand"] = ("the gun is right here", "the clinic is right here"),
        ["suicide.have-plan"] = ("i have a plan", "i have a plan to quit drinking"),
        ["suicide.looked-up"] = ("i looked up how many pills it would take", "i looked up your hours"),
        ["suicide.drive-into"] = ("thinking about driving into a wall", "i'm driving into town"),
        ["suicide.dead-by"] = ("i'll be dead by tomorrow anyway", "i'll be done by tomorrow anyway"),
        ["suicide.not-around-by"] = ("i don't see myself being around by spring", "i don't see myself being in this job by spring"),
        ["suicide.painless-way"] = ("what is the most painless way to go", "what is the most painless way to quit"),
        ["suicide.affairs-in-order"] = ("my affairs are in order now and i'm done", "my affairs are in order now and i start on monday"),
        ["suicide.apology-relayed"] = ("please tell my son i'm sorry for everything", "please tell my son i'm sorry i missed his game"),
        ["suicide.goodbye-then-silent"] = ("she posted goodbye on instagram and her phone is off", "she posted goodbye on instagram when she moved to denver"),
        ["suicide.last-night"] = ("this is probably my last night, thanks for trying", "this is my last night in the dorms before break"),
        ["suicide.join-the-dead"] = ("since my husband died i just want to join him... i will be with my husband soon", "my husband is away for work, i will be with my husband soon"),
        ["suicide.means-ready"] = ("the rope is already up in the garage", "the rope is already in the boat"),
        ["suicide.gun-loaded"] = ("the rifle is on my mind all day and i loaded it", "we loaded it into the truck"),
        ["suicide.notes-for-family"] = ("the letters to my family are written already, so the program is pointless", "i wrote a letter to my kids about starting treatment, is that a good idea"),
        ["suicide.join-the-dead-pronoun"] = ("my wife passed in june and i'm ready to go be with her", "my dad died last year and i want to see him at the cemetery on his birthday"),
        ["suicide.who-gets-my-things"] = ("who should i give my guns to, i won't need them soon", "who should i leave my dog with while i'm at group"),
        ["suicide.stockpiling"] = ("i've been stockpiling my sleeping pills", "we finally saved up enough for the copay"),
        ["suicide.found-after"] = ("how long would it take before anyone found me", "how long until someone finds me a bed in detox"),
        ["suicide.gone-soon"] = ("will my kids be okay when i'm gone, asking because it won't be long", "when i'm gone to group can my husband call you"),
        ["suicide.loose-ends"] = ("took care of all my loose ends, so i won't need a callback", "tying up loose ends at work before i start the program"),
        ["suicide.beyond-naloxone"] = ("i'm taking enough that narcan won't matter this time, enough to make sure it works", "can narcan bring someone back from a fentanyl overdose"),
        ["suicide.pass-on-love"] = ("if my brother ever asks, tell him i love him. goodbye", "how do i tell my son i love him but won't pay for drugs"),
        ["suicide.know-lethal-amount"] = ("i know how many of these would be lethal and i have them counted", "as a nurse i know what dose is lethal, so i worry about my patients"),
        ["suicide.place-tonight"] = ("the overpass tonight. goodbye", "meet me at the bridge tonight for the concert"),
        ["suicide.ending-it"] = ("i keep thinking about ending it", "i keep thinking about ending it with my boyfriend"),
        ["suicide.barcode"] = ("my arms look like a barcode now", "the label looks like a barcode now"),
        ["danger.break-in"] = ("someone broke in and he's still here", "someone broke into my car last year and stole my radio"),
        ["danger.threatened-me"] = ("he threatened to strangle me tonight", "he threatened to leave me tonight"),
        ["overdose.mixed-with-alcohol"] = ("my dad mixed his oxy with vodka and he's slurring", "my dad used to mix his pills with vodka"),
        ["overdose.going-dark"] = ("took a hit and everything's going dark", "everything's going well"),
        ["medical.worst-headache"] = ("worst headache of my life right after using", "worst hangover of my life right after the wedding"),
        ["es.self-harm-now"] = ("me estoy cortando otra vez", "me estoy cambiando otra vez"),
        ["es.drunk-driving"] = ("mi esposo está manejando borracho con los niños", "mi esposo está manejando a casa con los niños"),
        ["suicide.into-traffic"] = ("i keep wanting to walk into traffic", "i keep walking into the kitchen"),
        ["suicide.out-for-good"] = ("gonna check out for good this weekend", "gonna quit for good this weekend"),
        ["suicide.decided-plan"] = ("i have decided when i'm going to do it", "i have decided when i'm going to start"),
        ["suicide.life-insurance"] = ("does life insurance still pay out if the person dies by suicide", "does my life insurance cover rehab"),
        ["suicide.nobody-would-care"] = ("nobody would care if i died", "nobody would care if i was late"),
        ["suicide.means-laid-out"] = ("the pills are lined up on my nightstand and i'm ready", "my vitamins are lined up in a row on the shelf"),
        ["suicide.not-coming-back"] = ("going to walk into the sea tonight and not coming back", "going to mexico for work and not coming back from the trip"),
        ["suicide.tonights-the-night"] = ("tonight's the night, i just wanted someone to know", "tonight is the night of my first group, wish me luck, goodbye nerves"),
        ["suicide.poison-intent"] = ("i'm going to drink the bleach in the laundry room", "what happens if a kid is going to drink bleach"),
        ["suicide.fumes"] = ("i've got charcoal and tape in the trunk", "we bought charcoal for the grill"),
        ["suicide.letters-left"] = ("i left letters for my kids on the table, i'm sorry", "i wrote a letter to my son about why i'm going to treatment"),
        ["suicide.fresh-cuts"] = ("my sister has fresh cuts on her wrists again", "my son has fresh cuts from the fence at practice"),
        ["suicide.self-harm-implement"] = ("held the lighter to my arm again, i can't stop", "rested the lighter on my arm rest"),
        ["suicide.self-harm-deeper"] = ("cut again, deeper than last time, blood everywhere", "the snow was deeper than usual so i cut my walk short"),
        ["suicide.rope-got"] = ("i already bought a rope, it's in the garage", "i bought a rope for towing the boat"),
        ["suicide.self-harm-act"] = ("i cut myself again", "i cut myself shaving"),
        ["suicide.self-harm-hitting"] = ("i keep punching myself in the head and i can't stop", "i hit myself with the door again, so clumsy"),
        ["suicide.cutting-severity"] = ("honestly cutting really deep tonight", "the new schedule is cutting deep into my savings"),
        ["suicide.blade-urge"] = ("razor out again, the urges won't quit", "i can't stop buying razors for my beard lol"),
        ["suicide.someone-threatening"] = ("my girlfriend keeps threatening to hurt herself when she drinks", "we had a speaker talking about suicide prevention at church"),
        ["suicide.something-stupid"] = ("please answer fast, i'm scared i'll do something stupid", "i always do something stupid like forget my keys"),
        ["suicide.jump-bare"] = ("honestly i'm ready to jump tonight", "what if someone is thinking about jumping"),
        ["overdose.not-woken"] = ("my uncle hasn't woken up since he did a shot of dope", "my son hasn't woken up for school on time once this week"),
        ["suicide.wrists-cut"] = ("my brother slit his wrists in the bathroom", "what do you do if someone cuts their wrists"),
        ["suicide.self-harm-body"] = ("i cut my arm again with a razor", "i cut my hand cooking"),
        ["suicide.urge-to-cut"] = ("i want to cut so bad", "i want to cut back"),
        ["suicide.sh-shorthand"] = ("sh relapse tonight", "shh relapse is normal"),
        ["suicide.how-long-to-die"] = ("how long would it take to bleed out", "how long does it take to get a bed in detox"),
        ["suicide.method-question"] = ("does carbon monoxide hurt or is it like falling asleep", "does the group room get carbon monoxide checks"),
        ["suicide.which-method-quicker"] = ("which is quicker, the rope or the pills", "which is quicker, the bus or the train to your clinic"),
        ["suicide.researching-ways"] = ("i've been googling ways to end it since midnight", "i've been researching ways to pay for treatment"),
        ["suicide.gun-in-a-hurry"] = ("where can i get a handgun tonight without a background check", "where can i buy a gun safe today"),
        ["suicide.tonight-the-night"] = ("tonight's the night, i'm done", "tonight's the night i tell my wife i need help"),
        ["suicide.tell-someone-before"] = ("wanted to let someone know before i go", "i wanted to tell someone before my intake tomorrow"),
        ["suicide.making-sure"] = ("what amount of bars makes sure you don't wake up", "how do i make sure my kids don't find out about my drinking"),
        ["suicide.self-harm-method-question"] = ("where's the best spot to cut that won't show", "what's the best place to cut costs on treatment"),
        ["suicide.whole-supply-enough"] = ("all of my seroquel at once, would that be enough", "would that be enough to get into the program"),
        ["suicide.where-to-jump"] = ("where do people usually go to jump off around here", "where can i jump on the video group"),
        ["suicide.how-many-it-takes"] = ("tell me how many it takes before i chicken out", "how many it takes to finish the program"),
        ["suicide.self-harm-hidden"] = ("how do i cover up fresh cuts on my arm", "how do i cover up my tattoo for work"),
        ["suicide.after-tonight"] = ("i want my wife to be okay after tonight", "i want my wife to be okay after tonight's talk with the counselor"),
        ["es.searching-ways"] = ("mi hermana busca formas de quitarse la vida", "busco formas de pagar el programa"),
        ["suicide.lethal-dose"] = ("what's a lethal dose of my pills", "what's a lethal amount of alcohol"),
        ["suicide.method"] = ("how many would it take to die", "how many sessions would it take"),
        ["suicide.method-past"] = ("i swallowed all my meds on purpose", "in my twenties i swallowed a bottle of pills on purpose, decades ago now"),
        ["suicide.method-past-recent"] = ("i took all my pills on purpose last week", "i took all my vitamins last week"),
        ["overdose.now"] = ("he's overdosing", "i'm overdosing on coffee"),
        ["overdose.took-a-count"] = ("i swallowed about 30 of my sleeping pills", "i took 30 of my vitamins a day for years"),
        ["suicide.wrists-bleeding"] = ("my wrist is bleeding again", "i'm bleeding from my knee"),
        ["suicide.if-still-alive"] = ("sign me up for the fall session, if i'm still alive by then", "sign me up for the fall session, if i'm still in town by then"),
        ["overdose.use-alone"] = ("she overdosed last night and says she'll go use alone again with no narcan", "he likes to get high alone on weekends"),
        ["overdose.od-verb"] = ("i think he od", "what happens if someone od"),
        ["overdose.od-on"] = ("my cousin od on fent last night", "is it easy to od on fent"),
        ["overdose.past-verb"] = ("he just overdosed", "he overdosed years ago and is doing better"),
        ["overdose.too-much"] = ("i took too many pills", "i took too much time"),
        ["overdose.whole-supply"] = ("she swallowed a whole bottle of xanax", "she bought a whole bottle of water"),
        ["overdose.naloxone"] = ("should i give him narcan", "does narcan work on everyone"),
        ["overdose.signs"] = ("she's not breathing", "what are the signs someone isn't breathing"),
        ["danger.relayed-conditional-threat"] = ("my stepdad told me if i call anyone he will kill me", "my sister says if i eat her fries she'll kill me haha"),
        ["overdose.child-swallowed"] = ("my toddler got into my methadone and drank some", "my son swallowed a penny years ago at the park"),
        ["suicide.who-finds-me"] = ("put my sister as the contact, she'll be the one who finds me", "my sister is the one who found me a job at the clinic"),
        ["suicide.arranging-after"] = ("i've been working out who gets my cat after friday", "figuring out who keeps my dog while i'm in residential"),
        ["overdose.waking-remedy"] = ("my cousin says pour ice water on him to wake him up, he's out on the floor", "my dad used cold water to get my brother up for school"),
        ["overdose.feelings"] = ("i used and i can't keep my eyes open", "i can't keep my eyes open at work"),
        ["overdose.on-the-floor"] = ("he's twitching on the floor after using", "the kids are jumping on the bed"),
        ["overdose.opioid-signs"] = ("his lips are turning blue", "what are pinpoint pupils"),
        ["overdose.collapsed"] = ("my friend collapsed", "my friend collapsed years ago and is doing better"),
        ["withdrawal.seizure-now"] = ("i'm having a seizure", "what happens if someone is having a seizure"),
        ["withdrawal.seizure-past"] = ("i had a seizure an hour ago", "i had a seizure when i quit in 2019"),
        ["withdrawal.seizure-recent"] = ("shaky all day, two seizures this morning", "my seizures earlier in my life were from a head injury"),
        ["withdrawal.hallucinating"] = ("i'm hallucinating", "what does hallucinating mean"),
        ["withdrawal.hallucinated"] = ("i hallucinated last night", "i hallucinated once years ago"),
        ["withdrawal.gated-signs"] = ("stopped drinking and now i'm seeing bugs", "i'm seeing bugs in my garden"),
        ["withdrawal.dts"] = ("i think i'm in the dts", "i had the dts years ago"),
        ["withdrawal.cant-keep-down"] = ("coming off the pills and i can't keep water down since monday", "can't keep anything down after that cheap sushi"),
        ["withdrawal.confused"] = ("he quit drinking and he's so confused", "i'm so confused about the schedule"),
        ["withdrawal.confused-after"] = ("since i quit drinking i've been disoriented", "i'm confused about insurance"),
        ["withdrawal.shaking"] = ("i can't stop shaking", "i'm shaking with excitement"),
        ["danger.shoot-up-place"] = ("a guy outside says he'll come back with his gun", "we're going to light this place up with christmas lights"),
        ["danger.threat"] = ("i'm going to kill him", "i'm not going to hurt anyone"),
        ["danger.weapon-threat"] = ("he has a gun and said he'd kill me", "my dad has a gun collection"),
        ["danger.weapon-drawn"] = ("he pulled a knife", "he pulled a muscle"),
        ["danger.victim"] = ("my husband is threatening me", "what is an iop"),
        ["danger.victim-hitting"] = ("he is hitting me", "he is hitting me up for money"),
        ["danger.victim-habitual"] = ("my boyfriend hits me when he drinks", "my sister always beats me at cards"),
        ["danger.attack-now"] = ("he came at me with a knife", "he came at me with a question"),
        ["danger.relayed-threat"] = ("he said he'll kill me", "he said he'll call me"),
        ["danger.partner-threat"] = ("my ex told me he'll kill me if i move out lol", "my ex said he'll kill it at the open mic tonight"),
        ["danger.hurt-in-few-words"] = ("boyfriend drunk again hit me, kids crying", "my brother always beats me at chess"),
        ["danger.hiding-from-someone"] = ("we're hiding in the bedroom closet, he is drunk and throwing things and has a knife", "hiding in the bathroom for five minutes of quiet from the kids lol"),
        ["danger.afraid-when-back"] = ("he choked me last night and I'm terrified of when he gets home from the bar", "my husband works nights and I'm scared when he comes home that I'll be asleep and miss him"),
        ["danger.was-hurt"] = ("my boyfriend just hit me", "my boyfriend hit me up last week"),
        ["pregnancy.opioid"] = ("i'm pregnant and using fentanyl", "i'm not pregnant and i use fentanyl"),
        ["pregnancy.telegraphic"] = ("pregnant. dope sick. please", "pregnant withdrawal programs near me?"),
        ["pregnancy.opioid-first"] = ("i use heroin and i'm pregnant", "i use heroin and i'm not pregnant"),
        ["medical.stroke-signs"] = ("her mouth went crooked and she can't talk right", "his smile is crooked in every photo"),
        ["medical.pain-spreading"] = ("after the coke the pain is spreading to my left arm", "my tooth pain goes up into my jaw"),
        ["medical.collapsed-cannot-rise"] = ("i fell in the kitchen and i can't get up", "i fell asleep early and got up at five"),
        ["medical.heart-attack-signs"] = ("did coke and now my left arm is numb and my chest hurts", "my left arm is numb from sleeping on it"),
        ["medical.breathless"] = ("he's so short of breath he can't talk", "i get short of breath on the stairs"),
        ["medical.emergency"] = ("i have chest pain", "i had chest pain in 2015"),
        ["medical.bleeding-wont-stop"] = ("my arm is cut and the bleeding won't stop", "the bleeding finally stopped and the stitches came out fine"),
        ["medical.pregnancy-danger"] = ("i'm 20 weeks pregnant and i've been bleeding since last night", "i've been bleeding from a scrape on my knee"),
        ["medical.heart-attack"] = ("i think he's having a heart attack", "i nearly had a heart attack when i saw the bill"),
        ["medical.heart-attack-had"] = ("my husband had a heart attack an hour ago and he's grey", "my uncle had a heart attack at 50 from coke, he's fine now"),
        ["medical.cant-breathe"] = ("i can't breathe", "i can't breathe through my nose"),
        ["medical.head-injury"] = ("he hit his head and is throwing up", "he hit his head on the cabinet"),
        ["medical.fading-out"] = ("took some pills and the room keeps going black", "my phone screen keeps going black when i call"),
        ["medical.fainted-again"] = ("my husband has fainted twice since dinner", "she fainted twice last year at a concert"),
        ["medical.shock-signs"] = ("my dad is grey and clammy on the couch", "he was pale and clammy years ago when they found him"),
        ["medical.fainted"] = ("i think i fainted", "i fainted years ago at a concert"),
        ["medical.blacked-out"] = ("i just blacked out", "i blacked out a lot in college"),
        ["intl.medical-now"] = ("ab saans lene mein dikkat ho rahi hai", "saans ki exercise group mein hoti hai kya"),
        ["intl.pregnancy-danger"] = ("buntis ang kapatid ko at nagdudugo siya", "hindi ako buntis, may dugo sa ilong ko"),
        ["intl.overdose-pills"] = ("usne bahut saari goliyan kha li hain", "bahut saari goliyan doctor ne di hain"),
        ["intl.withdrawal-fits"] = ("sharab chhodne ke baad daure pad rahe hain", "daure ki dawai chal rahi hai"),
        ["suicide.finish-what-started"] = ("once the hospital discharges me i'll finish what i started", "after the hospital i want to finish what i started with the program"),
        ["es.suicide-wish"] = ("quiero morir", "no quiero morir"),
        ["es.cry-for-help"] = ("socorro", "vivo en socorro, tienen grupos por video"),
        ["es.finish-what-started"] = ("cuando me den de alta del hospital voy a terminar lo que empece", "despues del hospital quiero terminar lo que empece en el programa"),
        ["es.suicide-no-life"] = ("no quiero vivir", "quiero vivir"),
        ["es.farewell"] = ("ya escribi mi carta de despedida", "es mi primera vez aqui"),
        ["es.withdrawal"] = ("deje de tomar y veo cosas", "que es la abstinencia"),
        ["es.pregnancy"] = ("estoy embarazada y uso heroina", "no estoy embarazada y uso heroina"),
        ["es.self-harm"] = ("me estoy cortando", "que es hacerse dano"),
        ["es.overdose-past"] = ("mi hijo tuvo una sobredosis", "mi hijo tuvo una sobredosis hace anos"),
        ["es.overdose"] = ("mi amigo no respira", "que hago si alguien no respira"),
        ["es.threatened-with-weapon"] = ("mi ex me amenazo con una navaja y sigue afuera", "en la pelicula el malo amenaza con una pistola"),
        ["suicide.loaded-gun"] = ("the shotgun is loaded and on the table, my family is gone and i want it all to stop", "my shotgun is loaded for duck season, can i still make the saturday group"),
        ["es.farewell-gone"] = ("solo vengo a despedirme, ya no voy a estar aqui la semana que viene", "solo quiero despedirme y darles las gracias por la informacion"),
        ["overdose.not-moving"] = ("he fell down the stairs after using and he's not moving", "my daughter is not moving back home after rehab"),
        ["es.not-moving"] = ("se cayo del techo y no se mueve", "mi papa no se mueve de la cama desde que dejo de tomar"),
        ["intl.suicide-wish"] = ("gusto ko nang mamatay, pagod na ako", "nao quero morrer, quero ajuda para parar de beber"),
        ["intl.suicide-wish-other-scripts"] = ("я хочу умереть", "я не хочу умереть, мне нужна помощь"),
        ["clinical.suicidal-ideation"] = ("pt endorses SI with a plan to overdose tonight", "pt denies current SI, hx of SI in 2019, requesting IOP"),
        ["clinical.homicidal-ideation"] = ("client expressed HI toward her stepfather this morning", "client denies SI/HI, referred for IOP"),
        ["es.hiding"] = ("estamos escondidos en el cuarto, mi papa llego borracho y esta rompiendo todo", "estoy escondida en mi cuarto viendo series todo el dia"),
        ["es.danger"] = ("me esta pegando ahora", "que es la violencia"),
        ["es.danger-kill-me"] = ("me van a matar", "me van a matar si llego tarde otra vez"),
        ["es.danger-told"] = ("mi ex dice que me va a matar si voy", "mi ex dice que me va a llamar si voy"),
        ["es.someone-suicidal"] = ("mi amiga dice que se va a suicidar", "mi amiga dice que se va a mudar"),
        ["es.someone-plan"] = ("mi paciente me contó que tiene un plan para matarse esta noche", "mi paciente me contó que tiene un plan para mudarse"),
        ["es.chest-pain"] = ("me duele el pecho despues de fumar crack", "me duele la cabeza un poco"),
        ["es.danger-hurting-family"] = ("mi pareja esta golpeando a mis hijos ahora mismo", "mi pareja esta ayudando a mis hijos con la tarea"),
        ["es.not-after-tonight"] = ("ya no voy a necesitar nada despues de esta noche", "no voy a necesitar transporte para manana despues de todo, tengo carro"),
        ["es.someone-self-harm"] = ("mi hermana se corto los brazos anoche", "mi hija se corto el pelo muy corto"),
        ["es.suicide-means"] = ("esta noche me voy a tirar del puente", "esta noche voy a cruzar el puente"),
        ["es.suicide-rope-ready"] = ("ya compre la soga y no se ni para que escribo", "ya compre la soga para el columpio de los ninos"),
        ["es.someone-no-life"] = ("mi esposo dice que no quiere vivir", "mi esposo dice que no quiere ir al programa"),
        ["es.overdose-signs"] = ("mi hermano esta morado y no se despierta", "mi hermano no responde mis mensajes"),
        ["es.withdrawal-severe"] = ("dejo de tomar y esta alucinando", "dejo de tomar y esta cansado"),
        ["es.pregnancy-danger"] = ("estoy embarazada y estoy sangrando", "estoy embarazada y quiero dejar las pastillas"),
        ["es.medical"] = ("fume cristal y el corazon me late muy rapido", "fume cristal y tengo sueno"),
    };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in CrisisLexicon.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_fires_on_its_example_and_not_on_its_near_miss(string ruleId)
    {
        var rule = CrisisLexicon.Rules.Single(r => r.Id == ruleId);
        Assert.True(Examples.TryGetValue(ruleId, out var example), $"no example for rule '{ruleId}'");

        Assert.True(CrisisLexicon.Fires(rule, example.Fires), $"{ruleId} should fire on: {example.Fires}");
        Assert.False(CrisisLexicon.Fires(rule, example.DoesNotFire), $"{ruleId} should not fire on: {example.DoesNotFire}");
    }

    [Fact]
    public void Rule_ids_are_unique_and_every_example_names_a_rule()
    {
        var ids = CrisisLexicon.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(Examples.Keys.Except(ids, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_pattern_runs_in_linear_time()
    {
        var signal = new CrisisLexiconSignal();
        foreach (var rule in signal.Rules)
        {
            foreach (var regex in rule.AllPatterns)
            {
                Assert.True(regex.Linear.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking), $"{rule.Rule.Id}: {regex}");
            }
        }
    }
}

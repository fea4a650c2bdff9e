using Xunit.Abstractions;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// Understanding on questions nobody on the team wrote: <c>topics-heldout-r1.tsv</c> (voice, expected topic id, text),
/// written by an independent writer who had not read the content, from the topic list alone. Each line is a new
/// conversation through the composition users meet (safety middleware, then the bot); what the user got is read from the
/// reply's content id. A line is right when the bot answered the expected topic (or command, small talk, crisis reply),
/// or, for <c>none</c>, when it said honestly that it could not answer. Confident-but-wrong: any other answer that was not
/// a fallback.
/// <para>
/// First contact (the classifier and content as landed on main, commit 35bb5cd, before any change for this set):
/// right 78/260 (30.0 %): family 14/90 (15.6 %), patient 29/90 (32.2 %), comparison 14/35 (40.0 %), practical 13/30
/// (43.3 %), other 8/15 (53.3 %); fallbacks 127 (48.8 %); confident-but-wrong 66 (25.4 %).
/// </para>
/// <para>
/// After this round (new topics and examples in both voices, the cascade with the semantic matcher, thresholds chosen on
/// the development set, never on this file): right 198/260 (76.2 %): family 58/90 (64.4 %), patient 72/90 (80.0 %),
/// comparison 28/35 (80.0 %), practical 27/30 (90.0 %), other 13/15 (86.7 %); fallbacks 43 (16.5 %); confident-but-wrong
/// 27 (10.4 %). The kinds of miss were read (not the lines copied), so from here this file is a regression set, not an
/// unbiased estimate. Two of the misses are <c>overdose-info</c>, which the safety work adds.
/// </para>
/// The test holds the bot to its recorded figures below: it fails if any of the three gets worse.
/// Reproduce: <c>dotnet test tests/IopGuideBot.Conversation.Tests -c Release --filter BlindTopics --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class BlindTopicsTests(ITestOutputHelper output)
{
    [Theory]
    // The figures recorded in each file's header (counts: right, family right, confident-but-wrong). r1 after the guided
    // flows and the learned crisis signal joined: 195, 56, 32 (it was 198, 58, 27 with understanding alone). After the
    // round-2 examples and thresholds (chosen on topics-dev-r2.tsv; these files were run for their totals only):
    // r1 196, 56, 29; r2 157, 40, 44 (it was 153, 38, 45). Merged with the crisis signal's round-4 training lines (a few
    // more ordinary questions get the crisis reply): r1 195, 56, 30; r2 156, 40, 45; r3 first contact 257, 94, 21, now
    // 259, 94, 22 (the examples and thresholds were chosen without this file). Round 3 of development (long messages read
    // by their question sentences too, examples grown from topics-dev-r3.tsv, nearest-example margin 0.15; chosen on the
    // development sets, these files run for their totals only): r1 196, 54, 28 (family 2 fewer: close calls now fall
    // back); r2, the story-like set, 163, 42, 42; r3 268, 97, 18. r5 (320 lines, a new writer, not read while tuning):
    // first contact 266, 98, 36; with the crisis round-5 signal in front 265, 98, 36; with this round too 265, 97, 35 — the
    // development gains did not carry over to a new writer's questions. Round 6 read r5 as a development set (a newer blind
    // set judges): 273, 99, 18 — of which +4 right / -4 wrong are the harness now counting the help reply as the help
    // command and a callback request as answering "call me back" (one reply serves both); the other 13 fewer wrong
    // answers are the cascade's (second opinion below 0.6, command phrases inside questions); 6 of the 18 are crisis replies.
    // r1-r3 run for their totals only in round 6: r1 191, 54, 24 (right lowered from 196 on purpose: 5 close calls that
    // were right now fall back, with the topic among the suggestions in 29 of 44 topic fallbacks; 4 fewer wrong); r2 164,
    // 44, 34 (8 fewer wrong); r3 270, 98, 11 (7 fewer wrong).
    // r6 (300 lines, another new writer, 110 in a family member's voice, never read while tuning): first contact 248, 89,
    // 28; after understanding round 6 and the crisis round-6 signal: 256, 91, 15. With that crisis signal in front (a few
    // more ordinary questions get the crisis reply): r2 163, 43, 36; r5 272, 99, 19.
    // r7 (300 lines, a new writer, 110 family, never read while tuning): first contact 251, 92, 16; with the crisis model retrained
    // without two lines identical to r7 lines (one more ordinary question gets the crisis reply): 250, 92, 17 (r6 256, 90, 15).
    // With the round-7 crisis signal in front (more risky wording learned; r2's story-like family questions get 4 more
    // crisis replies): r2 159, 40, 42; r6 257, 91, 14.
    // r7 after the round (understanding unchanged, the crisis signal in front changed): 251, 92, 16, as at first contact.
    // With the round-8 crisis signal in front (the tuned encoder; one more family question gets the crisis reply): r7 250, 91, 18.
    // r8 (300 lines, a new writer, 113 family, never read while tuning): first contact 240, 88, 24; after round 8 (understanding
    // unchanged, the round-8 crisis signal in front: one more family question gets the crisis reply): 239, 87, 25.
    // Round 9 (199 examples in both voices for the most confused topics, texting shorthand and typos repaired, off-topic
    // small talk counted as the fallback it is; the crisis signal in front unchanged but for one training line): r1 191, 54,
    // 24 → 190, 56, 21; r2 159, 40, 42 → 156, 40, 42; r3 270, 98, 11 → 273, 100, 11; r5 272, 99, 19 → 274, 102, 22 (7 crisis
    // replies); r6 256, 90, 15 → 256, 91, 15; r7 250, 91, 18 → 250, 90, 20; r8 239, 87, 25 → 244, 90, 24.
    // Round 10 (questions in Spanish read through an English gloss; 215 examples in both voices for the topics missed or
    // confused most on the seen sets, written by a helper who read no evaluation line): r1 190, 56, 21 → 193, 56, 22; r2
    // 156, 40, 42 → 158, 40, 38; r3 273, 100, 11 → 270, 99, 10 (lowered: the new examples cost r3 three right answers and
    // r5 three more wrong ones, and gained 28 right and 6 fewer wrong pooled over every seen set); r5 274, 102, 22 → 275,
    // 102, 25; r6 256, 91, 15 → 262, 95, 14; r7 250, 90, 20 → 257, 95, 20; r8 244, 90, 24 → 252, 95, 21. Then a message
    // of a few words whose telling words belong to one intent answered by it instead of a fallback (DistinctiveWords;
    // pooled +7 right, +3 wrong, -10 fallbacks): r1 194, 56, 22; r2 158, 40, 39; r7 258, 95, 20.
    // Round 11 ("what happens now?" before anything was sent in the chat gets the what-next answer worded for that instead
    // of the how-to-start topic; 137 examples for the topics that fall back most, written by a helper who read no
    // evaluation line; pooled over every seen set 2,964 → 2,992 right, 228 → 217 wrong, 423 → 403 fallbacks): r1 194, 56,
    // 22 → 195, 57, 24; r2 158, 40, 39 → 156, 38, 44 (lowered on purpose: "is it as good as inpatient" examples draw a few
    // questions about effectiveness and the right level to the inpatient comparison); r3 275, 99, 8; r5 279, 102, 23;
    // r6 265, 93, 13 (family lowered by 2); r7 264, 96, 17; r8 255, 95, 20. Then several questions in one message that
    // leave the whole unsure answered by the first question sure on its own (SeveralQuestionsTests): r2 157, 39, 44; r5
    // 280, 103, 24 (one more wrong); every other seen set unchanged.
    // Round 12 (judged on r13, kept sealed; r12 read after round 11 and seen since): 163 examples for the kinds r12 and
    // the other seen sets miss most (professional licences, shift work, small-town and military privacy, specific
    // insurers, therapies by name…), written by a helper who read no evaluation line; the meaning classifier answering
    // alone when sure, leading and seconded by the n-gram classifier (MeaningAloneConfidence 0.7); the crisis check's
    // model-alone rule in front. Seen pool without r11/r12: 2,994 → 3,015 right, 218 → 213 wrong. r1 195, 57, 24 → 194,
    // 58, 25; r2 157, 39, 44 → 156, 39, 42; r3 275, 99, 8 → 277, 98, 8; r5 280, 103, 24 → 285, 105, 23; r6 265, 93, 13 →
    // 270, 98, 14; r7 264, 96, 17 → 263, 95, 20; r8 255, 95, 20 → 256, 96, 18; r9 228, 89, 27 → 235, 90, 27; r10 271,
    // 110, 11 → 276, 109, 8; r11 269, 101, 7 → 272, 104, 11 (wrong answers raised on purpose: three more right, four more
    // wrong, mostly from the new examples); r12 245, 102, 17 → 269, 108, 16 (its kinds were in the helper's brief).
    // Round 13 (judged on r14, kept sealed; r13's topic misses read at its start, seen since): 222 examples for the kinds the
    // seen sets miss most (asking for a person in short or polite ways, a substance or a state Medicaid programme named
    // alone, relatives of someone already in the program, first-day logistics, sitting in on sessions, just out of jail or
    // hospital, switching shifts, "like rehab but you go home"…), written by a helper who read no evaluation line; the
    // crisis lexicon's round-13 changes in front. Pooled over the seen sets (dev, dev r2, dev r3, held-out r1–r13):
    // 3,798 → 3,822 right, 267 → 250 wrong, 458 → 454 fallbacks with the same crisis check (3,824 / 248 as committed; r13
    // itself +16 right: its kinds were in the brief). r1
    // 194, 58, 25 → 195, 59, 24; r2 156, 39, 43 → 155, 40, 39; r3 277, 98, 8 → 281, 100, 8; r5 285, 105, 23 → 286, 104, 21;
    // r6 270, 98, 14 → 266, 97, 14 and r7 263, 95, 20 → 265, 94, 19 (lowered on purpose for the pooled gain); r8 256, 96,
    // 18 → 257, 96, 20; r9 235, 90, 27 → 236, 90, 28; r10 276, 109, 8 → 278, 110, 9; r11 272, 104, 11 → 277, 104, 6; r12
    // 269, 108, 16 → 269, 107, 13; r13 244, 101, 22 → 260, 107, 17.
    // Round 14 (judged on r15, kept sealed; r14's misses read at its start, seen since): 30 examples in own words for
    // vocabulary no topic had (Medicare, urine tests and "UAs", sign-language interpreters, prenatal care alongside the
    // program, prescription pills, court papers that name IOP, evening sessions for someone who works days, more than IOP
    // but home at night). Pooled over the seen sets without r14: 3,824 → 3,828 right, 248 → 240 wrong, 454 → 458
    // fallbacks; r14 269, 118, 7 → 274, 119, 8 (its kinds were the reason for the examples). 93 examples over 23 topics
    // were measured first and left out (without r14: 3,819 right, 245 wrong). Rows below are the figures after it.
    // Then the crisis check's round-14 rule (a sentence of a message that reads as ordinary needs 0.7): 9 fewer crisis
    // replies to topic questions; pooled 4,102 → 4,107 right, 248 → 239 wrong (r2 155, 40, 39 → 158, 42, 34; r5 286, 104,
    // 20 → 287, 105, 19; r9 234, 89, 28 → 234, 89, 27; r13 259, 106, 15 → 259, 106, 14).
    // Round 15 (judged on r16, kept sealed; r15's misses read at its start, seen since): 92 examples in own words for the
    // kinds the seen sets miss or confuse most (a sick child or a work trip on a session day, finishing before a date,
    // late groups, EAP referrals, step-down care, relapse after long recovery, "dui class or iop", a worn-out spouse,
    // "address?", three levels of care side by side, a relative coming along to sessions, "what can I do while he is in
    // the program", "when will someone call"); "will my boss find out" examples moved from the employer topic to privacy
    // (the writers file it there, 16 to 4); "is IOP as good as inpatient" moved from effectiveness to the comparison, whose
    // answer now says what research finds; "start over" and "keep going" inside an unsure question give the fallback with
    // its topics instead of the menu; the harness counts the menu as what "menu" asks for (command:help). 159 examples in
    // professional voices (case managers, probation officers, HR…) by a helper who read no evaluation line were measured
    // and left out (pooled -45 right). Pooled over the seen sets: 4,377 → 4,414 right, 256 → 239 wrong, 503 → 482
    // fallbacks (without r15: 4,107 → 4,132 right, 239 → 229 wrong). r1 194, 58, 23 → 199, 59, 23; r2 158, 42, 34 → 155,
    // 41, 36; r3 281, 100, 8 → 285, 103, 8; r5 287, 105, 19 → 292, 105, 17; r6 267, 97, 13 → 272, 98, 9; r7 265, 95, 17 →
    // 267, 94, 16; r8 258, 95, 19 → 255, 93, 18; r9 234, 89, 27 → 240, 90, 23; r10 281, 111, 7 → 282, 112, 6; r11 277,
    // 104, 7 → 281, 107, 5; r12 268, 108, 15 → 268, 109, 15; r13 259, 106, 14 → 260, 108, 16; r14 274, 119, 8 → 277, 120,
    // 7; r15 270, 101, 17 → 282, 104, 10.
    // Round 16 (judged on r17, kept sealed; r16's misses read at its start, seen since): a topic for referring professionals
    // (referral-partners: consent under 42 CFR Part 2, confirming enrolment, attendance and progress reports, discharge
    // planning), given to r17's writer in the topic list; 79 examples in own words for the kinds r16 missed (screen readers
    // and accessible materials, a CDL, excused-absence letters, Medicaid after release, custody and small-town privacy,
    // slips and relapse mid-program, "how do I get him started", chat or phone, ASL, a partner in the same group, living in
    // a car, pain medicine taken as prescribed, "how does this chat work") and for "how do I bring it up without a fight",
    // which the writers file under interventions. Earlier writers had no referrer topic and filed referrers' questions
    // under how-to-start, legal or confidentiality; about ten such professional questions now get the new topic and count
    // as wrong (dev-professional 124 → 117 right). Ten more examples in referrers' words were measured and left out: they
    // pulled patients' "my probation officer wants updates" to the new topic (pooled -13 right). A short sentence in an
    // ordinary message now needs the crisis signal's framed threshold, which spares a few topic questions the crisis reply.
    // Seen sets without the dev sets: 3,873 → 3,903 right, 220 → 193 wrong, 433 → 430 fallbacks (without r16 as well:
    // 3,615 → 3,620 right, 209 → 186 wrong, 397 → 415 fallbacks). r1 199, 59, 23 → 198, 58, 23; r2 155, 41, 36 → 155, 40,
    // 34; r3 285, 103, 8 → 283, 101, 9; r5 292, 105, 17 → 291, 105, 16; r6 272, 98, 9 → 276, 100, 3; r7 267, 94, 16 →
    // 269, 95, 17; r8 255, 93, 18 → 260, 96, 15; r9 240, 90, 23 → 240, 91, 20; r10 282, 112, 6 → 282, 112, 6; r11 281,
    // 107, 5 → 283, 108, 4; r12 268, 109, 15 → 271, 111, 14; r13 260, 108, 16 → 257, 107, 12; r14 277, 120, 7 → 275, 120,
    // 5; r15 282, 104, 10 → 280, 104, 8; r16 258, 78, 11 → 283, 84, 7 (its misses read). The three dev sets gained 47
    // lines from an independent writer for the new topic and its neighbours (their floors are over the longer sets).
    // Round 26 (judged on r27, kept sealed; r26's misses read at its start, seen since): 30 examples in own words for the
    // kinds r26 missed in eight topics (a licensing board, a bar or a physician health programme and proof of attendance
    // for an employer; no money at all; outcome data and "why would yours be different"; "can you tell me if he came
    // today"; an intake coordinator; Haitian Creole, French, Portuguese; kratom, tianeptine, mouthwash; a craving outside
    // the shop). 88 examples over 30 topics were measured first and left out (the calibration's seen questions 6,807 →
    // 6,796 right, family 2,399 → 2,381; pruned to 84: 6,800), then these 30 (6,836 right, family 2,403, 260 wrong, 813
    // fallbacks). Over the test rows (the seen sets without r27): 7,532 → 7,563 right, family 2,606 → 2,610, wrong 370 →
    // 364, fallbacks 782 → 759; r26 itself 234, 69, 25 → 243, 70, 24 (its kinds were the reason). Rows changed, the
    // others lowered on purpose for the pooled gain: r5 293, 106, 18 → 291, 106, 18; r6 277, 101, 3 → 278, 101, 4; r9
    // 243, 94, 20 → 244, 93, 20; r11 283, 108, 4 → 282, 107, 4; r13 260, 108, 12 → 260, 108, 14; r14 275, 120, 6 → 277,
    // 122, 7; r16 285, 85, 7 → 286, 85, 8; r18 263, 66, 16 → 265, 67, 17; r22 267, 65, 8 → 267, 65, 10.
    // Round 27 (judged on r28, kept sealed; r27's misses read at its start, seen since): 9 examples in own words in seven
    // topics (discharge planning and hand-off, network carriers, VA community care, psychosis or a psychiatrist for
    // co-occurring disorders, weeks for court planning, intake for a referred client, stopping drinking before a
    // pregnancy). 28 examples over 21 topics were measured first and left out (the calibration's 8,071 seen questions
    // 7,078 → 7,030 right, fallbacks 847 → 906; the test rows 7,815 → 7,759), then these 9 (7,090 right, family 2,476 →
    // 2,482, wrong 285 → 273, fallbacks 846). Over the test rows (every seen set, r27 now among them): 7,815 → 7,827
    // right, family 2,683 → 2,688, wrong 391 → 378, fallbacks 786 → 785; r27 251, 73, 28 → 253, 73, 26. Rows lowered on
    // purpose for the pooled gain: r5 291, 106, 18 → 291, 105, 18; r7 270, 95, 17 → 269, 95, 17; r8 265, 100, 15 → 264,
    // 100, 15; r10 282, 112, 6 → 282, 111, 6; r16 286, 85, 8 → 282, 84, 8; r24 263, 72, 19 → 263, 71, 19.
    // Round 32 (judged on r33, kept sealed; r32's misses read at its start, seen since): thresholds recalibrated over every
    // seen set by name (`--calibrate` with CALIBRATE_SEARCH=1: one threshold at a time, then pairs, each kept only with
    // more right, no more confident-but-wrong and no set losing more than 2 right): SoleConfidence 0.6 → 0.65 (the meaning
    // classifier alone needs a second opinion up to 0.65), AgreementConfidence 1 → 0.4 (the n-gram and meaning classifiers
    // agreeing on the first intent at a mean of 0.4 answer), NearParaphraseSimilarity 0.80 → 0.775. Through the bot over
    // every seen set (dev, dev r2, dev r3, dev-professional, held-out r1–r32): right 9,090 → 9,113, family 3,016 → 3,031,
    // confident-but-wrong 466 → 458, fallbacks 963 → 947 (held-out alone 8,131 → 8,153, 418 → 409). Every row holds its
    // exact new figures; rows lowered on purpose for the pooled gain (no set loses more than 2 right): r5 292, 105, 18 →
    // 290, 104, 17; r6 278, 101, 3 → 277, 101, 4; r12 271, 111, 14 → 269, 111, 15; r14 277, 122, 7 → 279, 122, 8; r15 280,
    // 104, 8 → 281, 104, 9; r16 282, 84, 8 → 282, 83, 9; r25 268, 79, 12 → 268, 77, 11; r27 253, 73, 26 → 251, 73, 26; r29
    // 267, 66, 12 → 266, 66, 11; r30 251, 66, 15 → 253, 67, 16.
    [InlineData("topics-heldout-r1.tsv", 202, 61, 21)]
    // Round 13: one more wrong on r2 (a crisis reply: "once she…" no longer reads as the distant past, so a worried
    // story about a relative is judged at the normal threshold; the same change catches plans that start "once my
    // roommate leaves").
    [InlineData("topics-heldout-r2.tsv", 158, 42, 34)]
    [InlineData("topics-heldout-r3.tsv", 285, 104, 9)]
    [InlineData("topics-heldout-r5.tsv", 290, 104, 17)]
    [InlineData("topics-heldout-r6.tsv", 277, 101, 4)]
    [InlineData("topics-heldout-r7.tsv", 269, 96, 14)]
    [InlineData("topics-heldout-r8.tsv", 265, 100, 13)]
    // r9 (300 lines, a new writer, 119 family, never read while tuning): first contact 222, 88, 32; measured when the round
    // was done: 222, 87, 30 (fallbacks 52 → 54; 11 of the 30 wrong are crisis replies). With the round-9 crisis attempt in
    // front (reverted, see CrisisEvaluationSetTests) it was 224, 89, 27.
    // Round 10: 225, 89, 31. Round 11: 228, 89, 27.
    [InlineData("topics-heldout-r9.tsv", 249, 95, 18)]
    // r10 (300 lines, a new writer, 122 family): first contact 256, 104, 19. Its first-contact misses were printed to the
    // lead once (this test prints them), so r10 is a seen set; round 10 was judged on r11, kept sealed. Round 10: 266, 109, 16.
    // Round 11: 271, 110, 11.
    [InlineData("topics-heldout-r10.tsv", 283, 112, 5)]
    // r11 (300 lines, a new writer, 118 family, kept sealed through round 10 and measured once at its end, totals only):
    // first contact 254, 96, 11; after round 10: 266, 101, 7; after round 11 (totals only): 269, 101, 7.
    [InlineData("topics-heldout-r11.tsv", 284, 110, 4)]
    // r12 (300 lines, a new writer, 128 family, kept sealed through round 11 and measured at its start and end, totals
    // only): first contact (bf2951e) 245, 103, 19; after round 11: 245, 102, 17 (fallbacks 40 → 42). The seen sets' gain
    // did not carry over to this writer (lists of questions, autocorrect, ALL CAPS, quoted advice).
    [InlineData("topics-heldout-r12.tsv", 269, 111, 15)]
    // r13 (300 lines, a new writer, 132 family, kept sealed through round 12 and measured at its start and end, totals
    // only): first contact (5b26bff) 234, 97, 23 (fallbacks 47); after round 12: 244, 101, 22 (fallbacks 38).
    [InlineData("topics-heldout-r13.tsv", 263, 109, 12)]
    // r14 (300 lines, a new writer, 130 family, kept sealed through round 13 and measured at its start and end, totals
    // only): first contact (b49ca32) 267, 115, 10 (fallbacks 27); after round 13: 269, 118, 7 (fallbacks 28).
    // Its misses were read at the start of round 14 (a seen set since).
    [InlineData("topics-heldout-r14.tsv", 279, 122, 8)]
    // r15 (300 lines, a new writer, 107 family, kept sealed through round 14 and measured at its start and end, totals
    // only): first contact (b4ecd16) 269, 101, 18 (fallbacks 19); after round 14 (4aff1d1) 270, 101, 17 (fallbacks 19).
    [InlineData("topics-heldout-r15.tsv", 281, 104, 9)]
    // r16 (300 lines, a new writer, 86 family, kept sealed through round 15 and measured at its start and end, totals
    // only): first contact (2362d76) 253, 79, 13 (fallbacks 39); after round 15 (cfc7a83) 258, 78, 11 (fallbacks 36).
    [InlineData("topics-heldout-r16.tsv", 282, 83, 9)]
    // r17 (300 lines, a new writer, 78 family, kept sealed through round 16 and measured at its start and end, totals
    // only; its list had referral-partners, a topic written during round 16): first contact (3f28c18) 265, 73, 12
    // (fallbacks 29); after round 16 (92a632b) 273, 73, 10 (fallbacks 23).
    [InlineData("topics-heldout-r17.tsv", 274, 73, 8)]
    // r18 (300 lines, a new writer, 78 family, kept sealed through round 17 and measured at its start and end, totals
    // only): first contact (a103e22) 261, 65, 17 (fallbacks 36); after round 17 (3b611e1) the same (the content did not
    // change this round).
    [InlineData("topics-heldout-r18.tsv", 270, 67, 16)]
    // r19 (300 lines, a new writer, 83 family, kept sealed through round 18 and measured at its start and end, totals
    // only): first contact (0865d6e) 267, 72, 9 (fallbacks 27); after round 18 (8c39bce) 267, 72, 10 (fallbacks 26).
    // Read at the start of round 19 (a seen set since).
    [InlineData("topics-heldout-r19.tsv", 274, 73, 7)]
    // r20 (300 lines, a new writer, 85 family, kept sealed through round 19 and measured at its start and end, totals
    // only): first contact (2eec378) 273, 78, 7 (fallbacks 23); after round 19 (3f78a4d) the same.
    // Read at the start of round 20 (a seen set since).
    [InlineData("topics-heldout-r20.tsv", 276, 78, 7)]
    // r21 (300 lines, a new writer, 76 family, kept sealed through round 20 and measured at its start and end, totals
    // only): first contact (9576bf8) 274, 74, 8 (fallbacks 21); after round 20 (34c795f) the same.
    // Read at the start of round 21 (a seen set since).
    [InlineData("topics-heldout-r21.tsv", 278, 74, 5)]
    // r22 (300 lines, a new writer, 78 family, kept sealed through round 21 and measured at its start and end, totals
    // only): first contact (6127a3f) 267, 65, 8 (fallbacks 28); after round 21 (cec7718) the same.
    // Read at the start of round 22 (a seen set since).
    [InlineData("topics-heldout-r22.tsv", 270, 67, 7)]
    // r23 (300 lines, a new writer, 92 family, kept sealed through round 22 and measured at its start and end, totals
    // only): first contact (c18ad89) 276, 85, 4 (fallbacks 23); after round 22 (db47e9b) the same.
    // Read at the start of round 23 (a seen set since).
    [InlineData("topics-heldout-r23.tsv", 278, 86, 3)]
    // r24 (300 lines, a new writer, 82 family, kept sealed through round 23 and measured at its start and end, totals
    // only): first contact (f6538c0) 263, 72, 19 (fallbacks 21); after round 23 (93bdb46) the same.
    // Read at the start of round 24 (a seen set since).
    [InlineData("topics-heldout-r24.tsv", 269, 71, 17)]
    // r25 (300 lines, a new writer, 83 family, kept sealed through round 24 and measured at its start and end, totals
    // only): first contact (6975fea) 266, 78, 13 (fallbacks 24); after round 24 (0e77353) the same.
    // Read at the start of round 25 (a seen set since).
    [InlineData("topics-heldout-r25.tsv", 268, 77, 11)]
    // r26 (300 lines, a new writer, 86 family, kept sealed through round 25 and measured at its start and end, totals
    // only): first contact (ceed44f; understanding as at 367b0f8) 234, 69, 25 (fallbacks 47); after round 25 (5fcd9bb) the same.
    // Read at the start of round 26 (a seen set since); after round 26's examples 243, 70, 24 (fallbacks 39).
    [InlineData("topics-heldout-r26.tsv", 244, 71, 22)]
    // r27 (300 lines, a new writer, 86 family, kept sealed through round 26 and measured at its start and end, totals
    // only): first contact (5fcd9bb, the end of round 25) 249, 73, 28 (fallbacks 29).
    // After round 26 (f90b853): 251, 73, 28 (fallbacks 27).
    // Read at the start of round 27 (a seen set since); after round 27's examples 253, 73, 26 (fallbacks 27).
    [InlineData("topics-heldout-r27.tsv", 251, 73, 26)]
    // r28 (300 lines, a new writer, 87 family, kept sealed through round 27 and measured at its start and end, totals
    // only): first contact (fc1cd73, the end of round 26) 238, 74, 29 (fallbacks 39).
    // After round 27 (8b8d566): 240, 74, 28 (fallbacks 38).
    // Read at the start of round 28 (a seen set since).
    [InlineData("topics-heldout-r28.tsv", 241, 74, 28)]
    // r29 (300 lines, a new writer, 73 family, kept sealed through round 28 and measured at its start and end, totals
    // only): first contact (ba08db1, the end of round 27) 267, 66, 12 (fallbacks 27).
    // After round 28 (65aa0df): the same, 267, 66, 12 (fallbacks 27).
    // Read at the start of round 29 (a seen set since).
    [InlineData("topics-heldout-r29.tsv", 266, 66, 11)]
    // r30 (300 lines, a new writer, 79 family, kept sealed through round 29 and measured at its start and end, totals
    // only): first contact (65aa0df, the end of round 28) 251, 66, 15 (fallbacks 40).
    // After round 29 (1a20986): the same, 251, 66, 15 (fallbacks 40).
    // Read at the start of round 30 (a seen set since).
    [InlineData("topics-heldout-r30.tsv", 253, 67, 16)]
    // r31 (300 lines, a new writer, 75 family, kept sealed through round 30 and measured at its start and end, totals
    // only): first contact (1a20986, the end of round 29) 260, 60, 13 (fallbacks 33).
    // After round 30 (3650910): the same, 260, 60, 13 (fallbacks 33).
    // Read at the start of round 31 (a seen set since).
    [InlineData("topics-heldout-r31.tsv", 260, 60, 12)]
    // r32 (300 lines, a new writer, 78 family, kept sealed through round 31 and measured at its start and end, totals
    // only): first contact (fd15e01, round 30's lexicon) 243, 62, 22 (fallbacks 40).
    // After round 31 (04a2d76): the same, 243, 62, 22 (fallbacks 40).
    // Read at the start of round 32 (a seen set since); after round 32's thresholds 245, 64, 21 (fallbacks 39).
    [InlineData("topics-heldout-r32.tsv", 245, 64, 21)]
    // r33 (300 lines, a new writer, 75 family, kept sealed through round 32 and measured at its start and end, totals
    // only): first contact (ea26579, round 31's first lexicon commit) 257, 64, 21 (fallbacks 28).
    // After round 31 (04a2d76): the same, 257, 64, 21 (fallbacks 28).
    // After round 32 (cf6bbb9, the thresholds recalibrated on the seen sets): 259, 64, 19 (fallbacks 28).
    [InlineData("topics-heldout-r33.tsv", 259, 64, 19)]
    // r34 (300 lines, a new writer, 78 family, kept sealed through round 33 and measured at its start and end, totals
    // only): first contact (1d47332, round 32's first lexicon commit) 249, 66, 16 (fallbacks 41).
    // After round 32 (cf6bbb9, the thresholds recalibrated on the seen sets): 251, 66, 15 (fallbacks 40).
    [InlineData("topics-heldout-r34.tsv", 251, 66, 15)]
    public async Task Blind_set_holds_its_recorded_figures(string file, int minimumRight, int minimumFamilyRight, int maximumConfidentWrong)
    {
        var lines = HeldOutSet.Load(file);
        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        Assert.True(lines.Count(l => l.Voice == "family") >= 60, "fewer than 60 family lines");

        var results = await HeldOutSet.RunAsync(file);
        HeldOutSet.Report(results, output, showText: false);

        var right = results.Count(r => r.Right);
        var familyRight = results.Count(r => r.Right && r.Voice == "family");
        var confidentWrong = results.Count(r => r.ConfidentWrong);
        Assert.True(right >= minimumRight, $"{file}: right topic {right}/{results.Count}, recorded {minimumRight}");
        Assert.True(familyRight >= minimumFamilyRight, $"{file}: family right topic {familyRight}, recorded {minimumFamilyRight}");
        Assert.True(confidentWrong <= maximumConfidentWrong, $"{file}: confident-but-wrong {confidentWrong}, recorded {maximumConfidentWrong}");
    }
}

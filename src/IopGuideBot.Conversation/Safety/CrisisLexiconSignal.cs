using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>How a text is framed, whatever it is about.</summary>
/// <param name="InformationRequest">Asks about a topic ("what are the signs of an overdose?") without saying it is happening now.</param>
/// <param name="History">Speaks of the past as over ("years ago", "clean since 2019") with nothing recent.</param>
/// <param name="Denial">Denies or takes back, and says nothing risky: "I'm not suicidal", "nvm I didn't mean it".</param>
/// <param name="RuledOut">Names a danger the lexicon read and one of its rule's guards on what follows ruled out ("killing
/// myself to keep the restaurant afloat", "mi mamá me va a matar si llego tarde jaja"), and says nothing risky.</param>
public readonly record struct CrisisFrame(bool InformationRequest, bool History, bool Denial, bool RuledOut = false)
{
    public bool IsAny => InformationRequest || History || Denial || RuledOut;
}

/// <summary>What the lexicon found in one normalised text.</summary>
internal sealed class LexiconFindings
{
    public HashSet<CrisisCategory> Categories { get; } = [];

    public List<string> RuleIds { get; } = [];

    /// <summary>A suicide or self-harm cue was negated ("I don't want to kill myself"), or an explicit denial.</summary>
    public bool Denial { get; set; }

    public bool Retraction { get; set; }

    /// <summary>A danger word matched and a guard of its rule ruled it out: an idiom, a screening question answered no.</summary>
    public bool RuledOut { get; set; }

    public void Add(CrisisCategory category, string ruleId)
    {
        Categories.Add(category);
        if (!RuleIds.Contains(ruleId))
        {
            RuleIds.Add(ruleId);
        }
    }
}

/// <summary>
/// Runs the <see cref="CrisisLexicon"/> rule table over normalised text. Linear in the text: every pattern is
/// non-backtracking, each rule's message guards run once, each match is judged on fixed-size windows next to it, and the
/// prefilter that skips rules (<see cref="LexiconPrefilter"/>) walks at most its longest literal from each position.
/// Thread-safe (compiled regexes are).
/// </summary>
internal sealed class CrisisLexiconSignal
{
    private static readonly HashSet<string> NegatorSet = new(CrisisLexicon.Negators, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = NegatorSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string> SubjectSet = new(
        ["i", "i'm", "i've", "i'll", "i'd", "he", "she", "they", "we", "you", "he's", "she's", "they're", "we're", "you're"], StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectLookup = SubjectSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly CompiledCrisisRule[] _rules;
    private readonly LexiconPattern _retraction = CompiledCrisisRule.Compile(CrisisLexicon.Retraction);
    private readonly LexiconPattern _denial = CompiledCrisisRule.Compile(CrisisLexicon.ExplicitDenial);
    private readonly LexiconPattern _hypothetical = CompiledCrisisRule.Compile(CrisisLexicon.Hypothetical);
    private readonly LexiconPattern _denialFrame = CompiledCrisisRule.Compile(CrisisLexicon.DenialFrame);
    private readonly LexiconPattern _informationFrame = CompiledCrisisRule.Compile(CrisisLexicon.InformationFrame);
    private readonly LexiconPattern _firstPersonNow = CompiledCrisisRule.Compile(CrisisLexicon.FirstPersonNow);
    private readonly LexiconPattern _sentenceOpening = CompiledCrisisRule.Compile(CrisisLexicon.SentenceOpening);
    private readonly LexiconPattern _recent = CompiledCrisisRule.Compile(CrisisLexicon.RecentMarker);
    private readonly LexiconPattern _justAFeeling = CompiledCrisisRule.Compile(CrisisLexicon.JustAFeeling);
    private readonly LexiconPattern _distant = CompiledCrisisRule.Compile(CrisisLexicon.DistantMarker);
    private readonly LexiconPattern _once = CompiledCrisisRule.Compile(CrisisLexicon.Once);
    private readonly LexiconPattern _onceNotPast = CompiledCrisisRule.Compile(CrisisLexicon.OnceNotPast);
    private readonly LexiconPattern _before = CompiledCrisisRule.Compile(@"\bbefore\b");
    // A negation in the clause that "before" ends: "never felt like this before" tells a first time, which is now.
    private readonly LexiconPattern _firstTimeCue = CompiledCrisisRule.Compile(@"\b(?:not|never|nothing|nobody|no one|no)\b|n't\b");
    private readonly LexiconPattern _recovery = CompiledCrisisRule.Compile(CrisisLexicon.RecoveryMarker);
    private readonly LexiconPattern _clauseHistory = CompiledCrisisRule.Compile(CrisisLexicon.ClauseHistoryMarker);
    private readonly LexiconPattern _clauseStill = CompiledCrisisRule.Compile(CrisisLexicon.ClauseStillMarker);
    private readonly LexiconPattern _drugContext = CompiledCrisisRule.Compile(CrisisLexicon.DrugContext);
    private readonly LexiconPattern _thoughtsFrame = CompiledCrisisRule.Compile(@"\b(?:thoughts?|urges?|ideas?|plans?|intention|intentions|risk|danger) (?:of|about|to)$");

    // Which rules (and then the retraction and the denial) can match a text at all; see LexiconPrefilter.
    private readonly LexiconPrefilter _prefilter;

    // Cheap: a rule's patterns are interpreted until start-up is over, and their linear-time regexes are built afterwards in
    // the background (LexiconPattern). The prefilter reads the patterns' literals (~15 ms for the whole lexicon).
    public CrisisLexiconSignal(IEnumerable<CrisisRule>? rules = null)
    {
        _rules = [.. (rules ?? CrisisLexicon.Rules).Select(r => new CompiledCrisisRule(r))];
        _prefilter = new LexiconPrefilter([.. _rules.Select(r => r.Rule.Pattern), CrisisLexicon.Retraction, CrisisLexicon.ExplicitDenial]);
    }

    public IReadOnlyList<CompiledCrisisRule> Rules => _rules;

    /// <summary>Scans one normalised text and adds what it finds to <paramref name="findings"/>.</summary>
    public void Scan(NormalizedText normalized, LexiconFindings findings)
    {
        var text = normalized.Text;
        var context = new MessageContext(this, normalized);

        // A pattern none of whose literals occurs in the text cannot match it: most rules are never run on a message.
        Span<bool> mayMatch = _prefilter.Count <= 1024 ? stackalloc bool[_prefilter.Count] : new bool[_prefilter.Count];
        _prefilter.Candidates(text, mayMatch);
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];

            // The main pattern first: the message guards are compiled on first use (see CompiledCrisisRule), and most
            // messages match no rule, so most guards are never built.
            if (!mayMatch[r] || !rule.Pattern.IsMatch(text))
            {
                continue;
            }

            if (rule.OnlyWithContext is { } required && !required.IsMatch(text))
            {
                continue;
            }

            if (rule.UnlessInMessage is { } unless && unless.IsMatch(text))
            {
                continue;
            }

            foreach (var match in rule.Pattern.EnumerateMatches(text))
            {
                var verdict = Judge(rule, normalized, match.Index, match.Length, context);
                if (verdict == Verdict.Crisis)
                {
                    var category = rule.Rule.DrugContextMeansOverdose && context.HasDrugContext
                        ? CrisisCategory.OverdoseInProgress
                        : rule.Rule.Category;
                    findings.Add(category, rule.Rule.Id);
                    break;
                }

                findings.RuledOut |= verdict == Verdict.RuledOut;
                if (verdict == Verdict.Negated && rule.Rule.Category == CrisisCategory.SuicideOrSelfHarm)
                {
                    findings.Denial = true;
                }
            }
        }

        findings.Retraction |= mayMatch[_rules.Length] && _retraction.IsMatch(text);
        findings.Denial |= mayMatch[_rules.Length + 1] && _denial.IsMatch(text);
    }

    /// <summary>How a normalised text is framed: a question about a topic, a past event that is over, a denial.</summary>
    public CrisisFrame Frame(NormalizedText normalized)
    {
        var text = normalized.Text;
        var context = new MessageContext(this, normalized);
        var findings = new LexiconFindings();
        Scan(normalized, findings);
        return new CrisisFrame(
            context.IsInformationRequest,
            context.HasDistantOrRecoveryMarker && !context.HasRecentMarker,
            (findings.Denial || findings.Retraction || DeniesInOneClause(normalized)) && findings.Categories.Count == 0,
            findings.RuledOut && findings.Categories.Count == 0);
    }

    /// <summary>A <see cref="CrisisLexicon.DenialFrame"/> within one clause: "no more. ending it tonight" is not a denial.</summary>
    private bool DeniesInOneClause(NormalizedText normalized)
    {
        foreach (var match in _denialFrame.EnumerateMatches(normalized.Text))
        {
            if (normalized.ClauseStartOf(match.Index) == normalized.ClauseStartOf(match.Index + match.Length - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> (normalised) matches <paramref name="rule"/> and the match counts — for testing one rule alone.</summary>
    public static bool Fires(CrisisRule rule, string text)
    {
        var signal = new CrisisLexiconSignal([rule]);
        var findings = new LexiconFindings();
        foreach (var variant in CrisisTextNormalizer.NormalizeWithClauses(text))
        {
            signal.Scan(variant, findings);
        }

        return findings.RuleIds.Count > 0;
    }

    private Verdict Judge(CompiledCrisisRule compiled, NormalizedText normalized, int index, int length, MessageContext context)
    {
        var rule = compiled.Rule;
        var text = normalized.Text;
        var before = Before(text, index);

        // Negation and hypotheticals are read within the clause of the match: "it's fine if not. I won't be around".
        var clauseStart = normalized.ClauseStartOf(index);
        var inClause = text.AsSpan(Math.Max(clauseStart, index - CrisisRule.WindowChars), index - Math.Max(clauseStart, index - CrisisRule.WindowChars));
        var after = After(text, index + length);
        // The words before a match often say fear or a case ("I feel like I'm going to die", "nobody overdosed"), not a
        // figure of speech: only the guards below rule a danger word out (see CrisisFrame.RuledOut). Counting this one
        // too lost a withdrawal message ("…i feel like im going to die") in the sweep.
        if (compiled.NotAfter is { } notAfter && notAfter.IsMatch(before))
        {
            return Verdict.Suppressed;
        }

        if (compiled.NotBefore is { } notBefore && notBefore.IsMatch(after))
        {
            return Verdict.RuledOut;
        }

        if (compiled.OnlyBefore is { } onlyBefore && !onlyBefore.IsMatch(after))
        {
            return Verdict.Suppressed;
        }

        foreach (var (endsBefore, startsAfter) in compiled.NotBetween)
        {
            if (endsBefore.IsMatch(before) && startsAfter.IsMatch(after))
            {
                return Verdict.RuledOut;
            }
        }

        if (compiled.NotInside is { } notInside && notInside.IsMatch(text.AsSpan(index, length)))
        {
            return Verdict.RuledOut;
        }

        if (compiled.HistoryAfter is { } historyAfter && historyAfter.IsMatch(before) && !ClauseSaysNow(normalized, index))
        {
            return Verdict.Suppressed;
        }

        // "never had thoughts of killing myself", "not at risk of harming myself": past such a frame, the negator sits further back.
        var negationWindow = LastWords(inClause, 3);
        if (_thoughtsFrame.IsMatch(negationWindow))
        {
            negationWindow = LastWords(inClause, 6);
        }

        if (rule.Negatable && HasNegator(negationWindow))
        {
            return Verdict.Negated;
        }

        if (rule.NegatableInside && HasNegator(text.AsSpan(index, length)))
        {
            return Verdict.Negated;
        }

        if (rule.InformationSuppresses && (_hypothetical.IsMatch(LastWords(inClause, 5)) || context.IsInformationRequest && SentenceAsks(normalized, index)))
        {
            return Verdict.Suppressed;
        }

        if (rule.Tense == RuleTense.Present)
        {
            return (rule.DistantMarkerSuppresses && !context.HasRecentMarker && context.HasDistantOrRecoveryMarker)
                || ToldAsHistory(normalized, index)
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

        return rule.Tense == RuleTense.PastDefaultCrisis ? Verdict.Crisis : Verdict.Suppressed;
    }

    /// <summary>
    /// Whether the clause holding the match places it firmly in the past and says nothing of now: "tried to end my life in
    /// 2015", "the DTs I had 5 years ago", "I used to self harm". Read in the clause only, so history in one clause never
    /// silences a cue in the next ("I used to drink, now I want to end my life").
    /// </summary>
    private bool ToldAsHistory(NormalizedText normalized, int index)
    {
        var start = normalized.ClauseStartOf(index);
        var clause = normalized.Text.AsSpan(start, normalized.ClauseEndOf(index) - start);
        return _clauseHistory.IsMatch(clause) && !_clauseStill.IsMatch(clause);
    }

    /// <summary>
    /// Whether the sentence holding <paramref name="index"/> is itself the question ("what are the signs of an overdose, and
    /// when do DTs start"). Why: a question and a disclosure often share a message, and the question must not silence the
    /// disclosure in the next sentence ("what time do you open tomorrow? day 3 off benzos and had two seizures today").
    /// </summary>
    private bool SentenceAsks(NormalizedText normalized, int index)
    {
        var sentence = normalized.SentenceOf(index);
        var opening = _sentenceOpening.EnumerateMatches(sentence);
        if (opening.MoveNext())
        {
            sentence = sentence[opening.Current.Length..];
        }

        return _informationFrame.IsMatch(sentence);
    }

    /// <summary>Whether the clause holding <paramref name="index"/> brings what it tells back to now ("again", "still", "tonight").</summary>
    private bool ClauseSaysNow(NormalizedText normalized, int index)
    {
        var start = normalized.ClauseStartOf(index);
        return _clauseStill.IsMatch(normalized.Text.AsSpan(start, normalized.ClauseEndOf(index) - start));
    }

    private static ReadOnlySpan<char> Before(string text, int index)
    {
        var start = Math.Max(0, index - CrisisRule.WindowChars);
        return text.AsSpan(start, index - start);
    }

    private static ReadOnlySpan<char> After(string text, int index) =>
        text.AsSpan(index, Math.Min(CrisisRule.WindowChars, text.Length - index));

    /// <summary>The last <paramref name="count"/> whole words of <paramref name="span"/> (a partial first word of a cut window is dropped).</summary>
    private static ReadOnlySpan<char> LastWords(ReadOnlySpan<char> span, int count)
    {
        var end = span.Length;
        while (end > 0 && span[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        var words = 0;
        while (start > 0 && words < count)
        {
            var i = start - 1;
            while (i >= 0 && span[i] != ' ')
            {
                i--;
            }

            if (i < 0 && span.Length == CrisisRule.WindowChars)
            {
                break; // the window cut this word: it may be only part of one
            }

            start = i + 1;
            words++;
            while (start > 0 && span[start - 1] == ' ')
            {
                start--;
            }
        }

        return span[start..end];
    }

    /// <summary>
    /// Whether a negator governs what follows <paramref name="words"/>: a negator counts unless a new subject comes after it
    /// ("if this doesn't work I have the rope ready": "I" starts another statement; "I don't want to die": it does not).
    /// </summary>
    private static bool HasNegator(ReadOnlySpan<char> words)
    {
        var negated = false;
        foreach (var range in words.Split(' '))
        {
            var word = words[range];
            if (word.Length == 0)
            {
                continue;
            }

            if (NegatorLookup.Contains(word))
            {
                negated = true;
            }
            else if (negated && SubjectLookup.Contains(word))
            {
                negated = false;
            }
        }

        return negated;
    }

    /// <summary>Whether the message places something now or just now; "I'm just scared" is a feeling, not a deed just done.</summary>
    private bool HasRecentMarker(string text)
    {
        foreach (var match in _recent.EnumerateMatches(text))
        {
            if (!_justAFeeling.IsMatch(text.AsSpan(match.Index, match.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private enum Verdict { Crisis, Negated, Suppressed, RuledOut }

    /// <summary>
    /// "before" ending a clause places what it ends in the past: "he hit me before. can I come alone?", "Before, I have DTs
    /// in Poland". The normalised text has no punctuation left, so the clause marks tell where a clause ends.
    /// </summary>
    private bool HasClauseFinalBefore(NormalizedText normalized)
    {
        var text = normalized.Text;
        foreach (var match in _before.EnumerateMatches(text))
        {
            var end = match.Index + match.Length;
            // "I have not done this before." and "never felt like this before" tell a first time, which is now.
            if (end < text.Length && normalized.ClauseStartOf(end + 1) == end + 1)
            {
                var start = normalized.ClauseStartOf(match.Index);
                if (!_firstTimeCue.IsMatch(text.AsSpan(start, end - start)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What the whole message says that a match is judged by, each read on first use.</summary>
    /// <remarks>Why on first use: these patterns are needed only once a rule matched (or for a frame), and since the
    /// prefilter most messages run no rule at all; each is a pure function of the text, so when it is read changes
    /// nothing.</remarks>
    private sealed class MessageContext(CrisisLexiconSignal signal, NormalizedText normalized)
    {
        private bool? _hasRecentMarker;
        private bool? _hasDistantOrRecoveryMarker;
        private bool? _hasDrugContext;
        private bool? _isInformationRequest;

        public bool HasRecentMarker => _hasRecentMarker ??= signal.HasRecentMarker(normalized.Text);

        public bool HasDistantOrRecoveryMarker => _hasDistantOrRecoveryMarker ??=
            signal._distant.IsMatch(normalized.Text) || signal._recovery.IsMatch(normalized.Text)
            || signal._once.Count(normalized.Text) > signal._onceNotPast.Count(normalized.Text) || signal.HasClauseFinalBefore(normalized);

        public bool HasDrugContext => _hasDrugContext ??= signal._drugContext.IsMatch(normalized.Text);

        /// <summary>Asks about a topic ("what is…", "signs of…") without saying it is happening to the writer now.</summary>
        public bool IsInformationRequest => _isInformationRequest ??= signal._informationFrame.IsMatch(normalized.Text) && !signal._firstPersonNow.IsMatch(normalized.Text);
    }
}

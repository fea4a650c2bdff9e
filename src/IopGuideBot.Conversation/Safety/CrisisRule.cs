using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>How a rule's match relates to time.</summary>
public enum RuleTense
{
    /// <summary>Describes something happening now; past or recovery markers do not turn it off.</summary>
    Present,

    /// <summary>Past tense; a crisis unless a distant-time or recovery marker says it is history ("I overdosed").</summary>
    PastDefaultCrisis,

    /// <summary>Past tense; history unless a recent-time marker says it just happened ("I had a seizure").</summary>
    PastDefaultHistory,
}

/// <summary>
/// One lexicon rule: a whole-word pattern over normalised text (<see cref="CrisisTextNormalizer"/>) and named flags that
/// say when a match does not count. Every pattern — the rule's own and its guards — is compiled with
/// <see cref="CrisisRule.Options"/> (<see cref="RegexOptions.NonBacktracking"/>), so matching is linear in the length of the
/// text whatever it contains (until start-up is over, texts of up to 2,000 characters are matched by the interpreter; see
/// <see cref="LexiconPattern"/>). The non-backtracking engine has no lookarounds; what a lookaround used to say is a
/// guard here, tried on a short window next to the match or once on the whole message.
/// </summary>
/// <param name="Id">Stable name (<c>area.what</c>) used in tests and in the assessment (never the message text).</param>
/// <param name="Category">What a match means.</param>
/// <param name="Pattern">The cue itself.</param>
public sealed record CrisisRule(string Id, CrisisCategory Category, string Pattern)
{
    /// <summary>The one set of options every lexicon pattern is compiled with.</summary>
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>How many characters either side of a match the window guards see.</summary>
    public const int WindowChars = 64;

    /// <summary>Whether time markers can turn the match into history; see <see cref="RuleTense"/>.</summary>
    public RuleTense Tense { get; init; } = RuleTense.Present;

    /// <summary>A negator ("not", "never", "don't"…) among the three words before the match turns it off (and, for suicide, records a denial).</summary>
    public bool Negatable { get; init; } = true;

    /// <summary>A negator inside the match also turns it off ("I'm not pregnant").</summary>
    public bool NegatableInside { get; init; }

    /// <summary>
    /// An information request ("what are the signs of…", "if someone is…") turns the match off. Never set on first-person
    /// suicide rules: "how many pills would it take to die" is a crisis.
    /// </summary>
    public bool InformationSuppresses { get; init; }

    /// <summary>Breathing or consciousness signs: an overdose when drugs are mentioned in the message, otherwise a medical emergency.</summary>
    public bool DrugContextMeansOverdose { get; init; }

    /// <summary>A present-tense rule that still reads as history next to "years ago", "in 2015" ("had a heart attack in 2015").</summary>
    public bool DistantMarkerSuppresses { get; init; }

    /// <summary>The match does not count when the text just before it ends with this (anchored at the end of the window).</summary>
    public string? NotAfter { get; init; }

    /// <summary>The match does not count when the text just after it starts with this (anchored at the start of the window).</summary>
    public string? NotBefore { get; init; }

    /// <summary>The match counts only when the text just after it starts with this (anchored at the start of the window).</summary>
    public string? OnlyBefore { get; init; }

    /// <summary>
    /// The match does not count when the text just before it ends with <c>Before</c> and the text just after it starts with
    /// <c>After</c>: a figure of speech that only both sides together tell ("could kill myself" + "for forgetting the
    /// appointment"; "asked whether I had thoughts of" + "and I said no"). Either side alone leaves the cue on.
    /// </summary>
    public IReadOnlyList<(string Before, string After)>? NotBetween { get; init; }

    /// <summary>The match does not count when its own text contains this ("…trying to get pregnant": not pregnant).</summary>
    public string? NotInside { get; init; }

    /// <summary>
    /// The match tells of something over when the text just before it ends with this ("discharged from the hospital after
    /// a" suicide attempt) — unless its clause also says now, again or still (<see cref="CrisisLexicon.ClauseStillMarker"/>).
    /// </summary>
    public string? HistoryAfter { get; init; }

    /// <summary>The match counts only when this also appears somewhere in the message (context that makes a sign a crisis).</summary>
    public string? OnlyWithContext { get; init; }

    /// <summary>The match does not count when this appears anywhere in the message.</summary>
    public string? UnlessInMessage { get; init; }
}

/// <summary>A <see cref="CrisisRule"/> with its patterns compiled once.</summary>
/// <remarks>
/// The main pattern is made with the rule; the guards (everything consulted only once the main pattern has matched) on
/// first use. Why: building a non-backtracking regex is costly (~8 ms each, measured with .NET 10.0.12 on this machine),
/// most messages match no rule, and the 74 distinct guard patterns were ~0.5 s of CPU. A guard made after start-up
/// builds its linear-time regex on the first message its rule matches (see <see cref="LexiconPattern"/>).
/// </remarks>
internal sealed class CompiledCrisisRule
{
    private readonly Lazy<LexiconPattern?> _notAfter;
    private readonly Lazy<LexiconPattern?> _notBefore;
    private readonly Lazy<LexiconPattern?> _onlyBefore;
    private readonly Lazy<LexiconPattern?> _onlyWithContext;
    private readonly Lazy<LexiconPattern?> _unlessInMessage;
    private readonly Lazy<IReadOnlyList<(LexiconPattern Before, LexiconPattern After)>> _notBetween;
    private readonly Lazy<LexiconPattern?> _notInside;
    private readonly Lazy<LexiconPattern?> _historyAfter;

    public CompiledCrisisRule(CrisisRule rule)
    {
        Rule = rule;
        Pattern = Compile(rule.Pattern);
        _notAfter = Guard(rule.NotAfter is null ? null : $"(?:{rule.NotAfter})$");
        _notBefore = Guard(rule.NotBefore is null ? null : $"^(?:{rule.NotBefore})");
        _onlyBefore = Guard(rule.OnlyBefore is null ? null : $"^(?:{rule.OnlyBefore})");
        _onlyWithContext = Guard(rule.OnlyWithContext);
        _unlessInMessage = Guard(rule.UnlessInMessage);
        _notBetween = new(() => rule.NotBetween is null ? [] : [.. rule.NotBetween.Select(p => (Compile($"(?:{p.Before})$"), Compile($"^(?:{p.After})")))]);
        _notInside = Guard(rule.NotInside);
        _historyAfter = Guard(rule.HistoryAfter is null ? null : $"(?:{rule.HistoryAfter})$");
    }

    public CrisisRule Rule { get; }

    public LexiconPattern Pattern { get; }

    public LexiconPattern? NotAfter => _notAfter.Value;

    public LexiconPattern? NotBefore => _notBefore.Value;

    public LexiconPattern? OnlyBefore => _onlyBefore.Value;

    public LexiconPattern? OnlyWithContext => _onlyWithContext.Value;

    public LexiconPattern? UnlessInMessage => _unlessInMessage.Value;

    public IReadOnlyList<(LexiconPattern Before, LexiconPattern After)> NotBetween => _notBetween.Value;

    public LexiconPattern? NotInside => _notInside.Value;

    public LexiconPattern? HistoryAfter => _historyAfter.Value;

    private static Lazy<LexiconPattern?> Guard(string? pattern) => new(() => pattern is null ? null : Compile(pattern));

    /// <summary>Every pattern of the rule, its cue and its guards.</summary>
    public IEnumerable<LexiconPattern> AllPatterns =>
        new[] { Pattern, NotAfter, NotBefore, OnlyBefore, OnlyWithContext, UnlessInMessage, NotInside, HistoryAfter }.OfType<LexiconPattern>()
            .Concat(NotBetween.SelectMany(p => new[] { p.Before, p.After }));

    /// <summary>The shared pattern of <paramref name="pattern"/>: interpreted until start-up is over, then linear-time (see <see cref="LexiconPattern"/>).</summary>
    public static LexiconPattern Compile(string pattern) => LexiconRegex.GetPattern(pattern);
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Spots messages that need crisis resources before anything else. Thread-safe, and it never throws: a failure inside
/// the check is answered as a possible crisis (<see cref="CrisisAssessment.CheckFailed"/>) and logged by exception type.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Only the first and last <see cref="SafetyOptions.MaxCheckedChars"/>/2 characters of a longer message are read
/// (<see cref="CrisisAssessment.IsTruncated"/>), so no input costs more than a bounded amount.</item>
/// <item>The text is normalised (<see cref="CrisisTextNormalizer"/>) and scanned by the lexicon (<see cref="CrisisLexicon"/>,
/// every pattern non-backtracking, so linear in the text).</item>
/// <item>The semantic signal (<see cref="ICrisisSemanticSignal"/>), when configured, judges the meaning of the message
/// and each of its sentences; a risky judgement counts even when no rule fired.</item>
/// <item>When several categories fire, the most urgent wins: overdose, suicide/self-harm, danger to others, severe
/// withdrawal, pregnancy with opioid use, other medical emergency.</item>
/// </list>
/// </remarks>
public sealed partial class CrisisDetector
{
    private static readonly CrisisCategory[] Priority =
    [
        CrisisCategory.PossibleCrisis,
        CrisisCategory.OverdoseInProgress,
        CrisisCategory.SuicideOrSelfHarm,
        CrisisCategory.DangerToOthers,
        CrisisCategory.SevereWithdrawal,
        CrisisCategory.PregnancyWithOpioidWithdrawal,
        CrisisCategory.MedicalEmergency,
    ];

    private static readonly Lazy<CrisisLexiconSignal> SharedLexicon = new(() => new CrisisLexiconSignal());
    private static readonly LexiconPattern BystanderCue = CompiledCrisisRule.Compile(CrisisLexicon.BystanderCue);
    private static readonly LexiconPattern SelfCrisisCue = CompiledCrisisRule.Compile(CrisisLexicon.SelfCrisisCue);
    private static readonly LexiconPattern SelfDangerCue = CompiledCrisisRule.Compile(CrisisLexicon.SelfDangerCue);
    private static readonly LexiconPattern SpanishWord = CompiledCrisisRule.Compile(CrisisLexicon.SpanishWord);
    private static readonly LexiconPattern EnglishWord = CompiledCrisisRule.Compile(CrisisLexicon.EnglishWord);

    private readonly CrisisLexiconSignal _lexicon;
    private readonly ICrisisSemanticSignal? _semantic;
    private readonly SafetyOptions _options;
    private readonly ILogger _logger;

    /// <summary>The lexicon alone (tests, tools).</summary>
    /// <summary>
    /// Builds the linear-time (non-backtracking) regex of every lexicon pattern made so far, on the calling thread (~1.8 s of
    /// CPU). Until then the lexicon matches chat-sized texts with the interpreter, which is cheap to build but slower per
    /// message (see <see cref="LexiconPattern"/>); the service calls this once start-up is over. Returns how many it built.
    /// </summary>
    public static int BuildLinearTimeRegexes() => LexiconRegex.BuildLinearEngines();

    public CrisisDetector()
        : this(null, null, null)
    {
    }

    public CrisisDetector(ICrisisSemanticSignal? semantic, SafetyOptions? options = null, ILogger<CrisisDetector>? logger = null)
    {
        _lexicon = SharedLexicon.Value;
        _semantic = semantic;
        _options = options ?? new SafetyOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    private static Task? _lexiconLoading;

    /// <summary>
    /// Starts building the lexicon's rules on the thread pool, once per process, and returns that work. The rules depend on
    /// no configuration, so start-up begins them while the host is still being built rather than in the first detector's
    /// constructor (cheap since their patterns start on the interpreter, ~30 ms; see <see cref="LexiconPattern"/>). Safe to
    /// call any number of times.
    /// </summary>
    internal static Task StartLoadingLexicon() =>
        LazyInitializer.EnsureInitialized(ref _lexiconLoading, () => Task.Run(() => _ = SharedLexicon.Value));

    /// <summary>Whether the learned signal is part of the check.</summary>
    public bool HasSemanticSignal => _semantic is not null;

    /// <summary>Messages up to this many characters have their assessment remembered (see <see cref="Assess"/>).</summary>
    internal const int RememberedMaxChars = 120;

    private const int RememberedMaxEntries = 4096;

    // The assessment is a pure function of the text (the lexicon, the model and the embeddings are fixed), and the short
    // texts people send most are the same few: button labels, "yes", "no", "menu", questionnaire choices. Remembering them
    // skips the normalisation, the lexicon's scan and the semantic signal on a button click. Bounded: emptied when full.
    // A failed check is never remembered, so the next message tries again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CrisisAssessment> _remembered = new(StringComparer.Ordinal);

    /// <summary>Judges one user message. Never throws.</summary>
    public CrisisAssessment Assess(string? text)
    {
        var key = text is { Length: <= RememberedMaxChars } ? text : null;
        if (key is not null && _remembered.TryGetValue(key, out var known))
        {
            return known;
        }

        CrisisAssessment assessment;
        try
        {
            assessment = AssessUnguarded(text);
        }
        catch (Exception ex)
        {
            LogCheckFailed(_logger, ex.GetType().Name);
            return CrisisAssessment.CheckFailed;
        }

        if (key is not null)
        {
            if (_remembered.Count >= RememberedMaxEntries)
            {
                _remembered.Clear();
            }

            _remembered[key] = assessment;
        }

        return assessment;
    }

    /// <summary>How <paramref name="text"/> is framed (a question about a topic, history, a denial), by the lexicon's markers.</summary>
    public static CrisisFrame FrameOf(string text) =>
        CrisisTextNormalizer.NormalizeWithClauses(text) is [var first, ..] ? SharedLexicon.Value.Frame(first) : default;

    /// <summary>The parts of <paramref name="text"/> the check reads: all of it, or its first and last halves of the limit.</summary>
    public static IReadOnlyList<string> CheckedParts(string text, int maxCheckedChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxCheckedChars)
        {
            return [text];
        }

        var half = maxCheckedChars / 2;
        var headEnd = char.IsHighSurrogate(text[half - 1]) ? half - 1 : half;
        var tailStart = text.Length - half;
        if (char.IsLowSurrogate(text[tailStart]))
        {
            tailStart++;
        }

        return [text[..headEnd], text[tailStart..]];
    }

    private CrisisAssessment AssessUnguarded(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CrisisAssessment.None;
        }

        var parts = CheckedParts(text, _options.MaxCheckedChars);
        var findings = new LexiconFindings();
        var normalized = new List<string>(parts.Count * 2);
        foreach (var part in parts)
        {
            foreach (var variant in CrisisTextNormalizer.NormalizeWithClauses(part))
            {
                normalized.Add(variant.Text);
                _lexicon.Scan(variant, findings);
            }
        }

        var signals = findings.Categories.Count > 0 ? CrisisSignals.Lexicon : CrisisSignals.None;
        var categories = new HashSet<CrisisCategory>(findings.Categories);
        var semantic = _semantic?.Judge(parts) ?? SemanticJudgement.NotRun;
        if (semantic.IsRisky)
        {
            signals |= CrisisSignals.Semantic;
            if (categories.Count == 0)
            {
                categories.Add(semantic.Category);
            }
        }

        var truncated = parts.Count > 1;
        if (categories.Count == 0 && !findings.Retraction && !findings.Denial && !truncated)
        {
            return CrisisAssessment.None;
        }

        var ordered = Priority.Where(categories.Contains).ToArray();
        return new CrisisAssessment(
            ordered.Length > 0 ? ordered[0] : CrisisCategory.None,
            ordered,
            findings.Retraction,
            findings.Denial && categories.Count == 0,
            findings.RuleIds)
        {
            Signals = signals,
            Voice = VoiceOf(normalized),
            IsSpanish = IsSpanish(normalized[0], findings.RuleIds.Any(id => id.StartsWith(SpanishRulePrefix, StringComparison.Ordinal))),
            IsTruncated = truncated,
            SemanticRisk = semantic.Risk,
        };
    }

    /// <summary>Bystander when the message is about someone else and says nothing about the writer's own danger.</summary>
    private static CrisisVoice VoiceOf(List<string> normalized) =>
        normalized.Any(t => BystanderCue.IsMatch(t)) && !normalized.Any(t => SelfCrisisCue.IsMatch(t) || SelfDangerCue.IsMatch(t))
            ? CrisisVoice.Bystander
            : CrisisVoice.Self;

    /// <summary>Ids of the lexicon's Spanish rules start with this.</summary>
    private const string SpanishRulePrefix = "es.";

    /// <summary>
    /// Spanish when Spanish-only words outnumber English-only ones and there are at least two — or one, when a Spanish rule
    /// fired ("quiero morirme").
    /// </summary>
    private static bool IsSpanish(string normalized, bool spanishRuleFired)
    {
        var spanish = SpanishWord.Count(normalized);
        var english = EnglishWord.Count(normalized);
        return spanish > english && (spanish >= 2 || spanishRuleFired);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Crisis check failed ({ExceptionType}); answered as a possible crisis")]
    private static partial void LogCheckFailed(ILogger logger, string exceptionType);
}

using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// Builds the lexicon's regexes: one instance per distinct pattern (a <see cref="Regex"/> is safe to share between threads),
/// with the memory its construction left behind given back.
/// </summary>
/// <remarks>
/// Why: measured on .NET 10.0.12, each <see cref="RegexOptions.NonBacktracking"/> regex keeps the character-set solver that
/// turned its pattern into minterms, and that solver's two caches (BDD operations, BDD nodes) hold 0.5–2 MB per regex.
/// The lexicon's ~200 patterns kept 312 MB alive, a quarter of the service's resident memory; without the caches they take
/// 60 MB. Matching never consults that solver: the matcher works on the minterm sets it computed once (its own solver and
/// the DFA it builds lazily are untouched), so emptying the caches changes no match, which
/// <c>LexiconRegexTests</c> checks on every lexicon pattern over the crisis corpora. The solver is internal to the runtime,
/// so it is reached by its field names; if a runtime renames them nothing is released and nothing breaks (the same test
/// then fails, so the memory regression is noticed).
/// </remarks>
internal static class LexiconRegex
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly ConcurrentDictionary<string, Regex> Shared = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, LexiconPattern> SharedPatterns = new(StringComparer.Ordinal);
    private static volatile bool _linearFromFirstUse;

    /// <summary>The shared <see cref="LexiconPattern"/> of <paramref name="pattern"/> (cheap: no linear-time regex is built yet).</summary>
    public static LexiconPattern GetPattern(string pattern) => SharedPatterns.GetOrAdd(pattern, static p => new LexiconPattern(p));

    /// <summary>Every pattern made so far through <see cref="GetPattern"/>.</summary>
    internal static IReadOnlyCollection<string> PatternsMade => [.. SharedPatterns.Keys];

    /// <summary>Whether patterns build their linear-time regex on first use (after <see cref="BuildLinearEngines"/>).</summary>
    internal static bool LinearFromFirstUse => _linearFromFirstUse;

    /// <summary>
    /// Builds the linear-time regex of every pattern made so far, one after another on the calling thread, and from then
    /// on a pattern made later builds its own on first use. The service calls it once start-up is over; returns how many
    /// were built.
    /// </summary>
    public static int BuildLinearEngines()
    {
        _linearFromFirstUse = true;
        var built = 0;
        foreach (var pattern in SharedPatterns.Values)
        {
            if (pattern.EnsureLinear())
            {
                built++;
            }
        }

        return built;
    }

    /// <summary>The shared regex of <paramref name="pattern"/> with <see cref="CrisisRule.Options"/>.</summary>
    public static Regex Get(string pattern) =>
        Shared.GetOrAdd(pattern, static p =>
        {
            var regex = new Regex(p, CrisisRule.Options);
            ReleaseConstructionCaches(regex);
            return regex;
        });

    /// <summary>
    /// Empties the construction caches of a non-backtracking regex's character-set solver. Returns whether they were found;
    /// never throws (a regex it cannot reach keeps its caches and works as before).
    /// </summary>
    public static bool ReleaseConstructionCaches(Regex regex)
    {
        try
        {
            var solver = Field(Field(Field(Field(regex, typeof(Regex), "factory"), "_matcher"), "_builder"), "_charSetSolver");
            if (solver is null)
            {
                return false;
            }

            var released = 0;
            foreach (var name in (ReadOnlySpan<string>)["_operationCache", "_bddCache"])
            {
                if (solver.GetType().GetField(name, Instance) is { } field && field.GetValue(solver) is IDictionary cache)
                {
                    field.SetValue(solver, Activator.CreateInstance(cache.GetType()));
                    released++;
                }
            }

            return released == 2;
        }
        catch (Exception ex) when (ex is MemberAccessException or TargetException or ArgumentException or MissingMethodException or FieldAccessException)
        {
            return false;
        }
    }

    private static object? Field(object? owner, string name) => owner is null ? null : Field(owner, owner.GetType(), name);

    private static object? Field(object owner, Type type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetField(name, Instance | BindingFlags.DeclaredOnly) is { } field)
            {
                return field.GetValue(owner);
            }
        }

        return null;
    }
}

/// <summary>
/// One lexicon pattern with two engines that find the same matches: the backtracking interpreter, built in a fraction of a
/// millisecond, and the non-backtracking engine, linear in the length of any text but ~8 ms of CPU to build.
/// </summary>
/// <remarks>
/// Why: building the ~300 non-backtracking regexes of the lexicon took ~1.8 s of CPU before the service could answer its
/// first message, the largest managed start-up cost (BENCHMARKS.md, sixteenth pass), while the interpreter builds all of
/// them in ~30 ms. Until <see cref="LexiconRegex.BuildLinearEngines"/> has run (the service runs it in the background once
/// start-up is over), a text of up to <see cref="MaxInterpretedLength"/> characters is matched by the interpreter; a
/// longer text builds and uses the linear-time regex at once. After that every match is linear-time, as before.
/// The interpreter has no time limit on purpose: a limit is wall-clock time, so under load (a garbage collection, a busy
/// machine) a match would fail now and then, and a check that fails is answered as a possible crisis; the answer must not
/// depend on the machine's load. The length bound is what keeps it cheap: over adversarial 2,000-character texts ("pills
/// pills …", "i'm i'm …") every pattern and guard together took at most 36 ms, the worst single pattern 12 ms.
/// The two engines report the same matches for these patterns (no lookarounds or backreferences); <c>LexiconRegexTests</c>
/// checks it on every pattern over every crisis evaluation text.
/// </remarks>
internal sealed class LexiconPattern
{
    /// <summary>The longest text the interpreter matches; typed chat messages are far shorter.</summary>
    public const int MaxInterpretedLength = 2_000;

    private readonly Regex _interpreted;
    private readonly Lock _building = new();
    private volatile Regex? _linear;

    public LexiconPattern(string pattern)
    {
        Pattern = pattern;
        _interpreted = new Regex(pattern, CrisisRule.Options & ~RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
    }

    public string Pattern { get; }

    /// <summary>The linear-time regex (built now if it was not yet).</summary>
    public Regex Linear
    {
        get
        {
            EnsureLinear();
            return _linear!;
        }
    }

    public bool IsMatch(string text) => IsMatch(text.AsSpan());

    public bool IsMatch(ReadOnlySpan<char> text) => (Interpreted(text) ?? Linear).IsMatch(text);

    public int Count(ReadOnlySpan<char> text) => (Interpreted(text) ?? Linear).Count(text);

    /// <summary>Every match, left to right.</summary>
    public Regex.ValueMatchEnumerator EnumerateMatches(ReadOnlySpan<char> text) =>
        (Interpreted(text) ?? Linear).EnumerateMatches(text);

    public override string ToString() => Pattern;

    /// <summary>Builds the linear-time regex if it is not built yet; returns whether this call built it.</summary>
    internal bool EnsureLinear()
    {
        if (_linear is not null)
        {
            return false;
        }

        lock (_building)
        {
            if (_linear is not null)
            {
                return false;
            }

            _linear = LexiconRegex.Get(Pattern);
            return true;
        }
    }

    private Regex? Interpreted(ReadOnlySpan<char> text)
    {
        if (_linear is not null)
        {
            return null;
        }

        if (LexiconRegex.LinearFromFirstUse || text.Length > MaxInterpretedLength)
        {
            EnsureLinear();
            return null;
        }

        return _interpreted;
    }
}

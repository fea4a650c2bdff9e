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

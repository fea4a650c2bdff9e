using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// For each lexicon pattern, the literal strings it cannot match without (at least one of them occurs inside every match),
/// read from the pattern itself; and one pass over a text that tells which patterns can match it at all.
/// </summary>
/// <remarks>
/// Why: the crisis check ran every rule's non-backtracking regex on every message, and with 248 rules that was nearly all
/// of its cost (BENCHMARKS.md, nineteenth pass: ~150 of the ~180 µs a typical chat message took on this machine). Each
/// regex keeps its own transition tables, so 250 of them in a row also run out of the processor's caches. Most
/// messages contain none of the words most rules need ("kill", "overdos", "breathing"…), so a pattern whose literals
/// are all absent is not run: it could not have matched, and skipping it changes no verdict.
/// <para>The literals are read conservatively: only the regex subset the lexicon uses is understood (literal characters,
/// escaped punctuation, groups, alternation, character classes, the quantifiers, <c>\b</c>, <c>^</c>, <c>$</c>); anything
/// else (<c>\w</c>, <c>\d</c>, a negated class, a large class) counts as "could be anything", and a construct the reader
/// does not know leaves the pattern without a filter, so it always runs. Matching is ordinal, as the lexicon's
/// regexes are (should <see cref="CrisisRule.Options"/> ever ignore case or pattern whitespace, no pattern is filtered).
/// <c>LexiconPrefilterTests</c> checks on the crisis and topic corpora that no pattern ever matched a text its filter
/// turned away, and that every match contains one of its literals.</para>
/// </remarks>
internal sealed class LexiconPrefilter
{
    /// <summary>
    /// The most strings an exact set may hold before the reader stops enumerating it. Why 16: larger sets give longer
    /// literals (the cross products of a rule's word lists) and a trie several times the size for about one more rule
    /// run per message (measured over the crisis and topic corpora: 128 → 87,319 trie nodes and 1.5 rules run per text,
    /// ~1 s to build; 16 → 22,081 nodes and 3.6 rules run per text, ~15 ms to build).
    /// </summary>
    private const int MaxExact = 16;

    /// <summary>Characters below this index the root's children directly; the normalised text is mostly ASCII.</summary>
    private const int RootDirect = 128;

    // Each pattern's literals, read once per process: a one-rule signal (CrisisLexicon.Fires, the rule tests) reads the
    // retraction and denial patterns again otherwise.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>?> ReadLiterals = new(StringComparer.Ordinal);

    // The literals are read as case-sensitive text with significant spaces, as the lexicon's options have it today.
    private static readonly bool OptionsReadAsText =
        (CrisisRule.Options & (RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)) == 0;

    private readonly int _count;
    private readonly bool[] _unfiltered;
    private readonly int[] _rootChild = new int[RootDirect];

    // The literals' trie, node 0 its root: each node's first child, its next sibling (siblings sorted by character),
    // the character that leads to it, and the slice of _terminalPatterns whose literal ends at it.
    private readonly int[] _firstChild;
    private readonly int[] _nextSibling;
    private readonly char[] _label;
    private readonly int[] _terminalStart;
    private readonly int[] _terminalEnd;
    private readonly int[] _terminalPatterns;

    public LexiconPrefilter(IReadOnlyList<string> patterns)
    {
        _count = patterns.Count;
        _unfiltered = new bool[_count];
        Literals = new IReadOnlyList<string>?[_count];
        var entries = new List<(string Literal, int Pattern)>();
        for (var p = 0; p < _count; p++)
        {
            var literals = ReadLiterals.GetOrAdd(patterns[p], RequiredLiterals);
            Literals[p] = literals;
            if (literals is null)
            {
                _unfiltered[p] = true;
                continue;
            }

            entries.AddRange(literals.Select(l => (l, p)));
        }

        // Inserted in ordinal order, a node's new child always sorts after the children it has, and the patterns of one
        // literal (one node) are neighbours.
        entries.Sort((a, b) => string.CompareOrdinal(a.Literal, b.Literal) is var c and not 0 ? c : a.Pattern.CompareTo(b.Pattern));
        var firstChild = new List<int> { 0 };
        var lastChild = new List<int> { 0 };
        var nextSibling = new List<int> { 0 };
        var label = new List<char> { '\0' };
        var terminalStart = new List<int> { 0 };
        var terminalEnd = new List<int> { 0 };
        _terminalPatterns = new int[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            var node = 0;
            foreach (var c in entries[e].Literal)
            {
                var last = lastChild[node];
                if (last != 0 && label[last] == c)
                {
                    node = last;
                    continue;
                }

                var child = label.Count;
                firstChild.Add(0);
                lastChild.Add(0);
                nextSibling.Add(0);
                label.Add(c);
                terminalStart.Add(0);
                terminalEnd.Add(0);
                if (last == 0)
                {
                    firstChild[node] = child;
                }
                else
                {
                    nextSibling[last] = child;
                }

                lastChild[node] = child;
                node = child;
            }

            if (terminalEnd[node] == 0)
            {
                terminalStart[node] = e;
            }

            _terminalPatterns[e] = entries[e].Pattern;
            terminalEnd[node] = e + 1;
        }

        _firstChild = [.. firstChild];
        _nextSibling = [.. nextSibling];
        _label = [.. label];
        _terminalStart = [.. terminalStart];
        _terminalEnd = [.. terminalEnd];
        for (var child = _firstChild[0]; child != 0; child = _nextSibling[child])
        {
            if (_label[child] < RootDirect)
            {
                _rootChild[_label[child]] = child;
            }
        }
    }

    /// <summary>How many patterns the filter was made for.</summary>
    public int Count => _count;

    /// <summary>Each pattern's literals (one of them occurs in every match), or null when the pattern always runs.</summary>
    public IReadOnlyList<string>?[] Literals { get; }

    /// <summary>
    /// Sets <paramref name="mayMatch"/>[i] to whether pattern i can match <paramref name="text"/>: true unless none of its
    /// literals occurs in the text. One walk down the literals' trie from each position of the text.
    /// </summary>
    public void Candidates(ReadOnlySpan<char> text, Span<bool> mayMatch)
    {
        _unfiltered.CopyTo(mayMatch);
        for (var start = 0; start < text.Length; start++)
        {
            var c = text[start];
            var node = c < RootDirect ? _rootChild[c] : Child(0, c);
            var i = start;
            while (node != 0)
            {
                for (var t = _terminalStart[node]; t < _terminalEnd[node]; t++)
                {
                    mayMatch[_terminalPatterns[t]] = true;
                }

                if (++i == text.Length)
                {
                    break;
                }

                node = Child(node, text[i]);
            }
        }
    }

    private int Child(int node, char c)
    {
        for (var child = _firstChild[node]; child != 0; child = _nextSibling[child])
        {
            if (_label[child] >= c)
            {
                return _label[child] == c ? child : 0;
            }
        }

        return 0;
    }

    /// <summary>
    /// Literal strings one of which occurs in every match of <paramref name="pattern"/>, none containing another; null when
    /// the pattern could match without any (or uses a construct this reader does not know).
    /// </summary>
    internal static IReadOnlyList<string>? RequiredLiterals(string pattern)
    {
        if (!OptionsReadAsText)
        {
            return null;
        }

        Info info;
        try
        {
            var reader = new Reader(pattern);
            info = reader.Alternation();
            if (!reader.AtEnd)
            {
                return null;
            }
        }
        catch (NotSupportedException)
        {
            return null;
        }

        var required = Effective(info);
        if (required is null)
        {
            return null;
        }

        // A literal that contains another of the set adds nothing: wherever it occurs, the shorter one does too.
        var sorted = required.OrderBy(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).ToList();
        var kept = new List<string>(sorted.Count);
        foreach (var literal in sorted)
        {
            if (!kept.Any(k => literal.Contains(k, StringComparison.Ordinal)))
            {
                kept.Add(literal);
            }
        }

        return kept;
    }

    /// <summary>What a part of a pattern can match: all of it exactly (when few), or strings one of which every match contains.</summary>
    /// <param name="Exact">Every string the part can match, or null when unknown or more than <see cref="MaxExact"/>.</param>
    /// <param name="Required">When <paramref name="Exact"/> is null: one of these occurs in every match; null says nothing.</param>
    private sealed record Info(HashSet<string>? Exact, HashSet<string>? Required)
    {
        public static readonly Info Anything = new(null, null);

        public static Info Empty => new(new HashSet<string>(StringComparer.Ordinal) { "" }, null);

        public static Info Of(IEnumerable<string> strings) => new(new HashSet<string>(strings, StringComparer.Ordinal), null);
    }

    /// <summary>Strings one of which every match of the part contains, or null when it guarantees none (it can match "").</summary>
    private static HashSet<string>? Effective(Info info)
    {
        var set = info.Exact ?? info.Required;
        return set is null || set.Contains("") ? null : set;
    }

    private static HashSet<string>? Cross(HashSet<string> left, HashSet<string> right)
    {
        if ((long)left.Count * right.Count > MaxExact)
        {
            return null;
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                result.Add(l + r);
            }
        }

        return result;
    }

    /// <summary>The better of two requirements: longer shortest literal first (rarer in text), then fewer literals.</summary>
    private static HashSet<string>? Better(HashSet<string>? a, HashSet<string>? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        var (ma, mb) = (a.Min(s => s.Length), b.Min(s => s.Length));
        return ma != mb ? (ma > mb ? a : b) : (a.Count <= b.Count ? a : b);
    }

    /// <summary>A recursive-descent reader of the regex subset the lexicon is written in.</summary>
    private sealed class Reader(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        private char? Peek => _at < pattern.Length ? pattern[_at] : null;

        public Info Alternation()
        {
            var branches = new List<Info> { Concatenation() };
            while (Peek == '|')
            {
                _at++;
                branches.Add(Concatenation());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            HashSet<string>? exact = new(StringComparer.Ordinal);
            HashSet<string>? required = new(StringComparer.Ordinal);
            foreach (var branch in branches)
            {
                if (exact is not null && branch.Exact is not null && exact.Count + branch.Exact.Count <= MaxExact)
                {
                    exact.UnionWith(branch.Exact);
                }
                else
                {
                    exact = null;
                }

                if (required is not null && Effective(branch) is { } r)
                {
                    required.UnionWith(r);
                }
                else
                {
                    required = null;
                }
            }

            return exact is not null ? new Info(exact, null) : new Info(null, required);
        }

        private Info Concatenation()
        {
            HashSet<string>? best = null;
            var run = Info.Empty.Exact!;
            var allExact = true;
            while (Peek is { } c && c != '|' && c != ')')
            {
                var part = Quantified(Atom());
                if (part.Exact is not null && Cross(run, part.Exact) is { } crossed)
                {
                    run = crossed;
                    continue;
                }

                // The run of exact parts so far ends here; every match contains one of its strings.
                allExact = false;
                best = Better(best, run.Contains("") ? null : run);
                best = Better(best, Effective(part));
                run = part.Exact ?? Info.Empty.Exact!;
            }

            if (allExact)
            {
                return new Info(run, null);
            }

            return new Info(null, Better(best, run.Contains("") ? null : run));
        }

        private Info Quantified(Info atom)
        {
            if (Peek is not ('?' or '*' or '+' or '{'))
            {
                return atom;
            }

            int min, max; // max -1: unbounded
            var c = pattern[_at];
            if (c == '{')
            {
                if (!TryBraces(out min, out max))
                {
                    return atom; // a '{' that is no quantifier is a literal; Atom reads it next time round
                }
            }
            else
            {
                _at++;
                (min, max) = c switch { '?' => (0, 1), '*' => (0, -1), _ => (1, -1) };
            }

            if (Peek == '?')
            {
                _at++; // lazy: the same strings
            }

            if (atom.Exact is not null && max >= 0)
            {
                // Bounded repetition of a small exact set: enumerate it while it stays small.
                var result = new HashSet<string>(StringComparer.Ordinal);
                var power = Info.Empty.Exact!;
                for (var k = 0; k <= max && power is not null; k++)
                {
                    if (k >= min)
                    {
                        result.UnionWith(power);
                    }

                    if (result.Count > MaxExact)
                    {
                        power = null;
                        break;
                    }

                    if (k < max)
                    {
                        power = Cross(power, atom.Exact);
                    }
                }

                if (power is not null)
                {
                    return new Info(result, null);
                }
            }

            return min >= 1 ? new Info(null, Effective(atom)) : Info.Anything;
        }

        private bool TryBraces(out int min, out int max)
        {
            min = max = 0;
            var end = pattern.IndexOf('}', _at);
            if (end < 0)
            {
                return false;
            }

            var body = pattern.AsSpan(_at + 1, end - _at - 1);
            var comma = body.IndexOf(',');
            if (comma < 0)
            {
                if (!int.TryParse(body, System.Globalization.NumberStyles.None, null, out min))
                {
                    return false;
                }

                max = min;
            }
            else
            {
                if (!int.TryParse(body[..comma], System.Globalization.NumberStyles.None, null, out min))
                {
                    return false;
                }

                var upper = body[(comma + 1)..];
                if (upper.IsEmpty)
                {
                    max = -1;
                }
                else if (!int.TryParse(upper, System.Globalization.NumberStyles.None, null, out max))
                {
                    return false;
                }
            }

            _at = end + 1;
            return true;
        }

        private Info Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    if (Peek == '?')
                    {
                        if (_at + 1 < pattern.Length && pattern[_at + 1] == ':')
                        {
                            _at += 2;
                        }
                        else
                        {
                            throw new NotSupportedException(); // lookarounds, named groups, inline options
                        }
                    }

                    var inner = Alternation();
                    if (Peek != ')')
                    {
                        throw new NotSupportedException();
                    }

                    _at++;
                    return inner;
                case '[':
                    return Class();
                case '\\':
                    return Escape();
                case '.':
                    return Info.Anything;
                case '^' or '$':
                    return Info.Empty;
                case '*' or '+' or '?' or ')':
                    throw new NotSupportedException();
                default:
                    // A run of plain characters is one string (a set per character was most of the reading's cost); a
                    // quantifier after the run applies to its last character only, so that one is left for the next atom.
                    var begin = _at - 1;
                    while (_at < pattern.Length && IsPlain(pattern[_at]))
                    {
                        _at++;
                    }

                    if (_at - begin > 1 && Peek is '?' or '*' or '+' or '{')
                    {
                        _at--;
                    }

                    return Info.Of([pattern[begin.._at]]);
            }
        }

        private static bool IsPlain(char c) => c is not ('\\' or '(' or ')' or '[' or ']' or '|' or '?' or '*' or '+' or '{' or '}' or '.' or '^' or '$');

        private Info Escape()
        {
            if (AtEnd)
            {
                throw new NotSupportedException();
            }

            var c = pattern[_at++];
            return c switch
            {
                'b' or 'B' or 'A' or 'z' or 'Z' or 'G' => Info.Empty,
                'w' or 'W' or 'd' or 'D' or 's' or 'S' => Info.Anything,
                'n' => Info.Of(["\n"]),
                't' => Info.Of(["\t"]),
                _ when char.IsAsciiLetterOrDigit(c) => throw new NotSupportedException(), // \p{…}, \u…, \1, \k…
                _ => Info.Of([c.ToString()]), // escaped punctuation stands for itself
            };
        }

        private Info Class()
        {
            var negated = Peek == '^';
            if (negated)
            {
                _at++;
            }

            var chars = new HashSet<char>();
            var unknown = negated;
            var first = true;
            while (true)
            {
                if (AtEnd)
                {
                    throw new NotSupportedException();
                }

                var c = pattern[_at++];
                if (c == ']' && !first)
                {
                    break;
                }

                first = false;
                if (c == '[')
                {
                    throw new NotSupportedException(); // subtraction or a nested class
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        throw new NotSupportedException();
                    }

                    var e = pattern[_at++];
                    if (char.IsAsciiLetterOrDigit(e))
                    {
                        unknown = true; // \w, \d, \s, \b (backspace), \u…: not enumerated
                        continue;
                    }

                    c = e;
                }

                if (Peek == '-' && _at + 1 < pattern.Length && pattern[_at + 1] != ']')
                {
                    _at++;
                    var to = pattern[_at++];
                    if (to is '\\' or '[')
                    {
                        throw new NotSupportedException();
                    }

                    if (to - c > 32)
                    {
                        unknown = true;
                        continue;
                    }

                    for (var x = c; x <= to; x++)
                    {
                        chars.Add(x);
                    }

                    continue;
                }

                chars.Add(c);
            }

            return unknown || chars.Count > 16 ? Info.Anything : Info.Of(chars.Select(x => x.ToString()));
        }
    }
}

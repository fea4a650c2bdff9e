namespace IopGuideBot.Dialogs.Choices;

/// <summary>How far apart two typed words are: what choice recognition and typo repair both measure.</summary>
public static class EditDistance
{
    /// <summary>
    /// Optimal string alignment distance: inserting, deleting or substituting a letter, or swapping two neighbours, each
    /// cost 1, except that <paramref name="substitutionCost"/> (when given) prices a substitution of one letter for
    /// another. Stops early, returning a value above <paramref name="limit"/>, once no alignment can stay within it.
    /// </summary>
    public static int Compute(string a, string b, int limit, Func<char, char, int>? substitutionCost = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : substitutionCost?.Invoke(a[i - 1], b[j - 1]) ?? 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}

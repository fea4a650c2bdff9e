using System.Globalization;

/// <summary>Command-line options: <c>--key value</c> pairs after the command (shared with TopicFineTune, which links this file).</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) d[args[i][2..]] = args[++i];
        }

        return new Options(d);
    }

    public int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Dbl(string key, double fallback) => values.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string Str(string key, string fallback) => values.GetValueOrDefault(key, fallback);
}

using System.Globalization;

namespace IopGuideBot.Tests.Support;

/// <summary>Reads <c>/metrics</c> (Prometheus text format) the way a scraper does.</summary>
public sealed class PrometheusScrape(string text)
{
    public string Text { get; } = text;

    public static async Task<PrometheusScrape> ReadAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new PrometheusScrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sum of every series of <paramref name="name"/> whose labels contain all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params string[] labels) =>
        Text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal)
                           && (line.Length > name.Length && line[name.Length] is '{' or ' ')
                           && labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}

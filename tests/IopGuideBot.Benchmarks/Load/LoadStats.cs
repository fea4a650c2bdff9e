using System.Collections.Concurrent;
using System.Globalization;

namespace IopGuideBot.Benchmarks.Load;

/// <summary>Latencies and errors of one load phase, by turn kind; each worker records into its own list.</summary>
internal sealed class LoadStats(string name)
{
    private readonly ConcurrentBag<List<(string Kind, double Ms, bool Ok)>> _lists = [];

    public string Name { get; } = name;

    public TimeSpan Duration { get; set; }

    public double ServerCpuMs { get; set; }

    public double ClientCpuMs { get; set; }

    public string LoadAverage { get; set; } = "";

    public List<(string Kind, double Ms, bool Ok)> NewRecorder()
    {
        var list = new List<(string Kind, double Ms, bool Ok)>(4096);
        _lists.Add(list);
        return list;
    }

    public IEnumerable<(string Kind, double Ms, bool Ok)> All => _lists.SelectMany(l => l);

    public int Completed => All.Count(s => s.Ok);

    public double TurnsPerSecond => Completed / Duration.TotalSeconds;

    public static string Header =>
        "| phase | kind | turns | turns/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/turn | load gen CPU ms/turn | loadavg (1 min) |\n" +
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";

    public IEnumerable<string> Rows()
    {
        var all = All.ToList();
        var ok = Math.Max(1, all.Count(s => s.Ok));
        yield return Row("all", all, $"{ServerCpuMs / ok:0.00}", $"{ClientCpuMs / ok:0.00}");
        foreach (var group in all.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return Row(group.Key, group.ToList(), "", "");
        }
    }

    private string Row(string kind, List<(string Kind, double Ms, bool Ok)> samples, string serverCpu, string clientCpu)
    {
        var times = samples.Where(s => s.Ok).Select(s => s.Ms).ToList();
        times.Sort();
        var errors = samples.Count(s => !s.Ok);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {kind} | {times.Count:N0} | {times.Count / Duration.TotalSeconds:N0} | {P(times, 0.50):0.0} | {P(times, 0.95):0.0} | {P(times, 0.99):0.0} | {(times.Count == 0 ? 0 : times[^1]):0.0} | {errors} | {serverCpu} | {clientCpu} | {LoadAverage} |");
    }

    public static double P(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string ReadLoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

/// <summary>
/// Closed loop (each worker sends its next turn when the previous one is answered) and constant rate (turns are due at
/// fixed intended times whatever happened before; latency counts from the intended time, so a stall is charged to
/// every turn it delayed and coordinated omission does not hide it).
/// </summary>
internal static class LoadDriver
{
    /// <summary>One turn of a worker: returns the kind and whether it succeeded.</summary>
    public delegate Task<(string Kind, bool Ok)> Turn(int worker, CancellationToken cancellationToken);

    public static async Task<LoadStats> ClosedLoopAsync(string name, int workers, TimeSpan duration, Turn turn, Func<double>? serverCpuMs)
    {
        var stats = new LoadStats(name) { LoadAverage = LoadStats.ReadLoadAverage() };
        var server0 = serverCpuMs?.Invoke() ?? 0;
        var client0 = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        var started = TimeProvider.System.GetTimestamp();
        var deadline = DateTime.UtcNow + duration;
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var recorder = stats.NewRecorder();
            while (DateTime.UtcNow < deadline)
            {
                var t0 = TimeProvider.System.GetTimestamp();
                string kind;
                bool ok;
                try
                {
                    (kind, ok) = await turn(worker, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or System.Text.Json.JsonException)
                {
                    (kind, ok) = ("exception:" + ex.GetType().Name, false);
                }

                recorder.Add((kind, TimeProvider.System.GetElapsedTime(t0).TotalMilliseconds, ok));
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        stats.Duration = TimeProvider.System.GetElapsedTime(started);
        stats.ServerCpuMs = (serverCpuMs?.Invoke() ?? 0) - server0;
        stats.ClientCpuMs = Environment.CpuUsage.TotalTime.TotalMilliseconds - client0;
        return stats;
    }

    /// <summary>
    /// <paramref name="rate"/> turns per second spread over <paramref name="lanes"/> conversations (turn i goes to lane
    /// i mod lanes, and a lane's turns run one after another, as one person's would).
    /// </summary>
    public static async Task<LoadStats> ConstantRateAsync(string name, double rate, int lanes, TimeSpan duration, Turn turn, Func<double>? serverCpuMs)
    {
        var stats = new LoadStats(name) { LoadAverage = LoadStats.ReadLoadAverage() };
        var server0 = serverCpuMs?.Invoke() ?? 0;
        var client0 = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        var gates = Enumerable.Range(0, lanes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        var recorders = Enumerable.Range(0, lanes).Select(_ => stats.NewRecorder()).ToArray();
        var total = (int)(rate * duration.TotalSeconds);
        var pending = new List<Task>(total);
        var start = TimeProvider.System.GetTimestamp();
        double Now() => TimeProvider.System.GetElapsedTime(start).TotalSeconds;
        for (var i = 0; i < total; i++)
        {
            var intended = i / rate;
            var wait = intended - Now();
            if (wait > 0.002)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }

            var lane = i % lanes;
            var intendedTicks = start + (long)(intended * TimeProvider.System.TimestampFrequency);
            pending.Add(Task.Run(async () =>
            {
                await gates[lane].WaitAsync();
                string kind;
                bool ok;
                try
                {
                    (kind, ok) = await turn(lane, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or System.Text.Json.JsonException)
                {
                    (kind, ok) = ("exception:" + ex.GetType().Name, false);
                }
                finally
                {
                    gates[lane].Release();
                }

                // From the intended send time: time spent waiting for the lane or the connection pool counts.
                var ms = (TimeProvider.System.GetTimestamp() - intendedTicks) * 1000.0 / TimeProvider.System.TimestampFrequency;
                lock (recorders[lane])
                {
                    recorders[lane].Add((kind, ms, ok));
                }
            }));
        }

        await Task.WhenAll(pending);
        stats.Duration = TimeSpan.FromSeconds(Math.Max(duration.TotalSeconds, Now()));
        stats.ServerCpuMs = (serverCpuMs?.Invoke() ?? 0) - server0;
        stats.ClientCpuMs = Environment.CpuUsage.TotalTime.TotalMilliseconds - client0;
        return stats;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IopGuideBot.Benchmarks.Load;

/// <summary>
/// <c>--load</c>: the service as a child process (<c>dotnet IopGuideBot.dll --urls …</c>, default SQLite storage in a
/// fresh temporary data directory), measured side by side in one run with a bare Kestrel ceiling and the stock Bot
/// Framework echo bot. See BENCHMARKS.md at the repository root.
/// </summary>
/// <remarks>
/// Options: <c>--conversations N</c> (32), <c>--seconds T</c> per phase (8), <c>--rate R</c> turns/s for the constant-rate
/// phase (default: 70 % of the closed-loop mix), <c>--memory-conversations M</c> (10000; 0 skips),
/// <c>--phases a,b</c> (clicks, mix, rate, api, ceiling, stock), <c>--env NAME=VALUE</c> for the service,
/// <c>--service-dll path</c> to measure another build (for a before/after), <c>--restarts N</c> to first start the
/// service on an empty data directory and then N more times on the same one (a restart: caches in place), timing each.
/// The load generator runs in this process, on the same two cores as the service: its CPU per turn is printed.
/// </remarks>
internal static class LoadCommand
{
    private const string Secret = "load-test-secret-0123456789abcdef0123456789";

    public static async Task RunAsync(string[] args)
    {
        var conversations = IntArg(args, "--conversations", 32);
        var seconds = IntArg(args, "--seconds", 8);
        // Tiered compilation keeps recompiling hot methods (tier 0, instrumented, then optimised with PGO) for tens of
        // seconds of load: with a 3 s warm-up, half of the service's CPU in the first phase was the JIT.
        var warmupSeconds = IntArg(args, "--warmup", 3);
        var memoryConversations = IntArg(args, "--memory-conversations", 10_000);
        var fixedRate = IntArg(args, "--rate", 0);
        // --conversation-turns N: each person leaves after N turns and a new one starts (real chats run for tens of turns;
        // 0, the default, keeps 32 conversations going for the whole run, so they grow to hundreds of turns).
        var conversationTurns = IntArg(args, "--conversation-turns", 0);
        var phases = (Arg(args, "--phases") ?? "clicks,mix,rate,api,ceiling,stock").Split(',');
        var duration = TimeSpan.FromSeconds(seconds);
        var root = FindRepositoryRoot();
        // --service-dll: another build of the service (e.g. of main, for a before/after on the same machine and hour).
        var dll = Path.GetFullPath(Arg(args, "--service-dll") ?? Path.Combine(root, "src/IopGuideBot/bin/Release/net10.0/IopGuideBot.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the service first: dotnet build -c Release src/IopGuideBot ({dll})");
        }

        Console.WriteLine($"# Load run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {Environment.ProcessorCount} cores, loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"conversations {conversations}, {seconds} s per phase, {(conversationTurns > 0 ? $"a new conversation every {conversationTurns} turns" : "one conversation each for the whole run")}, service {dll}");

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

        // --env NAME=VALUE (repeatable): extra environment for the service, e.g. to compare GC settings.
        var environment = args.Select((a, i) => (a, i)).Where(p => p.a == "--env" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
        var restarts = IntArg(args, "--restarts", 0);
        if (restarts > 0)
        {
            await MeasureRestartsAsync(http, dll, environment, restarts);
            if (phases.SequenceEqual(["none"]) && memoryConversations == 0)
            {
                return; // start-up only
            }
        }

        await using var service = await ServiceProcess.StartAsync(dll, environment);
        Console.WriteLine($"service pid {service.Id} (attach dotnet-counters / dotnet-trace to it)");
        var startup = await MeasureStartupAsync(http, service);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start-up: listening after {startup.Listening.TotalMilliseconds:N0} ms, first answered turn {startup.FirstTurn.TotalMilliseconds:N0} ms after process start; RSS {service.RssMegabytes():N0} MB"));

        // The semantic matcher encodes the content's examples in the background after start-up (no cache in a fresh data
        // directory): measuring before it is done would charge that work to the turns.
        var ready = Stopwatch.StartNew();
        while (!service.Output.Contains("Semantic matcher ready", StringComparison.Ordinal) && ready.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"semantic matcher ready {service.SinceStart.TotalMilliseconds:N0} ms after process start"));

        // Conversations for the closed loop (N) and the constant-rate phase (2N lanes, so a lane is rarely the bottleneck).
        var users = new DirectLineUser[conversations * 2];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = new DirectLineUser(http, service.BaseUri, Secret, seed: i + 1, conversationTurns);
            await users[i].StartAsync(CancellationToken.None);
        }

        // Warm-up: JIT, pools, the semantic model's caches.
        await LoadDriver.ClosedLoopAsync("warm-up", conversations, TimeSpan.FromSeconds(warmupSeconds), (w, ct) => users[w].NextTurnAsync(0.3, ct), null);

        var results = new List<LoadStats>();
        LoadStats? mix = null;
        if (phases.Contains("clicks"))
        {
            results.Add(await LoadDriver.ClosedLoopAsync("DL clicks (closed)", conversations, duration,
                (w, ct) => users[w].NextTurnAsync(0, ct), service.CpuMilliseconds));
        }

        if (phases.Contains("mix"))
        {
            mix = await LoadDriver.ClosedLoopAsync("DL mix (closed)", conversations, duration,
                (w, ct) => users[w].NextTurnAsync(0.3, ct), service.CpuMilliseconds);
            results.Add(mix);
        }

        if (phases.Contains("rate"))
        {
            var rate = fixedRate > 0 ? fixedRate : Math.Max(10, Math.Round((mix?.TurnsPerSecond ?? 100) * 0.7));
            results.Add(await LoadDriver.ConstantRateAsync($"DL mix @{rate:0}/s (constant rate)", rate, users.Length, duration,
                (w, ct) => users[w].NextTurnAsync(0.3, ct), service.CpuMilliseconds));
        }

        LoadStats? ours = null, ceiling = null, stock = null;
        await using var reference = new ReferenceServers();
        if (phases.Contains("api") || phases.Contains("ceiling") || phases.Contains("stock"))
        {
            await reference.StartAsync();
        }

        if (phases.Contains("api"))
        {
            var sender = new ChannelSender(http, service.BaseUri, reference.Connector);
            await LoadDriver.ClosedLoopAsync("warm-up", conversations, TimeSpan.FromSeconds(2), sender.TurnAsync, null);
            var before = reference.ConnectorReplies;
            ours = await LoadDriver.ClosedLoopAsync("ours /api/messages → loopback connector", conversations, duration, sender.TurnAsync, service.CpuMilliseconds);
            Console.WriteLine($"ours /api/messages: {reference.ConnectorReplies - before:N0} replies reached the loopback connector");
            results.Add(ours);
        }

        if (phases.Contains("ceiling"))
        {
            var sender = new ChannelSender(http, reference.Ceiling, reference.Connector);
            await LoadDriver.ClosedLoopAsync("warm-up", conversations, TimeSpan.FromSeconds(2), sender.TurnAsync, null);
            ceiling = await LoadDriver.ClosedLoopAsync("ceiling: bare Kestrel, parse JSON", conversations, duration, sender.TurnAsync, null);
            results.Add(ceiling);
        }

        if (phases.Contains("stock"))
        {
            var sender = new ChannelSender(http, reference.StockBot, reference.Connector);
            await LoadDriver.ClosedLoopAsync("warm-up", conversations, TimeSpan.FromSeconds(2), sender.TurnAsync, null);
            var before = reference.ConnectorReplies;
            stock = await LoadDriver.ClosedLoopAsync("stock CloudAdapter echo → loopback connector", conversations, duration, sender.TurnAsync, null);
            Console.WriteLine($"stock echo: {reference.ConnectorReplies - before:N0} replies reached the loopback connector");
            results.Add(stock);
        }

        Console.WriteLine();
        Console.WriteLine(LoadStats.Header);
        foreach (var row in results.SelectMany(r => r.Rows()))
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        if (ours is not null && stock is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ours /api/messages ÷ stock echo: {ours.TurnsPerSecond / stock.TurnsPerSecond:0.00}×"));
        }

        if (ceiling is not null)
        {
            foreach (var r in results.Where(r => r != ceiling))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {r.Name} ÷ ceiling: {100 * r.TurnsPerSecond / ceiling.TurnsPerSecond:0.0} %"));
            }
        }

        if (memoryConversations > 0)
        {
            await MeasureMemoryAsync(http, service, memoryConversations, conversations);
        }

        Console.WriteLine($"loadavg at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        if (Environment.GetEnvironmentVariable("LOAD_DEBUG") is not null)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "iopguidebot-load-service.log"), service.Output);
        }
    }

    /// <summary>
    /// Start-up on a first install (empty data directory) and then <paramref name="restarts"/> restarts on the same data
    /// directory, where the service finds what its previous run cached. Each start: listening, the first turn (a button),
    /// then a typed question that needs the semantic matcher (a turn that arrives before it is ready waits for it), and
    /// when the matcher logged "ready". The service is killed between runs, as a crash or a redeploy would stop it.
    /// </summary>
    private static async Task MeasureRestartsAsync(HttpClient http, string dll, IReadOnlyDictionary<string, string> environment, int restarts)
    {
        string? data = null;
        for (var run = 0; run <= restarts; run++)
        {
            await using var service = await ServiceProcess.StartAsync(dll, environment, data);
            data ??= service.DataDirectory;
            service.KeepDataDirectory = run < restarts;
            var startup = await MeasureStartupAsync(http, service);
            var cpuAtFirstTurn = service.CpuMilliseconds(); // less at the mercy of the machine's other work than the wall clock
            var user = new DirectLineUser(http, service.BaseUri, Secret, seed: 1);
            await user.StartAsync(CancellationToken.None);
            var (_, typedOk) = await user.TurnAsync(DirectLineUser.FreeText, "my stepdaughter keeps refusing every kind of help we offer her", CancellationToken.None);
            var typed = service.SinceStart;
            var ready = Stopwatch.StartNew();
            while (!service.Output.Contains("Semantic matcher ready", StringComparison.Ordinal) && ready.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(20);
            }

            var semantic = service.SinceStart;

            // The resident set once start-up's work is all done: the service builds the crisis lexicon's linear-time regexes
            // (logged "linear-time regexes built"), then gives start-up's transient memory back and logs "Start-up memory
            // released" after the recognizers are warmed and the matcher is built.
            var released = Stopwatch.StartNew();
            while (!service.Output.Contains("Start-up memory released", StringComparison.Ordinal) && released.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(50);
            }

            await Task.Delay(500);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "first start (empty data directory)" : $"restart {run}")}: listening {startup.Listening.TotalMilliseconds:N0} ms, first answered turn {startup.FirstTurn.TotalMilliseconds:N0} ms (service CPU {cpuAtFirstTurn:N0} ms by then), first typed question answered {typed.TotalMilliseconds:N0} ms{(typedOk ? "" : " (NO REPLY)")}, semantic matcher logged ready by {semantic.TotalMilliseconds:N0} ms after process start; RSS {service.RssMegabytes():N0} MB once start-up's work was done, peak (VmHWM) {service.PeakRssMegabytes():N0} MB"));
            if (Environment.GetEnvironmentVariable("LOAD_DEBUG") is not null)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), $"iopguidebot-load-start-{run}.log"), service.Output);
            }
        }
    }

    private static async Task<(TimeSpan Listening, TimeSpan FirstTurn)> MeasureStartupAsync(HttpClient http, ServiceProcess service)
    {
        var user = new DirectLineUser(http, service.BaseUri, Secret, seed: 0);
        while (true)
        {
            try
            {
                await user.StartAsync(CancellationToken.None);
                break;
            }
            catch (HttpRequestException)
            {
                if (service.HasExited)
                {
                    throw new InvalidOperationException("The service exited during start-up:\n" + service.Output);
                }

                await Task.Delay(20);
            }
        }

        var listening = service.SinceStart;
        var (_, ok) = await user.TurnAsync(DirectLineUser.Click, "menu", CancellationToken.None);
        if (!ok)
        {
            throw new InvalidOperationException("The first turn was not answered:\n" + service.Output);
        }

        return (listening, service.SinceStart);
    }

    /// <summary>RSS after M conversations of a few turns each (started, the menu, one button).</summary>
    private static async Task MeasureMemoryAsync(HttpClient http, ServiceProcess service, int count, int concurrency)
    {
        var before = service.RssMegabytes();
        var next = 0;
        var failed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var user = new DirectLineUser(http, service.BaseUri, Secret, seed: 100_000 + next);
                try
                {
                    await user.StartAsync(CancellationToken.None);
                    var (_, a) = await user.TurnAsync(DirectLineUser.Click, "menu", CancellationToken.None);
                    var (_, b) = await user.TurnAsync(DirectLineUser.Click, "What is an IOP?", CancellationToken.None);
                    if (!a || !b)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        GC.KeepAlive(before);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: RSS {before:N0} MB before, {service.RssMegabytes():N0} MB after {count:N0} more conversations (2 turns each, {failed} failed, {watch.Elapsed.TotalSeconds:N0} s); peak (VmHWM) {service.PeakRssMegabytes():N0} MB"));
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        Arg(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IopGuideBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("IopGuideBot.sln");
    }
}

/// <summary>The service as a child process on a free loopback port with a fresh data directory, deleted afterwards.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly long _started;
    private readonly string _dataDirectory;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, long started, string dataDirectory, Uri baseUri)
    {
        _process = process;
        _started = started;
        _dataDirectory = dataDirectory;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public TimeSpan SinceStart => TimeProvider.System.GetElapsedTime(_started);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The data directory (database, key ring, logs, understanding caches).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Leave the data directory (and its key ring certificate) in place on dispose, for a restart on it.</summary>
    public bool KeepDataDirectory { get; set; }

    /// <param name="dataDirectory">An earlier run's data directory to start on (a restart); null makes a fresh one.</param>
    public static Task<ServiceProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, string? dataDirectory = null)
    {
        var port = FreePort();
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("iopguidebot-load-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            // The content root, as under `dotnet run --project src/IopGuideBot`: appsettings.json (log levels) is read from it.
            // (src/IopGuideBot/bin/Release/net10.0/IopGuideBot.dll → src/IopGuideBot)
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     dll, "--urls", $"http://127.0.0.1:{port}",
                     "--Storage:DataDirectory", data,
                     "--DirectLine:Secret", "load-test-secret-0123456789abcdef0123456789",
                     // The per-conversation limits protect a real site; a load test sends far faster than a person.
                     "--DirectLine:ActivitiesPerMinutePerConversation", "600000",
                     "--DirectLine:ActivityBurstPerConversation", "100000",
                 })
        {
            info.ArgumentList.Add(a);
        }

        // Production, as deployed: its log levels (Development logs at Debug) and a key ring certificate made for the run.
        var certificate = Path.Combine(data, "..", Path.GetFileName(data) + "-keyring.pfx");
        if (!File.Exists(certificate)) // a restart reuses its data directory's certificate
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            MakeCertificate(rsa, certificate);
        }

        info.ArgumentList.Add("--KeyRing:CertificatePath");
        info.ArgumentList.Add(Path.GetFullPath(certificate));
        info.ArgumentList.Add("--Bot:AllowAnonymousInProduction");
        info.ArgumentList.Add("true");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var started = TimeProvider.System.GetTimestamp();
        var process = Process.Start(info)!;
        var service = new ServiceProcess(process, started, data, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(service);
    }

    private static void MakeCertificate(System.Security.Cryptography.RSA rsa, string path)
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=IopGuideBot load test key ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
    }

    public double CpuMilliseconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalMilliseconds;
    }

    public double RssMegabytes() => StatusKilobytes("VmRSS:") / 1024.0;

    public double PeakRssMegabytes() => StatusKilobytes("VmHWM:") / 1024.0;

    private long StatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (KeepDataDirectory)
        {
            return;
        }

        try
        {
            File.Delete(Path.Combine(Path.GetDirectoryName(_dataDirectory)!, Path.GetFileName(_dataDirectory) + "-keyring.pfx"));
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

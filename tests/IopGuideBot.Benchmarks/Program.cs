using BenchmarkDotNet.Running;
using IopGuideBot.Benchmarks;

// Warm figures: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --filter '*' --job short
// Cold start (first call in a fresh process): dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --cold
// Understanding cost per message, p50/p95/p99 per path: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --understanding-p99
// How the understanding thresholds were chosen: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --calibrate
if (args.Contains("--calibrate"))
{
    UnderstandingCalibration.Run(crossValidate: args.Contains("--cv"));
    return;
}

if (args.Length > 1 && args[0] == "--explain")
{
    UnderstandingCalibration.Explain(args.Skip(1));
    return;
}

if (args.Contains("--understanding-p99"))
{
    UnderstandingCost.Run();
    return;
}

if (args.Contains("--cold"))
{
    ColdStart.Run();
    return;
}

// How the semantic crisis signal was chosen: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-semantic-report
if (args.Contains("--crisis-semantic-report"))
{
    CrisisSemanticReport.Run(quick: args.Contains("--quick"));
    return;
}

// How the tuned crisis encoder is weighted and its threshold chosen:
// dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-encoder-report [--adapter path]
if (args.Contains("--crisis-encoder-report"))
{
    var adapter = Array.IndexOf(args, "--adapter") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    CrisisEncoderReport.Run(adapter);
    return;
}

// Why a message is (or is not) taken for a crisis: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-explain "text" ["text"...]
if (args.Length > 1 && args[0] == "--crisis-explain")
{
    CrisisSemanticReport.Explain(args.Skip(1));
    return;
}

// What a crisis check costs from 100 bytes to 256 KB: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-cost
if (args.Contains("--crisis-cost"))
{
    CrisisCheckCost.Run();
    return;
}

// The service under load, side by side with a bare Kestrel ceiling and the stock Bot Framework echo bot (BENCHMARKS.md):
// dotnet build -c Release tests/IopGuideBot.Benchmarks && dotnet tests/IopGuideBot.Benchmarks/bin/Release/net10.0/IopGuideBot.Benchmarks.dll --load
if (args.Contains("--load"))
{
    await IopGuideBot.Benchmarks.Load.LoadCommand.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

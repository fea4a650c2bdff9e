using BenchmarkDotNet.Running;
using IopGuideBot.Benchmarks;

// Warm figures: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --filter '*' --job short
// Cold start (first call in a fresh process): dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --cold
if (args.Contains("--cold"))
{
    ColdStart.Run();
    return;
}

// How the semantic crisis signal was chosen: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --crisis-semantic-report
if (args.Contains("--crisis-semantic-report"))
{
    CrisisSemanticReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

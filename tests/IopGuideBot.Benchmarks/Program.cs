using BenchmarkDotNet.Running;
using IopGuideBot.Benchmarks;

// Warm figures: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --filter '*' --job short
// Cold start (first call in a fresh process): dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --cold
if (args.Contains("--cold"))
{
    ColdStart.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

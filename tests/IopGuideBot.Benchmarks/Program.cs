using BenchmarkDotNet.Running;
using IopGuideBot.Benchmarks;

// Warm figures: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --filter '*' --job short
// Cold start (first call in a fresh process): dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --cold
// How the understanding thresholds were chosen: dotnet run -c Release --project tests/IopGuideBot.Benchmarks -- --calibrate
if (args.Contains("--calibrate"))
{
    UnderstandingCalibration.Run();
    return;
}

if (args.Contains("--cold"))
{
    ColdStart.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

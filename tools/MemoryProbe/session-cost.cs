// Session-creation cost of the MiniLM graph (issue 15, BENCHMARKS.md fourth pass): ORT_ENABLE_ALL vs ORT_DISABLE_ALL vs a saved
// optimised graph, three times each, wall and process CPU. Run from the repository root: dotnet run -c Release tools/MemoryProbe/session-cost.cs
#:project ../../src/IopGuideBot.Conversation/IopGuideBot.Conversation.csproj
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
using System.Diagnostics;
using System.Reflection;
using IopGuideBot.Conversation.Safety;
using Microsoft.ML.OnnxRuntime;
var g = (byte[])typeof(CrisisEncoder).GetMethod("ReadPackageGraph", BindingFlags.Static | BindingFlags.NonPublic)!.Invoke(null, null)!;
var proc = Process.GetCurrentProcess();
void Time(string label, Func<SessionOptions> make)
{
    for (var i = 0; i < 3; i++)
    {
        proc.Refresh(); var cpu0 = proc.TotalProcessorTime; var w = Stopwatch.StartNew();
        using var o = make(); using var s = new InferenceSession(g, o);
        proc.Refresh();
        Console.WriteLine($"{label}: wall {w.ElapsedMilliseconds} ms, CPU {(proc.TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms");
    }
}
Time("ENABLE_ALL", () => new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });
Time("DISABLE_ALL", () => new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL });
var path = Path.Combine(Path.GetTempPath(), "minilm-optimized.onnx");
using (var o = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = path }) using (var s = new InferenceSession(g, o)) { }
g = File.ReadAllBytes(path);
Console.WriteLine($"optimized file {g.Length} bytes");
Time("saved optimized, DISABLE_ALL", () => new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL });
Time("saved optimized, ENABLE_ALL", () => new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });

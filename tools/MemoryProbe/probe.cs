// Memory probe (issue 15, BENCHMARKS.md "Memory"): resolves the service's singletons one at a time from the same DI
// registrations and prints the resident set and the live managed heap after a forced full compacting collection.
// Run from the repository root: dotnet run -c Release tools/MemoryProbe/probe.cs [cache directory]
#:project ../../src/IopGuideBot.Conversation/IopGuideBot.Conversation.csproj
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
#:package Microsoft.Extensions.Configuration.Json@10.0.0
using IopGuideBot.Conversation;
using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;
using IopGuideBot.Conversation.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

static void Mem(string label)
{
    GC.Collect(2, GCCollectionMode.Forced, true, true); GC.WaitForPendingFinalizers(); GC.Collect(2, GCCollectionMode.Forced, true, true);
    var st = File.ReadAllLines("/proc/self/status");
    string F(string k) => st.First(l => l.StartsWith(k)).Split(':')[1].Trim();
    var info = GC.GetGCMemoryInfo();
    Console.WriteLine($"{label,-34} RSS {F("VmRSS"),-11} anon {F("RssAnon"),-11} managed {GC.GetTotalMemory(false)/1048576.0,6:F1} MB  LOH {info.GenerationInfo[3].SizeAfterBytes/1048576.0,6:F1} MB");
}
var Root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../.."));
var Cache = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "iopguidebot-memory-probe");
var cfg = new ConfigurationBuilder().SetBasePath(Path.Combine(Root, "src/IopGuideBot")).AddJsonFile("appsettings.json").AddInMemoryCollection(new Dictionary<string,string?>{["Understanding:CacheDirectory"]=Cache, ["Storage:DataDirectory"]=Cache, ["Content:Directory"]=Path.Combine(Root, "dialogs-content")}).Build();
var services = new ServiceCollection().AddLogging();
services.AddSingleton<IConfiguration>(cfg);
services.AddClinicConversation(cfg);
services.AddSafetyAndTriage();
using var sp = services.BuildServiceProvider();
Mem("baseline");
CrisisDetector.FrameOf("how long is the program"); Mem("crisis lexicon (its regexes)");
sp.GetRequiredService<ClinicContent>(); Mem("content");
sp.GetRequiredService<IntentClassifier>().Classify("how much does it cost"); Mem("intent classifier");
sp.GetRequiredService<SentenceEmbeddings>(); Mem("sentence embeddings");
var m = sp.GetRequiredService<SemanticMatcher>(); m.Match("how much does it cost"); Mem("semantic matcher");
sp.GetRequiredService<CrisisSemanticModel>(); Mem("crisis semantic model");
sp.GetRequiredService<CrisisEncoderBlend>(); Mem("crisis blend");
sp.GetRequiredService<CrisisEncoder>(); Mem("crisis encoder");
var d = sp.GetRequiredService<CrisisDetector>(); Mem("crisis detector");
d.Assess("i am fine thanks, how long is the program"); Mem("first assess");

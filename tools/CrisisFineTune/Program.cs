using System.Diagnostics;
using System.Globalization;
using CrisisFineTune;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;
using TorchSharp;
using static TorchSharp.torch;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
torch.set_num_threads(options.Int("threads", 2));
torch.manual_seed(options.Int("seed", 7));
var root = CrisisTrainingCorpus.FindRepositoryRoot(Environment.CurrentDirectory);
var outDir = options.Str("out", "/work/ft-out");
Directory.CreateDirectory(outDir);

switch (args.FirstOrDefault())
{
    case "parity":
        Commands.Parity();
        break;
    case "train":
        Commands.Train(root, outDir, options);
        break;
    case "eval":
        Commands.Evaluate(root, outDir, options);
        break;
    case "export":
        Adapter.Export(Path.Combine(outDir, options.Str("name", "ft") + ".bin"), options.Str("to", Path.Combine(outDir, options.Str("name", "ft") + ".adapter")), options.Int("max-tokens", 128));
        break;
    case "categories":
        Commands.Categories(root, outDir, options);
        break;
    case "onnx":
        Commands.WriteOnnx(outDir, options);
        break;
    default:
        Console.WriteLine("usage: CrisisFineTune parity | train [--epochs 3 --lr 3e-5 --batch 32 --freeze 0 --max-len 64 --name ft] | eval [--name ft] | export [--name ft --to /work/ft-out/ft.adapter --max-tokens 128] | onnx [--name ft]");
        break;
}

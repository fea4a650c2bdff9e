using System.Globalization;
using CrisisFineTune;
using TopicFineTune;
using TorchSharp;
using Commands = TopicFineTune.Commands;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
// One thread by default: another training job shares the two cores and has priority.
torch.set_num_threads(options.Int("threads", 1));
torch.manual_seed(options.Int("seed", 7));
var root = TopicData.FindRepositoryRoot(Environment.CurrentDirectory);
var outDir = options.Str("out", "/work/topicft-out");
Directory.CreateDirectory(outDir);

switch (args.FirstOrDefault())
{
    case "train":
        Commands.Train(root, outDir, options);
        break;
    case "eval":
        Commands.Evaluate(root, outDir, options);
        break;
    case "export":
        Commands.Export(outDir, options);
        break;
    case "onnx":
        // CrisisFineTune's check, reused: X.adapter merged into a copy of the package graph, ONNX Runtime vs TorchSharp
        // (sentence-vector cosine; its "risk" line is 1 − P(first class), here the first topic id).
        CrisisFineTune.Commands.WriteOnnx(outDir, options);
        break;
    default:
        Console.WriteLine("usage: TopicFineTune train [--epochs 4 --lr 5e-5 --head-lr 2e-3 --batch 32 --freeze 0 --max-len 64 --name topic --threads 1] [--lora 16 --alpha 32 --lora-lr 5e-4 --small-lr 2e-4 --small 1] | eval [--name topic[,topic2,x.adapter]] | export [--name topic --to /work/topicft-out/topic.adapter --max-tokens 128] | onnx --name topic.adapter");
        break;
}

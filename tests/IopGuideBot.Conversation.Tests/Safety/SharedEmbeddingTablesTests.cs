using System.Security.Cryptography;
using IopGuideBot.Conversation.Safety;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Tests.Safety;

/// <summary>
/// The sentence encoder and the crisis encoder read one copy of the graph's embedding tables
/// (<see cref="MiniLMEmbeddingTables"/>) and the model assembly's pages are given back after start-up
/// (<see cref="SentenceEmbeddings.ReleaseModelImagePages"/>), without changing a single crisis score or embedding.
/// </summary>
public sealed class SharedEmbeddingTablesTests
{
    [Fact]
    public void Every_crisis_score_and_embedding_is_the_same_with_the_tables_shared()
    {
        var pieces = EvaluationPieces();
        Assert.True(pieces.Count > 500, $"only {pieces.Count} pieces found");
        using var ownEmbeddings = new SentenceEmbeddings(new SemanticsOptions(), shareEmbeddingTables: false);
        using var ownEncoder = CrisisEncoder.Load(CrisisEncoder.OpenEmbeddedAdapter(), 0, shareEmbeddingTables: false);
        using var sharedEmbeddings = new SentenceEmbeddings(new SemanticsOptions());
        using var sharedEncoder = CrisisEncoder.LoadEmbedded();
        var model = CrisisSemanticModel.LoadEmbedded();
        var blend = CrisisEncoderBlend.LoadEmbedded();
        var before = new CrisisSemanticSignal(ownEmbeddings, model, ownEncoder, blend).ScorePieces(pieces);
        var after = new CrisisSemanticSignal(sharedEmbeddings, model, sharedEncoder, blend).ScorePieces(pieces);

        var differences = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (MathF.Abs(before[i].Risk - after[i].Risk) > 1e-5f || before[i].Category != after[i].Category)
            {
                differences.Add($"piece {i} ({pieces[i].Length} chars): {before[i]} → {after[i]}");
            }

            var own = ownEmbeddings.Embed(pieces[i]);
            var shared = sharedEmbeddings.Embed(pieces[i]);
            if (own.Zip(shared).Any(p => MathF.Abs(p.First - p.Second) > 1e-5f))
            {
                differences.Add($"piece {i} ({pieces[i].Length} chars): embedding differs");
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void The_shared_tables_are_the_graphs_own_and_an_adapter_that_changes_one_keeps_its_copy()
    {
        var graph = CrisisEncoder.ReadPackageGraph();
        var tensors = new OnnxInitializers(graph).Tensors;
        foreach (var name in MiniLMEmbeddingTables.Names)
        {
            Assert.True(tensors.ContainsKey(name), name);
        }

        // The committed adapter leaves every table alone, so the crisis encoder shares all three.
        var changed = new HashSet<string>(StringComparer.Ordinal);
        using (var adapter = CrisisEncoder.OpenEmbeddedAdapter())
        {
            CrisisEncoder.Apply(adapter, (byte[])graph.Clone(), changed);
        }

        Assert.True(changed.Count > 0);
        Assert.DoesNotContain(changed, MiniLMEmbeddingTables.Names.Contains);
    }

    [Fact]
    public void Released_model_pages_are_read_again_unchanged()
    {
        string[] texts = ["what time do the evening groups start", "i have the pills counted out and i am saying goodbye to everyone tonight"];
        var graphBefore = SHA256.HashData(CrisisEncoder.ReadPackageGraph());
        using var encoderBefore = CrisisEncoder.LoadEmbedded();
        _ = SharedCrisisDetector.Embeddings; // a session over the graph exists, as in the service

        var advised = SentenceEmbeddings.ReleaseModelImagePages();

        if (OperatingSystem.IsLinux())
        {
            Assert.True(advised > 80L << 20, $"{advised} bytes advised"); // the assembly is ~91 MB
        }

        Assert.Equal(graphBefore, SHA256.HashData(CrisisEncoder.ReadPackageGraph()));
        using var encoderAfter = CrisisEncoder.LoadEmbedded();
        Assert.Equal(encoderBefore.Judge(texts), encoderAfter.Judge(texts));
    }

    /// <summary>
    /// The text column of the team's development and corpus evaluation files (not the blind or held-out sets), normalised as
    /// the detector reads it, each clause too.
    /// </summary>
    private static List<string> EvaluationPieces() =>
    [
        .. new[] { "crisis-dev.tsv", "crisis-corpus.tsv" }
            .SelectMany(file => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Safety", file)))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[(line.LastIndexOf('\t') + 1)..])
            .SelectMany(text => CrisisTextNormalizer.NormalizeWithClauses(text).Select(n => n.Text))
            .Distinct(StringComparer.Ordinal),
    ];
}

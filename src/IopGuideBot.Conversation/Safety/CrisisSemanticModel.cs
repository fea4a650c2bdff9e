using System.Text.Json;
using System.Text.Json.Serialization;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// The semantic signal's trained model over sentence embeddings (all-MiniLM-L6-v2, 384 dimensions): multinomial logistic
/// regression (one class per <see cref="CrisisCategory"/> plus <see cref="CrisisCategory.None"/>; its risk is 1 − P(None))
/// averaged with nearest neighbours among the training lines (the risky share of the <see cref="Neighbours"/> most similar,
/// weighted by similarity) and with a few small networks (<see cref="CrisisNetwork"/>). The regression draws the broad
/// boundary; the neighbours keep it honest near examples it smooths over; the networks bend it where a straight line
/// cannot (measured: tests/IopGuideBot.Benchmarks/results/crisis-semantic.md). Trained offline by
/// <see cref="CrisisSemanticTrainer"/> from
/// <c>Safety/Model/crisis-training.tsv</c> and committed as <c>crisis-semantic-model.json</c>, which ships inside this
/// assembly: loading it costs milliseconds, so the signal is on from the first message and start-up does no training.
/// </summary>
public sealed class CrisisSemanticModel
{
    /// <summary>Name of the committed model inside this assembly.</summary>
    public const string ResourceName = "IopGuideBot.Conversation.Safety.Model.crisis-semantic-model.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The sentence-embedding model the weights were trained on.</summary>
    public required string EmbeddingModel { get; init; }

    /// <summary>SHA-256 of the training corpus it was trained from (see <see cref="CrisisTrainingCorpus.Sha256"/>).</summary>
    public required string CorpusSha256 { get; init; }

    /// <summary>The trainer's settings, as text (a change of settings also makes the model stale).</summary>
    public required string Trainer { get; init; }

    /// <summary>Risk at or above this counts as a crisis.</summary>
    public required float Threshold { get; init; }

    /// <summary>
    /// Risk a piece framed as a question about a topic, as history or as a denial (<see cref="CrisisFrame"/>) must reach:
    /// such pieces share the words of a crisis without being one, so the signal needs to be surer.
    /// </summary>
    public required float FramedThreshold { get; init; }

    /// <summary>How many nearest training lines vote.</summary>
    public required int Neighbours { get; init; }

    /// <summary>Share of the neighbours' vote in the risk (the rest, after <see cref="NetworkWeight"/>, is the regression's).</summary>
    public required float NeighbourWeight { get; init; }

    /// <summary>Share of the <see cref="Networks"/>' mean risk in the risk (0 when there are none).</summary>
    public float NetworkWeight { get; init; }

    /// <summary>Small networks trained from different seeds; their mean risk steadies what one of them would say.</summary>
    public IReadOnlyList<CrisisNetwork> Networks { get; init; } = [];

    /// <summary>The training lines' embeddings as little-endian half-precision floats, base64 (one row of 384 per line).</summary>
    public required string NeighbourVectors { get; init; }

    /// <summary>Per training line, in the order of <see cref="NeighbourVectors"/>: 1 when risky, 0 when benign.</summary>
    public required string NeighbourLabels { get; init; }

    /// <summary>Embeddings are centred on this (the training mean) and then multiplied by <see cref="InputScale"/> before the weights.</summary>
    public required float[] InputCenter { get; init; }

    /// <summary>Unit vectors have tiny components; this brings them to about unit variance per dimension.</summary>
    public required float InputScale { get; init; }

    public required IReadOnlyList<CrisisCategory> Classes { get; init; }

    /// <summary>One row of <see cref="Semantics.SentenceEmbeddings.Dimensions"/> weights per class.</summary>
    public required IReadOnlyList<float[]> Weights { get; init; }

    public required IReadOnlyList<float> Bias { get; init; }

    private float[][]? _neighbourRows;

    /// <summary>The training lines' embeddings, decoded once.</summary>
    private float[][] NeighbourRows => _neighbourRows ??= DecodeRows(NeighbourVectors);

    /// <summary>The same model with other thresholds (to measure a sweep; the committed thresholds come from the trainer).</summary>
    public CrisisSemanticModel WithThresholds(float threshold, float framedThreshold) => new()
    {
        EmbeddingModel = EmbeddingModel,
        CorpusSha256 = CorpusSha256,
        Trainer = Trainer,
        Threshold = threshold,
        FramedThreshold = framedThreshold,
        Neighbours = Neighbours,
        NeighbourWeight = NeighbourWeight,
        NetworkWeight = NetworkWeight,
        Networks = Networks,
        NeighbourVectors = NeighbourVectors,
        NeighbourLabels = NeighbourLabels,
        InputCenter = InputCenter,
        InputScale = InputScale,
        Classes = Classes,
        Weights = Weights,
        Bias = Bias,
        _neighbourRows = _neighbourRows,
    };

    /// <summary>The model committed with this build.</summary>
    public static CrisisSemanticModel LoadEmbedded()
    {
        using var stream = typeof(CrisisSemanticModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The crisis model '{ResourceName}' is not embedded in this build.");
        return Load(stream);
    }

    public static CrisisSemanticModel Load(Stream stream)
    {
        var model = JsonSerializer.Deserialize<CrisisSemanticModel>(stream, Json)
            ?? throw new InvalidDataException("The crisis model file is empty.");
        model.Validate();
        return model;
    }

    public void Save(Stream stream) => JsonSerializer.Serialize(stream, this, Json);

    /// <summary>Class probabilities for one embedding, in the order of <see cref="Classes"/>.</summary>
    public float[] Probabilities(ReadOnlySpan<float> embedding)
    {
        var centred = new float[embedding.Length];
        System.Numerics.Tensors.TensorPrimitives.Subtract(embedding, InputCenter, centred);
        var logits = new float[Classes.Count];
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = Bias[c] + InputScale * System.Numerics.Tensors.TensorPrimitives.Dot(centred, Weights[c]);
        }

        System.Numerics.Tensors.TensorPrimitives.SoftMax(logits, logits);
        return logits;
    }

    /// <summary>The risky share among the nearest training lines, weighted by similarity.</summary>
    public float NeighbourRisk(ReadOnlySpan<float> embedding)
    {
        var rows = NeighbourRows;
        var best = new (float Similarity, bool Risky)[Neighbours];
        var filled = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var similarity = System.Numerics.Tensors.TensorPrimitives.Dot(embedding, rows[i]);
            if (filled < best.Length)
            {
                best[filled++] = (similarity, NeighbourLabels[i] == '1');
                continue;
            }

            var weakest = 0;
            for (var j = 1; j < best.Length; j++)
            {
                if (best[j].Similarity < best[weakest].Similarity)
                {
                    weakest = j;
                }
            }

            if (similarity > best[weakest].Similarity)
            {
                best[weakest] = (similarity, NeighbourLabels[i] == '1');
            }
        }

        float risky = 0, total = 0;
        for (var j = 0; j < filled; j++)
        {
            var weight = Math.Max(best[j].Similarity, 0);
            total += weight;
            risky += best[j].Risky ? weight : 0;
        }

        return total == 0 ? 0 : risky / total;
    }

    /// <summary>
    /// Risk (the regression's 1 − P(None), the neighbours' vote and the networks' mean 1 − P(None), weighted) and the most
    /// likely crisis category of one embedding (the regression's).
    /// </summary>
    public (float Risk, CrisisCategory Category) Judge(ReadOnlySpan<float> embedding)
    {
        var (regression, category) = RegressionJudge(embedding);
        var risk = ((1 - NeighbourWeight - NetworkWeight) * regression) + (NeighbourWeight * NeighbourRisk(embedding));
        if (NetworkWeight > 0)
        {
            risk += NetworkWeight * NetworkRisk(embedding);
        }

        return (Math.Clamp(risk, 0, 1), category);
    }

    /// <summary>The networks' mean 1 − P(None).</summary>
    public float NetworkRisk(ReadOnlySpan<float> embedding)
    {
        if (Networks.Count == 0)
        {
            return 0;
        }

        var scaled = new float[embedding.Length];
        System.Numerics.Tensors.TensorPrimitives.Subtract(embedding, InputCenter, scaled);
        System.Numerics.Tensors.TensorPrimitives.Multiply(scaled, InputScale, scaled);
        var none = NoneIndex;
        var risk = 0f;
        foreach (var network in Networks)
        {
            risk += 1 - network.Probabilities(scaled, Classes.Count)[none];
        }

        return risk / Networks.Count;
    }

    private int? _noneIndex;

    /// <summary>Where <see cref="CrisisCategory.None"/> stands in <see cref="Classes"/> (found once: this is on every message's path).</summary>
    private int NoneIndex => _noneIndex ??= Classes.ToList().IndexOf(CrisisCategory.None);

    /// <summary>The regression alone: 1 − P(None) and the most likely crisis category.</summary>
    public (float Risk, CrisisCategory Category) RegressionJudge(ReadOnlySpan<float> embedding)
    {
        var p = Probabilities(embedding);
        var risk = 0f;
        var best = CrisisCategory.None;
        var bestP = -1f;
        for (var c = 0; c < p.Length; c++)
        {
            if (Classes[c] == CrisisCategory.None)
            {
                continue;
            }

            risk += p[c];
            if (p[c] > bestP)
            {
                bestP = p[c];
                best = Classes[c];
            }
        }

        return (risk, best);
    }

    /// <summary>Half-precision rows of 384 as base64 (the compact form of the neighbours in the model file).</summary>
    public static string EncodeRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bytes = new byte[rows.Count * Semantics.SentenceEmbeddings.Dimensions * 2];
        var offset = 0;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(offset, 2), (Half)value);
                offset += 2;
            }
        }

        return Convert.ToBase64String(bytes);
    }

    private static float[][] DecodeRows(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var dims = Semantics.SentenceEmbeddings.Dimensions;
        var rows = new float[bytes.Length / (dims * 2)][];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r] = new float[dims];
            for (var d = 0; d < dims; d++)
            {
                row[d] = (float)System.Buffers.Binary.BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(((r * dims) + d) * 2, 2));
            }
        }

        return rows;
    }

    private void Validate()
    {
        if (Classes.Count < 2 || !Classes.Contains(CrisisCategory.None) || Weights.Count != Classes.Count || Bias.Count != Classes.Count
            || Weights.Any(w => w.Length != Semantics.SentenceEmbeddings.Dimensions) || InputCenter.Length != Semantics.SentenceEmbeddings.Dimensions
            || Threshold is <= 0 or >= 1 || FramedThreshold < Threshold || FramedThreshold >= 1
            || Neighbours < 1 || NeighbourWeight is < 0 or > 1 || NetworkWeight < 0 || NeighbourWeight + NetworkWeight > 1
            || (NetworkWeight > 0 && Networks.Count == 0) || Networks.Any(n => !n.IsWellFormed(Classes.Count))
            || NeighbourLabels.Length * Semantics.SentenceEmbeddings.Dimensions * 2 != Convert.FromBase64String(NeighbourVectors).Length)
        {
            throw new InvalidDataException("The crisis model file is malformed (classes, weights, bias, networks or threshold).");
        }
    }
}

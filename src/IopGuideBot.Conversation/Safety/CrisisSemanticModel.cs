using System.Text.Json;
using System.Text.Json.Serialization;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// The semantic signal's trained classifier: multinomial logistic regression over sentence embeddings
/// (all-MiniLM-L6-v2, 384 dimensions), one class per <see cref="CrisisCategory"/> plus <see cref="CrisisCategory.None"/>.
/// The risk of a text is 1 − P(None). Trained offline by <see cref="CrisisSemanticTrainer"/> from
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

    /// <summary>Embeddings are centred on this (the training mean) and then multiplied by <see cref="InputScale"/> before the weights.</summary>
    public required float[] InputCenter { get; init; }

    /// <summary>Unit vectors have tiny components; this brings them to about unit variance per dimension.</summary>
    public required float InputScale { get; init; }

    public required IReadOnlyList<CrisisCategory> Classes { get; init; }

    /// <summary>One row of <see cref="Semantics.SentenceEmbeddings.Dimensions"/> weights per class.</summary>
    public required IReadOnlyList<float[]> Weights { get; init; }

    public required IReadOnlyList<float> Bias { get; init; }

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

    /// <summary>Risk (1 − P(None)) and the most likely crisis category of one embedding.</summary>
    public (float Risk, CrisisCategory Category) Judge(ReadOnlySpan<float> embedding)
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

    private void Validate()
    {
        if (Classes.Count < 2 || !Classes.Contains(CrisisCategory.None) || Weights.Count != Classes.Count || Bias.Count != Classes.Count
            || Weights.Any(w => w.Length != Semantics.SentenceEmbeddings.Dimensions) || InputCenter.Length != Semantics.SentenceEmbeddings.Dimensions
            || Threshold is <= 0 or >= 1)
        {
            throw new InvalidDataException("The crisis model file is malformed (classes, weights, bias or threshold).");
        }
    }
}

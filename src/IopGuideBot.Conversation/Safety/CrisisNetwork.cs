using System.Buffers.Binary;
using System.Numerics.Tensors;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Safety;

/// <summary>
/// One small network of the semantic signal: centred, scaled embedding → one hidden layer of rectified units → a softmax
/// over the crisis classes. The regression draws one straight boundary per class; a hidden layer can bend it around
/// clusters of ordinary messages that share a crisis's words (measured with the regression and the neighbours:
/// tests/IopGuideBot.Benchmarks/results/crisis-semantic.md). Weights are stored as little-endian single-precision floats,
/// base64, in the order hidden weights (<see cref="Hidden"/> rows of 384), hidden biases, output weights (one row of
/// <see cref="Hidden"/> per class), output biases. Thread-safe once loaded.
/// </summary>
public sealed class CrisisNetwork
{
    public required int Hidden { get; init; }

    public required string Parameters { get; init; }

    private Decoded? _decoded;

    private Decoded Weights => _decoded ??= Decode();

    /// <summary>Class probabilities for an embedding already centred and scaled like the regression's input.</summary>
    public float[] Probabilities(ReadOnlySpan<float> scaled, int classes)
    {
        var w = Weights;
        var hidden = new float[Hidden];
        for (var j = 0; j < Hidden; j++)
        {
            hidden[j] = Math.Max(0, w.HiddenBias[j] + TensorPrimitives.Dot(w.HiddenWeights.AsSpan(j * SentenceEmbeddings.Dimensions, SentenceEmbeddings.Dimensions), scaled));
        }

        var output = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            output[c] = w.OutputBias[c] + TensorPrimitives.Dot(w.OutputWeights.AsSpan(c * Hidden, Hidden), hidden);
        }

        TensorPrimitives.SoftMax(output, output);
        return output;
    }

    /// <summary>Whether the stored parameters have the size <see cref="Hidden"/> and <paramref name="classes"/> call for.</summary>
    internal bool IsWellFormed(int classes) =>
        Hidden > 0 && Convert.FromBase64String(Parameters).Length == ParameterCount(Hidden, classes) * sizeof(float);

    internal static int ParameterCount(int hidden, int classes) =>
        (hidden * SentenceEmbeddings.Dimensions) + hidden + (classes * hidden) + classes;

    internal static CrisisNetwork From(int hidden, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias)
    {
        var bytes = new byte[(hiddenWeights.Length + hiddenBias.Length + outputWeights.Length + outputBias.Length) * sizeof(float)];
        var offset = 0;
        foreach (var block in new[] { hiddenWeights, hiddenBias, outputWeights, outputBias })
        {
            foreach (var value in block)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset, sizeof(float)), value);
                offset += sizeof(float);
            }
        }

        return new CrisisNetwork { Hidden = hidden, Parameters = Convert.ToBase64String(bytes) };
    }

    private Decoded Decode()
    {
        var bytes = Convert.FromBase64String(Parameters);
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float), sizeof(float)));
        }

        var dims = SentenceEmbeddings.Dimensions;
        var classes = (values.Length - (Hidden * dims) - Hidden) / (Hidden + 1);
        var hiddenWeights = values[..(Hidden * dims)];
        var hiddenBias = values[(Hidden * dims)..((Hidden * dims) + Hidden)];
        var outputStart = (Hidden * dims) + Hidden;
        return new Decoded(hiddenWeights, hiddenBias, values[outputStart..(outputStart + (classes * Hidden))], values[(outputStart + (classes * Hidden))..]);
    }

    private sealed record Decoded(float[] HiddenWeights, float[] HiddenBias, float[] OutputWeights, float[] OutputBias);
}

/// <summary>
/// Trains one <see cref="CrisisNetwork"/> by mini-batch Adam with cross-entropy and an L2 penalty on the weights. The
/// initial weights and the order of the batches come from <c>seed</c>, so the same inputs always give the same network.
/// </summary>
internal static class CrisisNetworkTrainer
{
    public static CrisisNetwork Train(float[][] scaled, int[] labels, int classes, int hidden, int epochs, float l2, float learningRate, int batchSize, int seed)
    {
        var dims = SentenceEmbeddings.Dimensions;
        var n = scaled.Length;
        var random = new Random(seed);
        var hiddenWeights = Uniform(random, hidden * dims, dims);
        var hiddenBias = new float[hidden];
        var outputWeights = Uniform(random, classes * hidden, hidden);
        var outputBias = new float[classes];
        var parameters = new[] { hiddenWeights, hiddenBias, outputWeights, outputBias };
        var penalised = new[] { true, false, true, false };
        var gradients = parameters.Select(p => new float[p.Length]).ToArray();
        var firstMoments = parameters.Select(p => new float[p.Length]).ToArray();
        var secondMoments = parameters.Select(p => new float[p.Length]).ToArray();
        const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        var order = Enumerable.Range(0, n).ToArray();
        var activations = new float[hidden];
        var output = new float[classes];
        var hiddenError = new float[hidden];
        var step = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < n; start += batchSize)
            {
                foreach (var g in gradients)
                {
                    Array.Clear(g);
                }

                var end = Math.Min(n, start + batchSize);
                var size = end - start;
                for (var b = start; b < end; b++)
                {
                    var i = order[b];
                    var x = scaled[i];
                    for (var j = 0; j < hidden; j++)
                    {
                        activations[j] = Math.Max(0, hiddenBias[j] + TensorPrimitives.Dot(hiddenWeights.AsSpan(j * dims, dims), x));
                    }

                    for (var c = 0; c < classes; c++)
                    {
                        output[c] = outputBias[c] + TensorPrimitives.Dot(outputWeights.AsSpan(c * hidden, hidden), activations);
                    }

                    TensorPrimitives.SoftMax(output, output);
                    Array.Clear(hiddenError);
                    for (var c = 0; c < classes; c++)
                    {
                        var error = (output[c] - (labels[i] == c ? 1f : 0f)) / size;
                        var row = gradients[2].AsSpan(c * hidden, hidden);
                        TensorPrimitives.MultiplyAdd(activations, error, row, row);
                        gradients[3][c] += error;
                        TensorPrimitives.MultiplyAdd(outputWeights.AsSpan(c * hidden, hidden), error, hiddenError, hiddenError);
                    }

                    for (var j = 0; j < hidden; j++)
                    {
                        if (activations[j] <= 0)
                        {
                            continue;
                        }

                        var row = gradients[0].AsSpan(j * dims, dims);
                        TensorPrimitives.MultiplyAdd(x, hiddenError[j], row, row);
                        gradients[1][j] += hiddenError[j];
                    }
                }

                step++;
                var correction1 = 1 - MathF.Pow(beta1, step);
                var correction2 = 1 - MathF.Pow(beta2, step);
                for (var p = 0; p < parameters.Length; p++)
                {
                    var (values, g, m, v) = (parameters[p], gradients[p], firstMoments[p], secondMoments[p]);
                    for (var q = 0; q < values.Length; q++)
                    {
                        var gq = g[q] + (penalised[p] ? l2 * values[q] : 0);
                        m[q] = (beta1 * m[q]) + ((1 - beta1) * gq);
                        v[q] = (beta2 * v[q]) + ((1 - beta2) * gq * gq);
                        values[q] -= learningRate * (m[q] / correction1) / (MathF.Sqrt(v[q] / correction2) + epsilon);
                    }
                }
            }
        }

        return CrisisNetwork.From(hidden, hiddenWeights, hiddenBias, outputWeights, outputBias);
    }

    /// <summary>Uniform in ±√(6 / fan-in) (He-style for rectified units), drawn in a fixed order.</summary>
    private static float[] Uniform(Random random, int count, int fanIn)
    {
        var limit = Math.Sqrt(6.0 / fanIn);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(((random.NextDouble() * 2) - 1) * limit);
        }

        return values;
    }
}

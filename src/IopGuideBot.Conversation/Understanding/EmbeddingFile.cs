using System.Security.Cryptography;
using System.Text;
using IopGuideBot.Conversation.Semantics;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// Sentence embeddings of the content's examples kept on disk between runs, keyed by a SHA-256 hash of each text, so a
/// restart reads them in milliseconds instead of encoding every example again (seconds). The file holds vectors of
/// example phrasings only (content, not anything a person typed). It is rewritten atomically; a file from another model
/// or a damaged file is ignored and rebuilt.
/// </summary>
internal static class EmbeddingFile
{
    private const string Magic = "IopGuideBot sentence embeddings v1";

    /// <summary>Names the model and vector size, so vectors from a different model are never mixed in.</summary>
    private static readonly string ModelTag = $"all-MiniLM-L6-v2/{SentenceEmbeddings.Dimensions}";

    public static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The vectors in <paramref name="path"/> by text hash; empty when the file is missing, from another model, or damaged.</summary>
    public static Dictionary<string, float[]> Read(string path)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        try
        {
            // One read of the whole file (about 3 MB), then each vector copied as one block: no per-value calls. (Floats are
            // little-endian, as BinaryWriter writes them, on every platform this runs on.)
            using var reader = new BinaryReader(new MemoryStream(File.ReadAllBytes(path), writable: false), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != ModelTag || reader.ReadInt32() != SentenceEmbeddings.Dimensions)
            {
                return vectors;
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var vector = new float[SentenceEmbeddings.Dimensions];
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
                vectors[key] = vector;
            }

            return vectors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
        {
            return new Dictionary<string, float[]>(StringComparer.Ordinal);
        }
    }

    /// <summary>Writes <paramref name="vectors"/> (by text hash) to a temporary file and moves it into place.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, float[]> vectors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp"; // several matchers (even in one process) may write at once
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(ModelTag);
            writer.Write(SentenceEmbeddings.Dimensions);
            writer.Write(vectors.Count);
            foreach (var (key, vector) in vectors)
            {
                writer.Write(key);
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}

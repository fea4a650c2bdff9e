using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// An ML.NET model trained from the content's examples, kept on disk between runs so that a restart loads it (a fraction
/// of a second) instead of training again (seconds). The file names the <see cref="Key"/> of everything training
/// depends on — every example, the seed, the trainer's settings, the ML.NET version — and a SHA-256 of the model bytes:
/// a file for other examples or settings is never used, and a damaged or truncated one is ignored (the caller trains
/// and writes a new one). It holds model weights and n-gram dictionaries built from example phrasings (content, never
/// anything a person typed). Written atomically.
/// </summary>
internal static class TrainedModelFile
{
    private const string Magic = "IopGuideBot trained model v1";

    /// <summary>
    /// Builds the key of one training run. Callers add everything the model depends on, in a fixed order; the ML.NET
    /// version is added here because a model saved by one version may load, yet predict differently, in another.
    /// </summary>
    public sealed class Key : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public Key(string trainer)
        {
            Add(trainer);
            Add(typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "");
        }

        public Key Add(string value)
        {
            // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
            var bytes = Encoding.UTF8.GetBytes(value);
            _hash.AppendData(BitConverter.GetBytes(bytes.Length));
            _hash.AppendData(bytes);
            return this;
        }

        public Key Add(int value)
        {
            _hash.AppendData(BitConverter.GetBytes(value));
            return this;
        }

        public Key Add(float value)
        {
            _hash.AppendData(BitConverter.GetBytes(value));
            return this;
        }

        public Key Add(ReadOnlySpan<float> values)
        {
            _hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
            return this;
        }

        public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
    }

    /// <summary>
    /// The model in <paramref name="path"/> if it was saved under <paramref name="key"/> and is intact; otherwise null
    /// (missing, another key, truncated, damaged, or unreadable by ML.NET). Never throws for a bad file.
    /// </summary>
    public static ITransformer? TryRead(MLContext ml, string path, string key, out DataViewSchema? inputSchema)
    {
        ArgumentNullException.ThrowIfNull(ml);
        inputSchema = null;
        try
        {
            // One read of the whole file; the model is parsed from memory.
            var bytes = File.ReadAllBytes(path);
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != key)
            {
                return null;
            }

            var length = reader.ReadInt32();
            var checksum = reader.ReadBytes(SHA256.HashSizeInBytes);
            var start = (int)reader.BaseStream.Position;
            if (length < 0 || checksum.Length != SHA256.HashSizeInBytes || start + length != bytes.Length)
            {
                return null;
            }

            var model = bytes.AsMemory(start, length);
            if (!SHA256.HashData(model.Span).AsSpan().SequenceEqual(checksum))
            {
                return null;
            }

            using var stream = new MemoryStream(bytes, start, length, writable: false);
            return ml.Model.Load(stream, out inputSchema);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Missing (FileNotFound), unreadable, truncated (EndOfStream) or a model ML.NET cannot load: train instead.
            inputSchema = null;
            return null;
        }
    }

    /// <summary>
    /// <see cref="Write"/>, except that a file that cannot be written is left alone: only start-up time depends on it (the
    /// next start trains again).
    /// </summary>
    public static void TryWrite(MLContext ml, string path, string key, ITransformer model, DataViewSchema inputSchema)
    {
        try
        {
            Write(ml, path, key, model, inputSchema);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Saves <paramref name="model"/> under <paramref name="key"/> to a temporary file and moves it into place.</summary>
    public static void Write(MLContext ml, string path, string key, ITransformer model, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(ml);
        using var saved = new MemoryStream();
        ml.Model.Save(model, inputSchema, saved);
        var bytes = saved.GetBuffer().AsSpan(0, (int)saved.Length);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp"; // several processes or tests may write at once
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(key);
            writer.Write(bytes.Length);
            writer.Write(SHA256.HashData(bytes));
            writer.Write(bytes);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

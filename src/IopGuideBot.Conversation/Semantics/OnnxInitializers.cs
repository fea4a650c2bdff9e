using System.Text;

namespace IopGuideBot.Conversation.Semantics;

/// <summary>
/// Where each float initializer (a weight tensor) of an ONNX model lies in its bytes, read with a minimal protobuf walker
/// (ModelProto field 7 → GraphProto field 5 → TensorProto), so weights can be changed in place without an ONNX package.
/// Only tensors stored as <c>raw_data</c> can be changed; all-MiniLM-L6-v2's are.
/// </summary>
internal sealed class OnnxInitializers
{
    /// <summary>One float tensor: its shape, and the offset and length in bytes of its little-endian float32 data.</summary>
    public sealed record Tensor(string Name, long[] Dims, int Offset, int Length)
    {
        public long ElementCount => Dims.Aggregate(1L, (a, d) => a * d);
    }

    private const int FloatType = 1;
    private readonly byte[] _bytes;

    public OnnxInitializers(byte[] bytes)
    {
        _bytes = bytes;
        foreach (var (field, start, length) in Delimited(0, bytes.Length))
        {
            if (field == 7)
            {
                foreach (var (graphField, s, l) in Delimited(start, start + length))
                {
                    if (graphField == 5 && ReadTensor(s, s + l) is { } tensor)
                    {
                        Tensors[tensor.Name] = tensor;
                    }
                }
            }
        }
    }

    public Dictionary<string, Tensor> Tensors { get; } = new(StringComparer.Ordinal);

    private Tensor? ReadTensor(int start, int end)
    {
        var dims = new List<long>();
        var name = string.Empty;
        var type = 0;
        int offset = -1, length = 0;
        foreach (var f in Fields(start, end))
        {
            switch (f.Wire)
            {
                case 0 when f.Field == 1: dims.Add((long)f.Varint); break;
                case 0 when f.Field == 2: type = (int)f.Varint; break;
                case 2 when f.Field == 1:
                    for (var p = f.Start; p < f.Start + f.Length;)
                    {
                        dims.Add((long)ReadVarint(ref p));
                    }

                    break;
                case 2 when f.Field == 8: name = Encoding.UTF8.GetString(_bytes, f.Start, f.Length); break;
                case 2 when f.Field == 9: (offset, length) = (f.Start, f.Length); break;
            }
        }

        return type == FloatType && offset >= 0 ? new Tensor(name, [.. dims], offset, length) : null;
    }

    private IEnumerable<(int Field, int Start, int Length)> Delimited(int start, int end) =>
        Fields(start, end).Where(f => f.Wire == 2).Select(f => (f.Field, f.Start, f.Length));

    /// <summary>Every protobuf field between two offsets: a varint's value, or where a fixed or length-delimited value lies.</summary>
    private IEnumerable<(int Field, int Wire, ulong Varint, int Start, int Length)> Fields(int start, int end)
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
                    var length = checked((int)ReadVarint(ref pos));
                    if (length < 0 || pos + length > end)
                    {
                        throw new InvalidDataException($"A protobuf field at byte {pos} runs past its message.");
                    }

                    yield return (field, wire, 0, pos, length);
                    pos += length;
                    break;
                default: throw new InvalidDataException($"Unknown protobuf wire type {wire} at byte {pos}.");
            }
        }
    }

    private ulong ReadVarint(ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _bytes[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException($"A protobuf varint at byte {pos} is too long.");
    }
}

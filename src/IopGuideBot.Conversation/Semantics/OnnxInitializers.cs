using System.Text;

namespace IopGuideBot.Conversation.Semantics;

/// <summary>
/// Where each float initializer (a weight tensor) of an ONNX model lies in its bytes, read with a minimal protobuf walker
/// (ModelProto field 7 → GraphProto field 5 → TensorProto), so weights can be changed in place without an ONNX package.
/// Only tensors stored as <c>raw_data</c> can be changed; all-MiniLM-L6-v2's are.
/// The walk reads from a seekable stream, so the same index serves a model copied into memory (to patch it) and one read
/// where it lies (to copy out a few tensors).
/// </summary>
internal sealed class OnnxInitializers
{
    /// <summary>One float tensor: its shape, and the offset and length in bytes of its little-endian float32 data.</summary>
    public sealed record Tensor(string Name, long[] Dims, int Offset, int Length)
    {
        public long ElementCount => Dims.Aggregate(1L, (a, d) => a * d);
    }

    private const int FloatType = 1;
    private readonly Stream _stream;

    /// <summary>The tensors of a model held in memory (offsets are into <paramref name="bytes"/>).</summary>
    public OnnxInitializers(byte[] bytes)
        : this(new MemoryStream(bytes, writable: false))
    {
    }

    /// <summary>
    /// The tensors of a model read from a seekable stream (offsets are stream positions): only the protobuf keys and the
    /// tensors' small fields are read; every weight is skipped by seeking, so a 90 MB graph can be indexed where it lies
    /// (an embedded resource) without copying it first.
    /// </summary>
    public OnnxInitializers(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The model stream must be seekable.", nameof(stream));
        }

        _stream = stream;
        var end = stream.Length;
        stream.Position = 0;
        while (stream.Position < end)
        {
            var (field, wire) = ReadKey(end);
            if (field == 7 && wire == 2)
            {
                var graphEnd = LengthEnd(end);
                while (stream.Position < graphEnd)
                {
                    var (graphField, graphWire) = ReadKey(graphEnd);
                    if (graphField == 5 && graphWire == 2)
                    {
                        var tensorEnd = LengthEnd(graphEnd);
                        if (ReadTensor(tensorEnd) is { } tensor)
                        {
                            Tensors[tensor.Name] = tensor;
                        }

                        stream.Position = tensorEnd;
                    }
                    else
                    {
                        Skip(graphWire, graphEnd);
                    }
                }
            }
            else
            {
                Skip(wire, end);
            }
        }
    }

    public Dictionary<string, Tensor> Tensors { get; } = new(StringComparer.Ordinal);

    private Tensor? ReadTensor(long end)
    {
        var dims = new List<long>();
        var name = string.Empty;
        var type = 0;
        long offset = -1, length = 0;
        while (_stream.Position < end)
        {
            var (field, wire) = ReadKey(end);
            switch (wire)
            {
                case 0 when field == 1: dims.Add((long)ReadVarint()); break;
                case 0 when field == 2: type = (int)ReadVarint(); break;
                case 2 when field == 1:
                    for (var packedEnd = LengthEnd(end); _stream.Position < packedEnd;)
                    {
                        dims.Add((long)ReadVarint());
                    }

                    break;
                case 2 when field == 8:
                    var nameBytes = new byte[checked((int)(LengthEnd(end) - _stream.Position))];
                    _stream.ReadExactly(nameBytes);
                    name = Encoding.UTF8.GetString(nameBytes);
                    break;
                case 2 when field == 9:
                    var dataEnd = LengthEnd(end);
                    (offset, length) = (_stream.Position, dataEnd - _stream.Position);
                    _stream.Position = dataEnd;
                    break;
                default: Skip(wire, end); break;
            }
        }

        return type == FloatType && offset >= 0 ? new Tensor(name, [.. dims], checked((int)offset), checked((int)length)) : null;
    }

    private (int Field, int Wire) ReadKey(long end)
    {
        var key = ReadVarint();
        if (_stream.Position > end)
        {
            throw new InvalidDataException($"A protobuf key at byte {_stream.Position} runs past its message.");
        }

        return ((int)(key >> 3), (int)(key & 7));
    }

    /// <summary>Reads a length-delimited value's length and returns where the value ends (the stream is left at its start).</summary>
    private long LengthEnd(long end)
    {
        var length = checked((long)ReadVarint());
        var valueEnd = _stream.Position + length;
        if (length < 0 || valueEnd > end)
        {
            throw new InvalidDataException($"A protobuf field at byte {_stream.Position} runs past its message.");
        }

        return valueEnd;
    }

    /// <summary>Moves past a field's value whose key has just been read.</summary>
    private void Skip(int wire, long end)
    {
        switch (wire)
        {
            case 0: ReadVarint(); break;
            case 1: _stream.Position += 8; break;
            case 5: _stream.Position += 4; break;
            case 2: _stream.Position = LengthEnd(end); break;
            default: throw new InvalidDataException($"Unknown protobuf wire type {wire} at byte {_stream.Position}.");
        }
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _stream.ReadByte();
            if (b < 0)
            {
                throw new InvalidDataException("A protobuf varint runs past the end of the model.");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException($"A protobuf varint at byte {_stream.Position} is too long.");
    }
}

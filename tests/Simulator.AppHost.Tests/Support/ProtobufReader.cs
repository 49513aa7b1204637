using System.Text;

namespace Simulator.AppHost.Tests;

/// <summary>
/// Reads the protobuf wire format field by field: just enough to decode the OTLP export requests the in-test
/// collector receives, without generated classes.
/// </summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>The current field's number.</summary>
    public int Field { get; private set; }

    private int WireType { get; set; }

    private ulong Scalar { get; set; }

    private ReadOnlySpan<byte> Bytes { get; set; }

    /// <summary>Moves to the next field; false at the end.</summary>
    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var tag = ReadVarint();
        Field = (int)(tag >> 3);
        WireType = (int)(tag & 7);
        switch (WireType)
        {
            case 0:
                Scalar = ReadVarint();
                break;
            case 1:
                Scalar = BitConverter.ToUInt64(_data.Slice(_position, 8));
                _position += 8;
                break;
            case 2:
                var length = (int)ReadVarint();
                Bytes = _data.Slice(_position, length);
                _position += length;
                break;
            case 5:
                Scalar = BitConverter.ToUInt32(_data.Slice(_position, 4));
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"unsupported protobuf wire type {WireType}");
        }

        return true;
    }

    /// <summary>The current length-delimited field (message, string, bytes).</summary>
    public readonly ReadOnlySpan<byte> Message => WireType == 2 ? Bytes : throw new InvalidDataException($"field {Field} is not length-delimited");

    /// <summary>The current field as UTF-8 text.</summary>
    public readonly string Text => Encoding.UTF8.GetString(Message);

    /// <summary>The current field as lower-case hex (trace and span ids).</summary>
    public readonly string Hex => Convert.ToHexStringLower(Message);

    /// <summary>The current varint or fixed64 field as a signed integer.</summary>
    public readonly long Whole => (long)Scalar;

    /// <summary>The current fixed64 field as a double.</summary>
    public readonly double Real => BitConverter.UInt64BitsToDouble(Scalar);

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}

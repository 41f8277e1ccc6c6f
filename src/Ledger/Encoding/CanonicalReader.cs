using System.Buffers.Binary;
using System.Text;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Encoding;

/// <summary>
/// Reads the canonical binary encoding written by <see cref="CanonicalWriter"/> and rejects every other
/// encoding of a value: truncation, non-minimal varints, lengths over the field's limit, booleans other
/// than 0 or 1, invalid UTF-8, unknown versions and (with <see cref="EnsureEnd"/>) trailing bytes.
/// </summary>
/// <remarks>
/// Each read names the field it reads, so that a <see cref="CodecException"/> says which field was bad and
/// where. Nothing is allocated except the byte arrays and strings a caller asks for.
/// </remarks>
public ref struct CanonicalReader
{
    private readonly ReadOnlySpan<byte> _input;
    private int _position;

    public CanonicalReader(ReadOnlySpan<byte> input)
    {
        _input = input;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _input.Length - _position;

    public readonly bool IsAtEnd => _position == _input.Length;

    public byte ReadByte(string field)
    {
        Require(field, 1);
        return _input[_position++];
    }

    public bool ReadBool(string field)
    {
        var start = _position;
        var value = ReadByte(field);
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new CodecException(field, start, $"boolean must be 0 or 1, found {value}"),
        };
    }

    public ushort ReadUInt16(string field)
    {
        Require(field, 2);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_input[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32(string field)
    {
        Require(field, 4);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_input[_position..]);
        _position += 4;
        return value;
    }

    public ulong ReadUInt64(string field)
    {
        Require(field, 8);
        var value = BinaryPrimitives.ReadUInt64BigEndian(_input[_position..]);
        _position += 8;
        return value;
    }

    public long ReadInt64(string field)
    {
        Require(field, 8);
        var value = BinaryPrimitives.ReadInt64BigEndian(_input[_position..]);
        _position += 8;
        return value;
    }

    /// <summary>A minimal unsigned LEB128 varint no greater than <paramref name="max"/>.</summary>
    public ulong ReadVarUInt(string field, ulong max = ulong.MaxValue)
    {
        var start = _position;
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _input.Length)
            {
                throw new CodecException(field, start, "truncated varint");
            }

            var b = _input[_position++];
            if (shift == 63 && b > 1)
            {
                throw new CodecException(field, start, "varint overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                // A zero final byte after the first means a shorter encoding existed.
                if (b == 0 && _position - start > 1)
                {
                    throw new CodecException(field, start, "non-minimal varint");
                }

                break;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new CodecException(field, start, "varint longer than 10 bytes");
            }
        }

        if (value > max)
        {
            throw new CodecException(field, start, $"value {value} exceeds the limit of {max}");
        }

        return value;
    }

    /// <summary>A varint that fits an <see cref="int"/> and is at most <paramref name="max"/>.</summary>
    public int ReadVarInt32(string field, int max = int.MaxValue) => (int)ReadVarUInt(field, (ulong)Math.Max(max, 0));

    /// <summary>Raw bytes of a length the format implies; the span aliases the input.</summary>
    public ReadOnlySpan<byte> ReadFixed(string field, int length)
    {
        Require(field, length);
        var span = _input.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Length-prefixed bytes; the span aliases the input.</summary>
    public ReadOnlySpan<byte> ReadBytesSpan(string field, int maxLength)
    {
        var start = _position;
        var length = ReadLength(field, maxLength, start);
        Require(field, length, start);
        var span = _input.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Length-prefixed bytes, copied.</summary>
    public byte[] ReadBytes(string field, int maxLength) => ReadBytesSpan(field, maxLength).ToArray();

    /// <summary>Length-prefixed strict UTF-8; <paramref name="maxBytes"/> limits the encoded size.</summary>
    public string ReadString(string field, int maxBytes)
    {
        var start = _position;
        var bytes = ReadBytesSpan(field, maxBytes);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CodecException(field, start, "string is not valid UTF-8");
        }
    }

    public Hash256 ReadHash(string field) => new(ReadFixed(field, Hash256.Size));

    public Address ReadAddress(string field) => new(ReadFixed(field, Address.Size));

    /// <summary>A count-prefixed list of at most <paramref name="maxCount"/> items.</summary>
    public T[] ReadList<T>(string field, int maxCount, CanonicalDecoder<T> decode)
    {
        var start = _position;
        var count = ReadLength(field, maxCount, start);

        // Every item takes at least one byte: a count larger than what is left is rejected before allocating.
        if (count > Remaining)
        {
            throw new CodecException(field, start, $"list of {count} items cannot fit in the {Remaining} bytes left");
        }

        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = decode(ref this);
        }

        return items;
    }

    /// <summary>A version byte that must be one of the versions this build understands.</summary>
    public byte ReadVersion(string field, byte newestSupported, byte oldestSupported = 1)
    {
        var start = _position;
        var version = ReadByte(field);
        if (version < oldestSupported || version > newestSupported)
        {
            throw new CodecException(field, start, $"unknown version {version} (supported {oldestSupported}..{newestSupported})");
        }

        return version;
    }

    /// <summary>An enum stored as one byte that must be a defined member.</summary>
    public TEnum ReadEnum<TEnum>(string field)
        where TEnum : struct, Enum
    {
        var start = _position;
        var raw = ReadByte(field);
        var value = (TEnum)Enum.ToObject(typeof(TEnum), raw);
        if (!Enum.IsDefined(value))
        {
            throw new CodecException(field, start, $"unknown {typeof(TEnum).Name} value {raw}");
        }

        return value;
    }

    /// <summary>Rejects trailing bytes: a value is only canonical if it uses the whole input.</summary>
    public readonly void EnsureEnd(string what)
    {
        if (_position != _input.Length)
        {
            throw new CodecException(what, _position, $"{_input.Length - _position} trailing bytes");
        }
    }

    private int ReadLength(string field, int max, int start)
    {
        var value = ReadVarUInt(field, ulong.MaxValue);
        if (value > (ulong)max)
        {
            throw new CodecException(field, start, $"length {value} exceeds the limit of {max}");
        }

        return (int)value;
    }

    private readonly void Require(string field, int count) => Require(field, count, _position);

    private readonly void Require(string field, int count, int start)
    {
        if (_input.Length - _position < count)
        {
            throw new CodecException(field, start, $"needs {count} bytes, only {_input.Length - _position} left");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

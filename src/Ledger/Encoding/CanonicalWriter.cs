using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Encoding;

/// <summary>
/// Writes the canonical binary encoding: big-endian fixed-width integers, minimal LEB128 varints,
/// varint-length-prefixed byte strings and lists. There is exactly one encoding per value.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> over a caller-supplied span (often <c>stackalloc</c>) that grows into pooled arrays
/// when it runs out, so small records encode without allocation. Call <see cref="Dispose"/> to return the
/// pooled buffer. Limits are checked on write too, so a value that could never be decoded is never written.
/// </remarks>
public ref struct CanonicalWriter
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _position;

    public CanonicalWriter(Span<byte> initialBuffer)
    {
        _buffer = initialBuffer;
        _rented = null;
        _position = 0;
    }

    public CanonicalWriter(int initialCapacity)
    {
        _rented = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
        _buffer = _rented;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _position;

    /// <summary>The encoding written so far; valid until the next write or <see cref="Dispose"/>.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer[.._position];

    public readonly byte[] ToArray() => _buffer[.._position].ToArray();

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    /// <summary>A boolean is one byte, 0 or 1; any other value is rejected on decode.</summary>
    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteUInt16(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_position..], value);
        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], value);
        _position += 4;
    }

    public void WriteUInt64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64BigEndian(_buffer[_position..], value);
        _position += 8;
    }

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer[_position..], value);
        _position += 8;
    }

    /// <summary>Unsigned LEB128 with the fewest bytes (at most 10).</summary>
    public void WriteVarUInt(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_position++] = (byte)value;
    }

    /// <summary>Raw bytes with no length prefix: for fixed-size fields whose length the format implies.</summary>
    public void WriteFixed(scoped ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    /// <summary>A varint length then the bytes. <paramref name="maxLength"/> is the field's declared limit.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes, int maxLength)
    {
        if (bytes.Length > maxLength)
        {
            throw new ArgumentException($"{bytes.Length} bytes exceed the field limit of {maxLength}", nameof(bytes));
        }

        WriteVarUInt((ulong)bytes.Length);
        WriteFixed(bytes);
    }

    /// <summary>UTF-8 bytes with a varint length; <paramref name="maxBytes"/> limits the encoded size.</summary>
    public void WriteString(string value, int maxBytes)
    {
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        if (byteCount > maxBytes)
        {
            throw new ArgumentException($"{byteCount} UTF-8 bytes exceed the field limit of {maxBytes}", nameof(value));
        }

        WriteVarUInt((ulong)byteCount);
        Ensure(byteCount);
        _position += StrictUtf8.GetBytes(value, _buffer[_position..]);
    }

    public void WriteHash(Hash256 hash)
    {
        Ensure(Hash256.Size);
        hash.CopyTo(_buffer[_position..]);
        _position += Hash256.Size;
    }

    public void WriteAddress(Address address)
    {
        Ensure(Address.Size);
        address.CopyTo(_buffer[_position..]);
        _position += Address.Size;
    }

    /// <summary>A varint count then each item; <paramref name="maxCount"/> is the field's declared limit.</summary>
    public void WriteList<T>(IReadOnlyList<T> items, int maxCount, CanonicalEncoder<T> encode)
    {
        if (items.Count > maxCount)
        {
            throw new ArgumentException($"{items.Count} items exceed the field limit of {maxCount}", nameof(items));
        }

        WriteVarUInt((ulong)items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            encode(ref this, items[i]);
        }
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }

        _buffer = default;
        _position = 0;
    }

    private void Ensure(int count)
    {
        if (_buffer.Length - _position >= count)
        {
            return;
        }

        var needed = checked(_position + count);
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(_buffer.Length * 2, 256)));
        _buffer[.._position].CopyTo(next);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = next;
        _buffer = next;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

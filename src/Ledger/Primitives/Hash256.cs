using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DaiChain.Ledger.Primitives;

/// <summary>A SHA-256 digest: 32 bytes, compared and ordered as unsigned big-endian bytes.</summary>
/// <remarks>Held as four big-endian words so that equality and ordering need no byte loop.</remarks>
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Size = 32;

    /// <summary>Up to this many bytes, <see cref="Compute(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> concatenates on the stack.</summary>
    private const int StackConcatBytes = 1024;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a hash is {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The all-zero hash, used for "none" (e.g. the previous hash of the first block).</summary>
    public static Hash256 Zero => default;

    public bool IsZero => (_a | _b | _c | _d) == 0;

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public static Hash256 Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        SHA256.HashData(data, digest);
        return new Hash256(digest);
    }

    /// <summary>SHA-256 of the concatenation of two byte strings.</summary>
    /// <remarks>
    /// Copies both parts into one buffer (the stack up to <see cref="StackConcatBytes"/>, else a pooled array) and
    /// hashes once: one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> costs about half of an
    /// <see cref="IncrementalHash"/> (created, appended twice, finalized) for inputs of a few hundred bytes.
    /// </remarks>
    public static Hash256 Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var total = first.Length + second.Length;
        if (total <= StackConcatBytes)
        {
            Span<byte> buffer = stackalloc byte[StackConcatBytes];
            first.CopyTo(buffer);
            second.CopyTo(buffer[first.Length..]);
            return Compute(buffer[..total]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            first.CopyTo(rented);
            second.CopyTo(rented.AsSpan(first.Length));
            return Compute(rented.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static Hash256 Parse(string text)
    {
        var bytes = Hex.Decode(text);
        if (bytes.Length != Size)
        {
            throw new FormatException($"a hash is {Size} bytes ({Size * 2} hex digits), got {bytes.Length} bytes");
        }

        return new Hash256(bytes);
    }

    public static bool TryParse(string? text, out Hash256 hash)
    {
        hash = default;
        if (!Hex.TryDecode(text, out var bytes) || bytes.Length != Size)
        {
            return false;
        }

        hash = new Hash256(bytes);
        return true;
    }

    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"destination needs {Size} bytes", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Bit <paramref name="index"/> counted from the most significant bit of byte 0.</summary>
    public bool GetBit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size * 8);
        var word = (index >> 6) switch
        {
            0 => _a,
            1 => _b,
            2 => _c,
            _ => _d,
        };
        return ((word >> (63 - (index & 63))) & 1) != 0;
    }

    public bool Equals(Hash256 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    public int CompareTo(Hash256 other)
    {
        var c = _a.CompareTo(other._a);
        if (c != 0)
        {
            return c;
        }

        c = _b.CompareTo(other._b);
        if (c != 0)
        {
            return c;
        }

        c = _c.CompareTo(other._c);
        return c != 0 ? c : _d.CompareTo(other._d);
    }

    /// <summary>Lower-case hex, 64 digits, no prefix.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return Hex.Encode(bytes);
    }

    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);

    public static bool operator <(Hash256 left, Hash256 right) => left.CompareTo(right) < 0;

    public static bool operator >(Hash256 left, Hash256 right) => left.CompareTo(right) > 0;

    public static bool operator <=(Hash256 left, Hash256 right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Hash256 left, Hash256 right) => left.CompareTo(right) >= 0;
}

using System.Buffers.Binary;

namespace DaiChain.Ledger.Primitives;

/// <summary>
/// An account or validator address: the last 20 bytes of SHA-256 of the uncompressed public key
/// (65 bytes, 0x04 prefix included). Ordered as unsigned big-endian bytes.
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    public const int Size = 20;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"an address is {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    public static Address Zero => default;

    public bool IsZero => (_a | _b | _c) == 0;

    /// <summary>The address of an uncompressed (65-byte) secp256k1 public key.</summary>
    public static Address FromUncompressedPublicKey(ReadOnlySpan<byte> uncompressed)
    {
        if (uncompressed.Length != 65 || uncompressed[0] != 0x04)
        {
            throw new ArgumentException("an uncompressed public key is 65 bytes starting with 0x04", nameof(uncompressed));
        }

        Span<byte> digest = stackalloc byte[Hash256.Size];
        System.Security.Cryptography.SHA256.HashData(uncompressed, digest);
        return new Address(digest[(Hash256.Size - Size)..]);
    }

    public static Address Parse(string text)
    {
        var bytes = Hex.Decode(text);
        if (bytes.Length != Size)
        {
            throw new FormatException($"an address is {Size} bytes ({Size * 2} hex digits), got {bytes.Length} bytes");
        }

        return new Address(bytes);
    }

    public static bool TryParse(string? text, out Address address)
    {
        address = default;
        if (!Hex.TryDecode(text, out var bytes) || bytes.Length != Size)
        {
            return false;
        }

        address = new Address(bytes);
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
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _c);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);

    public int CompareTo(Address other)
    {
        var c = _a.CompareTo(other._a);
        if (c != 0)
        {
            return c;
        }

        c = _b.CompareTo(other._b);
        return c != 0 ? c : _c.CompareTo(other._c);
    }

    /// <summary>Lower-case hex, 40 digits, with the <c>0x</c> prefix users know from other chains.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return "0x" + Hex.Encode(bytes);
    }

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;

    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;

    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;
}

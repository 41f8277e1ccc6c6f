using System.Diagnostics.CodeAnalysis;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Native;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Crypto;

/// <summary>
/// A secp256k1 public key that is known to be a valid curve point. Its canonical encoding is the 33-byte
/// compressed form; the 65-byte uncompressed form is also accepted on parse and determines the
/// <see cref="Address"/>.
/// </summary>
/// <remarks>
/// The library's parsed form is kept alongside the serializations so that verification does not re-parse (and,
/// for compressed keys, re-decompress) the key each time. That form never leaves the process.
/// </remarks>
public sealed class PublicKey : IEquatable<PublicKey>, ICanonicalEncodable<PublicKey>
{
    /// <summary>Compressed size: prefix 0x02 or 0x03, then x.</summary>
    public const int CompressedSize = 33;

    /// <summary>Uncompressed size: prefix 0x04, then x and y.</summary>
    public const int UncompressedSize = 65;

    private readonly Secp256k1Native.PublicKeyData _native;
    private readonly byte[] _compressed;
    private readonly byte[] _uncompressed;

    internal PublicKey(in Secp256k1Native.PublicKeyData native, byte[] compressed, byte[] uncompressed)
    {
        _native = native;
        _compressed = compressed;
        _uncompressed = uncompressed;
        Address = Address.FromUncompressedPublicKey(uncompressed);
    }

    /// <summary>Last 20 bytes of SHA-256 of <see cref="Uncompressed"/>.</summary>
    public Address Address { get; }

    /// <summary>The 33-byte compressed form, the canonical encoding.</summary>
    public ReadOnlySpan<byte> Compressed => _compressed;

    /// <summary>The 65-byte uncompressed form (0x04 || x || y).</summary>
    public ReadOnlySpan<byte> Uncompressed => _uncompressed;

    internal ref readonly Secp256k1Native.PublicKeyData Native => ref _native;

    /// <summary>Parses a compressed (33 bytes, 0x02/0x03) or uncompressed (65 bytes, 0x04) key.</summary>
    /// <exception cref="FormatException">Wrong length or prefix (hybrid 0x06/0x07 keys are refused), or not a curve point.</exception>
    public static PublicKey Parse(ReadOnlySpan<byte> bytes)
    {
        var problem = FindFormatProblem(bytes);
        if (problem is not null)
        {
            throw new FormatException("invalid public key: " + problem);
        }

        return Secp256k1.Shared.TryParsePublicKey(bytes, out var key)
            ? key
            : throw new FormatException("invalid public key: not a point on secp256k1");
    }

    /// <summary>Parses 66 or 130 hex digits (optional <c>0x</c>).</summary>
    /// <exception cref="FormatException">Not hex, or not a valid key.</exception>
    public static PublicKey Parse(string hex) => Parse(Hex.Decode(hex));

    /// <summary>Parses a key; false for anything <see cref="Parse(ReadOnlySpan{byte})"/> rejects.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        return FindFormatProblem(bytes) is null && Secp256k1.Shared.TryParsePublicKey(bytes, out key);
    }

    /// <summary>Reads the 33-byte compressed form; the canonical codec accepts nothing else.</summary>
    public static PublicKey Decode(ref CanonicalReader reader)
    {
        var offset = reader.Position;
        var bytes = reader.ReadFixed("publicKey", CompressedSize);
        if (FindFormatProblem(bytes) is { } problem)
        {
            throw new CodecException("publicKey", offset, problem);
        }

        return Secp256k1.Shared.TryParsePublicKey(bytes, out var key)
            ? key
            : throw new CodecException("publicKey", offset, "not a point on secp256k1");
    }

    public void Encode(ref CanonicalWriter writer) => writer.WriteFixed(_compressed);

    public bool Equals(PublicKey? other) => other is not null && _compressed.AsSpan().SequenceEqual(other._compressed);

    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_compressed);
        return hash.ToHashCode();
    }

    /// <summary>Lower-case hex of the compressed form, no prefix.</summary>
    public override string ToString() => Hex.Encode(_compressed);

    public static bool operator ==(PublicKey? left, PublicKey? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PublicKey? left, PublicKey? right) => !(left == right);

    private static string? FindFormatProblem(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        CompressedSize when bytes[0] is 0x02 or 0x03 => null,
        CompressedSize => $"a compressed key starts with 0x02 or 0x03, got 0x{bytes[0]:x2}",
        UncompressedSize when bytes[0] == 0x04 => null,
        UncompressedSize => $"an uncompressed key starts with 0x04, got 0x{bytes[0]:x2}",
        _ => $"a public key is {CompressedSize} bytes (compressed) or {UncompressedSize} bytes (uncompressed), got {bytes.Length}",
    };
}

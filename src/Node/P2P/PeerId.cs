using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Node.P2P;

/// <summary>
/// A node's identity on the network: its long-term secp256k1 public key in the 33-byte compressed form.
/// </summary>
/// <remarks>
/// Only the form is checked here (length and a 0x02/0x03 prefix); that the point is on the curve is checked by
/// <see cref="IHandshakeCrypto.IsValidPublicKey"/> during the handshake. Ids order by unsigned bytes, which is
/// the order the connection tie-break uses (<c>docs/spec/p2p.md</c>).
/// </remarks>
public readonly struct PeerId : IEquatable<PeerId>, IComparable<PeerId>
{
    /// <summary>Length of a compressed secp256k1 public key.</summary>
    public const int Size = 33;

    private readonly byte[]? _key;

    public PeerId(ReadOnlySpan<byte> compressedPublicKey)
    {
        if (!IsWellFormed(compressedPublicKey))
        {
            throw new ArgumentException($"a peer id is a {Size}-byte compressed public key starting with 0x02 or 0x03", nameof(compressedPublicKey));
        }

        _key = compressedPublicKey.ToArray();
    }

    /// <summary>The compressed public key bytes (empty for <c>default</c>).</summary>
    public ReadOnlySpan<byte> Bytes => _key;

    /// <summary>True for <c>default(PeerId)</c>, which names no node.</summary>
    public bool IsEmpty => _key is null;

    /// <summary>The id of the node whose key is <paramref name="key"/>.</summary>
    public static PeerId FromPublicKey(PublicKey key) => new(key.Compressed);

    /// <summary>The node key as a parsed curve point.</summary>
    /// <exception cref="FormatException">The id is not a point on the curve.</exception>
    public PublicKey ToPublicKey() => PublicKey.Parse(Bytes);

    /// <summary>True if the bytes have the form of a compressed public key.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> bytes) => bytes.Length == Size && bytes[0] is 0x02 or 0x03;

    /// <summary>Parses 66 hex digits (an optional <c>0x</c> prefix).</summary>
    public static PeerId Parse(string text)
    {
        if (!TryParse(text, out var id))
        {
            throw new FormatException($"'{text}' is not a peer id (66 hex digits of a compressed public key, 02 or 03 first)");
        }

        return id;
    }

    public static bool TryParse(string? text, out PeerId id)
    {
        id = default;
        if (!Hex.TryDecode(text, out var bytes) || !IsWellFormed(bytes))
        {
            return false;
        }

        id = new PeerId(bytes);
        return true;
    }

    public void CopyTo(Span<byte> destination) => Bytes.CopyTo(destination);

    public bool Equals(PeerId other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is PeerId other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public int CompareTo(PeerId other) => Bytes.SequenceCompareTo(other.Bytes);

    /// <summary>The first 12 hex digits, for log lines.</summary>
    public string ToShortString() => IsEmpty ? "(none)" : Hex.Encode(Bytes[..6]);

    /// <summary>66 lower-case hex digits.</summary>
    public override string ToString() => IsEmpty ? "(none)" : Hex.Encode(Bytes);

    public static bool operator ==(PeerId left, PeerId right) => left.Equals(right);

    public static bool operator !=(PeerId left, PeerId right) => !left.Equals(right);

    public static bool operator <(PeerId left, PeerId right) => left.CompareTo(right) < 0;

    public static bool operator >(PeerId left, PeerId right) => left.CompareTo(right) > 0;

    public static bool operator <=(PeerId left, PeerId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PeerId left, PeerId right) => left.CompareTo(right) >= 0;
}

using System.Diagnostics.CodeAnalysis;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Crypto;

/// <summary>
/// A recoverable secp256k1 ECDSA signature in its one canonical form: 65 bytes <c>r || s || v</c> with r in
/// [1, n-1], s in [1, n/2] (low-S) and recovery id v in {0, 1}. Anything else is rejected on parse.
/// </summary>
/// <remarks>
/// ECDSA signatures are malleable: (r, n - s) verifies wherever (r, s) does. Accepting only low-S gives every
/// signed message exactly one valid signature per nonce, so a transaction or certificate hash cannot be changed
/// by a third party. Recovery ids 2 and 3 (r overflowed the order, probability about 2^-128) are refused: the
/// signer never produces them, and admitting them would add encodings no honest node emits.
/// </remarks>
public sealed class RecoverableSignature : IEquatable<RecoverableSignature>, ICanonicalEncodable<RecoverableSignature>
{
    /// <summary>Encoded size: 32 bytes r, 32 bytes s, 1 byte v.</summary>
    public const int Size = 65;

    private readonly byte[] _bytes;

    private RecoverableSignature(byte[] bytes) => _bytes = bytes;

    /// <summary>r, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> R => _bytes.AsSpan(0, 32);

    /// <summary>s, 32 bytes big-endian, at most n/2.</summary>
    public ReadOnlySpan<byte> S => _bytes.AsSpan(32, 32);

    /// <summary>The recovery id v: 0 or 1 (the parity of the nonce point's y coordinate).</summary>
    public byte RecoveryId => _bytes[64];

    /// <summary>The 64-byte <c>r || s</c> form, without the recovery id.</summary>
    public ReadOnlySpan<byte> Compact => _bytes.AsSpan(0, 64);

    /// <summary>Parses the 65-byte canonical form.</summary>
    /// <exception cref="FormatException">Wrong length, r or s out of range, high-S, or v not 0 or 1; the message says which.</exception>
    public static RecoverableSignature Parse(ReadOnlySpan<byte> bytes)
    {
        var problem = FindProblem(bytes);
        if (problem is not null)
        {
            throw new FormatException("invalid signature: " + problem);
        }

        return new RecoverableSignature(bytes.ToArray());
    }

    /// <summary>Parses 130 hex digits (optional <c>0x</c>).</summary>
    /// <exception cref="FormatException">Not hex, or not a canonical signature.</exception>
    public static RecoverableSignature Parse(string hex) => Parse(Hex.Decode(hex));

    /// <summary>Parses the canonical form; false for anything <see cref="Parse(ReadOnlySpan{byte})"/> rejects.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out RecoverableSignature? signature)
    {
        signature = FindProblem(bytes) is null ? new RecoverableSignature(bytes.ToArray()) : null;
        return signature is not null;
    }

    /// <summary>Builds the signature from library output; r and s are checked again so no non-canonical value escapes.</summary>
    internal static RecoverableSignature FromCompact(ReadOnlySpan<byte> compact64, int recoveryId)
    {
        Invariant.Check(compact64.Length == 64 && recoveryId is >= 0 and <= 3, "library returned a malformed compact signature");
        var bytes = new byte[Size];
        compact64.CopyTo(bytes);
        bytes[64] = (byte)recoveryId;
        var problem = FindProblem(bytes);
        if (problem is not null)
        {
            // Only reachable for recovery id 2 or 3, which the signer cannot avoid for a given key and digest.
            throw new System.Security.Cryptography.CryptographicException("the library produced a signature outside DaiChain's canonical form: " + problem);
        }

        return new RecoverableSignature(bytes);
    }

    public static RecoverableSignature Decode(ref CanonicalReader reader)
    {
        var offset = reader.Position;
        var bytes = reader.ReadFixed("signature", Size);
        var problem = FindProblem(bytes);
        if (problem is not null)
        {
            throw new CodecException("signature", offset, problem);
        }

        return new RecoverableSignature(bytes.ToArray());
    }

    public void Encode(ref CanonicalWriter writer) => writer.WriteFixed(_bytes);

    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"destination needs {Size} bytes", nameof(destination));
        }

        _bytes.CopyTo(destination);
    }

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(RecoverableSignature? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as RecoverableSignature);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Lower-case hex of the 65 bytes, no prefix.</summary>
    public override string ToString() => Hex.Encode(_bytes);

    public static bool operator ==(RecoverableSignature? left, RecoverableSignature? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(RecoverableSignature? left, RecoverableSignature? right) => !(left == right);

    private static string? FindProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            return $"a recoverable signature is {Size} bytes (r || s || v), got {bytes.Length}";
        }

        if (!Secp256k1Curve.IsValidScalar(bytes[..32]))
        {
            return "r is not in [1, n-1]";
        }

        var s = bytes[32..64];
        if (!Secp256k1Curve.IsValidScalar(s))
        {
            return "s is not in [1, n-1]";
        }

        if (!Secp256k1Curve.IsLowS(s))
        {
            return "s is in the upper half of the curve order (high-S); only low-S signatures are canonical";
        }

        if (bytes[64] > 1)
        {
            return $"recovery id must be 0 or 1, got {bytes[64]}";
        }

        return null;
    }
}

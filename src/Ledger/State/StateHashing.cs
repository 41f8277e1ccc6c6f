using System.Security.Cryptography;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>The hash functions of the state tree, domain-separated from every other hash in DaiChain.</summary>
/// <remarks>
/// A leaf is <c>SHA-256(0x20 || keyHash || valueHash)</c>, an internal node <c>SHA-256(0x21 || left || right)</c>
/// and an empty subtree is the all-zero hash. The tags differ from those of the transaction Merkle list
/// (0x00/0x01), so a node of one tree can never be presented as a node of the other, and a leaf can never
/// be presented as an internal node. Both inputs are exactly 65 bytes.
/// </remarks>
public static class StateHashing
{
    /// <summary>Prefix of a leaf hash input.</summary>
    public const byte LeafTag = 0x20;

    /// <summary>Prefix of an internal node hash input.</summary>
    public const byte InternalTag = 0x21;

    /// <summary>The hash of an empty subtree (and the root of an empty state).</summary>
    public static Hash256 Empty => Hash256.Zero;

    /// <summary>The tree key of an application key: <c>SHA-256(key)</c>.</summary>
    public static Hash256 KeyHash(ReadOnlySpan<byte> key) => Hash256.Compute(key);

    /// <summary>The hash a leaf commits to for a value: <c>SHA-256(value)</c>.</summary>
    public static Hash256 ValueHash(ReadOnlySpan<byte> value) => Hash256.Compute(value);

    public static Hash256 Leaf(Hash256 keyHash, Hash256 valueHash) => Tagged(LeafTag, keyHash, valueHash);

    public static Hash256 Internal(Hash256 left, Hash256 right) => Tagged(InternalTag, left, right);

    private static Hash256 Tagged(byte tag, Hash256 first, Hash256 second)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Hash256.Size)];
        input[0] = tag;
        first.CopyTo(input[1..]);
        second.CopyTo(input[(1 + Hash256.Size)..]);
        Span<byte> digest = stackalloc byte[Hash256.Size];
        SHA256.HashData(input, digest);
        return new Hash256(digest);
    }
}

using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>
/// A Merkle proof that a key has a given value, or has none, under a state root. Verifying needs only the
/// root: no store, no tree.
/// </summary>
/// <remarks>
/// The proof follows the key's bits from the root to the first subtree that is empty or holds a single leaf.
/// <see cref="Siblings"/> are the hashes beside that path, from the root down (index <c>i</c> is the sibling
/// at bit <c>i</c>). Folding from the terminal (the leaf's hash, or zero) upward with
/// <see cref="StateHashing.Internal"/> must give the root. An exclusion proof that ends at another key's leaf
/// is valid only if that key shares the path walked, so a prover cannot show an unrelated leaf.
/// </remarks>
public sealed class StateProof : ICanonicalEncodable<StateProof>
{
    /// <summary>A path is at most 256 bits long.</summary>
    public const int MaxSiblings = 256;

    private const byte Version1 = 1;

    private readonly Hash256[] _siblings;

    public StateProof(StateProofLeaf? leaf, Hash256[] siblings)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(siblings.Length, MaxSiblings);
        Leaf = leaf;
        _siblings = siblings;
    }

    /// <summary>The leaf the path ends at, or null when it ends in an empty subtree.</summary>
    public StateProofLeaf? Leaf { get; }

    public IReadOnlyList<Hash256> Siblings => _siblings;

    /// <summary>True when the proof shows <paramref name="keyHash"/> holding a value whose hash is <paramref name="valueHash"/>.</summary>
    public bool VerifyInclusion(Hash256 root, Hash256 keyHash, Hash256 valueHash) =>
        Leaf is { } leaf && leaf.KeyHash == keyHash && leaf.ValueHash == valueHash && ComputeRoot(keyHash) == root;

    /// <summary>True when the proof shows that <paramref name="keyHash"/> has no value.</summary>
    public bool VerifyExclusion(Hash256 root, Hash256 keyHash)
    {
        if (Leaf is { } leaf && (leaf.KeyHash == keyHash || !Nibbles.SharePrefixBits(leaf.KeyHash, keyHash, _siblings.Length)))
        {
            return false;
        }

        return ComputeRoot(keyHash) == root;
    }

    /// <summary>Verifies an application key and its value (null for absence) against <paramref name="root"/>.</summary>
    public bool Verify(Hash256 root, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool present)
    {
        var keyHash = StateHashing.KeyHash(key);
        return present ? VerifyInclusion(root, keyHash, StateHashing.ValueHash(value)) : VerifyExclusion(root, keyHash);
    }

    /// <summary>The root this proof implies for <paramref name="keyHash"/>'s path.</summary>
    public Hash256 ComputeRoot(Hash256 keyHash)
    {
        var current = Leaf is { } leaf ? leaf.Hash : StateHashing.Empty;
        for (var i = _siblings.Length - 1; i >= 0; i--)
        {
            current = keyHash.GetBit(i)
                ? StateHashing.Internal(_siblings[i], current)
                : StateHashing.Internal(current, _siblings[i]);
        }

        return current;
    }

    /// <summary>
    /// Version 1, terminal kind (0 empty, 1 leaf, then key and value hash), sibling count, a bitmap of the
    /// non-empty siblings (bit i is bit 7-(i%8) of byte i/8), then the non-empty siblings in order.
    /// </summary>
    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteBool(Leaf is not null);
        if (Leaf is { } leaf)
        {
            writer.WriteHash(leaf.KeyHash);
            writer.WriteHash(leaf.ValueHash);
        }

        writer.WriteVarUInt((ulong)_siblings.Length);
        Span<byte> bitmap = stackalloc byte[MaxSiblings / 8];
        var bitmapLength = (_siblings.Length + 7) / 8;
        bitmap.Clear();
        for (var i = 0; i < _siblings.Length; i++)
        {
            if (!_siblings[i].IsZero)
            {
                bitmap[i >> 3] |= (byte)(0x80 >> (i & 7));
            }
        }

        writer.WriteFixed(bitmap[..bitmapLength]);
        foreach (var sibling in _siblings)
        {
            if (!sibling.IsZero)
            {
                writer.WriteHash(sibling);
            }
        }
    }

    public static StateProof Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("proof.version", Version1);
        StateProofLeaf? leaf = null;
        if (reader.ReadBool("proof.has_leaf"))
        {
            leaf = new StateProofLeaf(reader.ReadHash("proof.leaf.key_hash"), reader.ReadHash("proof.leaf.value_hash"));
        }

        var count = reader.ReadVarInt32("proof.sibling_count", MaxSiblings);
        var bitmapStart = reader.Position;
        var bitmap = reader.ReadFixed("proof.sibling_bitmap", (count + 7) / 8);
        if (count % 8 != 0 && (bitmap[^1] & (0xFF >> (count % 8))) != 0)
        {
            throw new CodecException("proof.sibling_bitmap", bitmapStart, "bits beyond the sibling count are set");
        }

        var siblings = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            if ((bitmap[i >> 3] & (0x80 >> (i & 7))) != 0)
            {
                var at = reader.Position;
                siblings[i] = reader.ReadHash("proof.sibling");
                if (siblings[i].IsZero)
                {
                    throw new CodecException("proof.sibling", at, "an empty sibling must be left out, not written as zero");
                }
            }
        }

        return new StateProof(leaf, siblings);
    }
}

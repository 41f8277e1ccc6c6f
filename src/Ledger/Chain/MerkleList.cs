using System.Numerics;
using System.Security.Cryptography;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>
/// The Merkle root of an ordered list of hashes (transactions, receipts, evidence), shaped as in RFC 6962:
/// leaf <c>SHA-256(0x00 || item)</c>, node <c>SHA-256(0x01 || left || right)</c>, the left subtree holding the
/// largest power of two strictly below the count. The root of an empty list is the zero hash.
/// </summary>
/// <remarks>
/// Leaves and nodes are tagged, so an internal node can never pass for a leaf and a list cannot be
/// reshaped to give the same root. Proofs (<see cref="Prove"/>) show one item's position in the list.
/// </remarks>
public static class MerkleList
{
    public const byte LeafTag = 0x00;
    public const byte NodeTag = 0x01;

    public static Hash256 Root(IReadOnlyList<Hash256> items)
    {
        if (items.Count == 0)
        {
            return Hash256.Zero;
        }

        // Hash the leaves, then fold level by level; an odd last node is promoted unchanged, which gives the
        // same tree as RFC 6962's largest-power-of-two split.
        var level = new Hash256[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            level[i] = Leaf(items[i]);
        }

        var count = level.Length;
        while (count > 1)
        {
            var next = 0;
            for (var i = 0; i + 1 < count; i += 2)
            {
                level[next++] = Node(level[i], level[i + 1]);
            }

            if ((count & 1) == 1)
            {
                level[next++] = level[count - 1];
            }

            count = next;
        }

        return level[0];
    }

    /// <summary>The audit path of item <paramref name="index"/>: sibling hashes from the leaf up.</summary>
    public static Hash256[] Prove(IReadOnlyList<Hash256> items, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, items.Count);
        var path = new List<Hash256>();
        var leaves = new Hash256[items.Count];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = Leaf(items[i]);
        }

        ProveRange(leaves, 0, leaves.Length, index, path);
        path.Reverse();
        return [.. path];
    }

    /// <summary>True when <paramref name="path"/> shows <paramref name="item"/> at <paramref name="index"/> of a <paramref name="count"/>-item list with <paramref name="root"/>.</summary>
    public static bool Verify(Hash256 root, Hash256 item, int index, int count, IReadOnlyList<Hash256> path)
    {
        if (index < 0 || index >= count)
        {
            return false;
        }

        // Recompute bottom-up with the RFC 9162 verification rule (fn = index, sn = count - 1).
        var fn = (ulong)index;
        var sn = (ulong)(count - 1);
        var hash = Leaf(item);
        foreach (var sibling in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                hash = Node(sibling, hash);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                hash = Node(hash, sibling);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && hash == root;
    }

    private static void ProveRange(Hash256[] leaves, int from, int to, int index, List<Hash256> path)
    {
        var count = to - from;
        if (count == 1)
        {
            return;
        }

        var split = 1 << (BitOperations.Log2((uint)(count - 1)));
        if (index < from + split)
        {
            path.Add(RangeRoot(leaves, from + split, to));
            ProveRange(leaves, from, from + split, index, path);
        }
        else
        {
            path.Add(RangeRoot(leaves, from, from + split));
            ProveRange(leaves, from + split, to, index, path);
        }
    }

    private static Hash256 RangeRoot(Hash256[] leaves, int from, int to)
    {
        var count = to - from;
        if (count == 1)
        {
            return leaves[from];
        }

        var split = 1 << (BitOperations.Log2((uint)(count - 1)));
        return Node(RangeRoot(leaves, from, from + split), RangeRoot(leaves, from + split, to));
    }

    private static Hash256 Leaf(Hash256 item)
    {
        Span<byte> input = stackalloc byte[1 + Hash256.Size];
        input[0] = LeafTag;
        item.CopyTo(input[1..]);
        Span<byte> digest = stackalloc byte[Hash256.Size];
        SHA256.HashData(input, digest);
        return new Hash256(digest);
    }

    private static Hash256 Node(Hash256 left, Hash256 right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Hash256.Size)];
        input[0] = NodeTag;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Hash256.Size)..]);
        Span<byte> digest = stackalloc byte[Hash256.Size];
        SHA256.HashData(input, digest);
        return new Hash256(digest);
    }
}

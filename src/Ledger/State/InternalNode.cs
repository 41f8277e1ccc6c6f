using System.Numerics;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>
/// An internal node: up to 16 children, one per nibble, standing for four levels of the logical binary tree.
/// </summary>
/// <remarks>
/// The node's hash is the root of the 4-level binary tree over its 16 slots, computed with the same rule as
/// the whole tree: a range with no children hashes to <see cref="StateHashing.Empty"/>, a range holding a
/// single leaf child hashes to that leaf (the leaf "floats up"), anything else is
/// <see cref="StateHashing.Internal"/> of its halves. This makes the root of the stored 16-ary tree equal to
/// the root of the logical 256-bit sparse Merkle tree, and lets proofs be binary.
/// Invariant: at least one child, and never a single child that is a leaf (such a node collapses to the leaf).
/// </remarks>
public sealed class InternalNode : TreeNode
{
    private readonly ChildRef[] _children;

    public InternalNode(ReadOnlySpan<ChildRef?> children)
    {
        if (children.Length != 16)
        {
            throw new ArgumentException("an internal node has 16 child slots", nameof(children));
        }

        _children = new ChildRef[16];
        for (var i = 0; i < 16; i++)
        {
            if (children[i] is { } child)
            {
                _children[i] = child;
                ExistenceBitmap |= (ushort)(1 << i);
                if (child.IsLeaf)
                {
                    LeafBitmap |= (ushort)(1 << i);
                }
            }
        }

        Invariant.Check(ExistenceBitmap != 0, "an internal node has at least one child");
        Invariant.Check(
            BitOperations.PopCount(ExistenceBitmap) > 1 || LeafBitmap == 0,
            "an internal node with a single child cannot have a leaf child (it collapses to the leaf)");
        Hash = SubtreeHash(0, 16);
    }

    /// <summary>Bit <c>i</c> set when slot <c>i</c> has a child.</summary>
    public ushort ExistenceBitmap { get; }

    /// <summary>Bit <c>i</c> set when slot <c>i</c> holds a leaf.</summary>
    public ushort LeafBitmap { get; }

    public override Hash256 Hash { get; }

    public int ChildCount => BitOperations.PopCount(ExistenceBitmap);

    public ChildRef? GetChild(int nibble) => (ExistenceBitmap & (1 << nibble)) != 0 ? _children[nibble] : null;

    /// <summary>The number of children in slots <c>[lo, lo + width)</c>.</summary>
    public int CountInRange(int lo, int width) => BitOperations.PopCount((uint)(ExistenceBitmap & RangeMask(lo, width)));

    /// <summary>The lowest occupied slot in <c>[lo, lo + width)</c>, or -1.</summary>
    public int FirstInRange(int lo, int width)
    {
        var bits = (uint)(ExistenceBitmap & RangeMask(lo, width));
        return bits == 0 ? -1 : BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>The logical binary-tree hash of slots <c>[lo, lo + width)</c> (width a power of two).</summary>
    public Hash256 SubtreeHash(int lo, int width)
    {
        var count = CountInRange(lo, width);
        if (count == 0)
        {
            return StateHashing.Empty;
        }

        if (count == 1)
        {
            var only = FirstInRange(lo, width);
            if (_children[only].IsLeaf || width == 1)
            {
                return _children[only].Hash;
            }
        }

        var half = width / 2;
        return StateHashing.Internal(SubtreeHash(lo, half), SubtreeHash(lo + half, half));
    }

    public override void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(InternalNodeTag);
        writer.WriteUInt16(ExistenceBitmap);
        writer.WriteUInt16(LeafBitmap);
        for (var i = 0; i < 16; i++)
        {
            if ((ExistenceBitmap & (1 << i)) != 0)
            {
                writer.WriteVarUInt(_children[i].Version);
                writer.WriteHash(_children[i].Hash);
            }
        }
    }

    internal static InternalNode DecodeBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var existence = reader.ReadUInt16("internal.existence_bitmap");
        var leaves = reader.ReadUInt16("internal.leaf_bitmap");
        if (existence == 0 || (leaves & ~existence) != 0 || (BitOperations.PopCount(existence) == 1 && leaves != 0))
        {
            throw new CodecException("internal.bitmaps", start, "bitmaps describe no valid internal node");
        }

        Span<ChildRef?> children = new ChildRef?[16];
        for (var i = 0; i < 16; i++)
        {
            if ((existence & (1 << i)) != 0)
            {
                var version = reader.ReadVarUInt("internal.child.version");
                var hash = reader.ReadHash("internal.child.hash");
                children[i] = new ChildRef(hash, version, (leaves & (1 << i)) != 0);
            }
        }

        return new InternalNode(children);
    }

    private static int RangeMask(int lo, int width) => ((1 << width) - 1) << lo;
}

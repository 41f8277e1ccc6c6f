using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Tests.State;

/// <summary>
/// The state root computed the slow, obvious way straight from the spec: recurse on key bits, a subtree with
/// one leaf is that leaf, an empty one is zero. The stored 16-ary tree must agree with it.
/// </summary>
internal static class ReferenceSparseMerkleTree
{
    public static Hash256 Root(IReadOnlyDictionary<Hash256, Hash256> entries)
    {
        var sorted = entries.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)).ToList();
        return Subtree(sorted, 0);
    }

    private static Hash256 Subtree(List<(Hash256 Key, Hash256 Value)> leaves, int bit)
    {
        if (leaves.Count == 0)
        {
            return StateHashing.Empty;
        }

        if (leaves.Count == 1)
        {
            return StateHashing.Leaf(leaves[0].Key, leaves[0].Value);
        }

        var left = leaves.Where(l => !l.Key.GetBit(bit)).ToList();
        var right = leaves.Where(l => l.Key.GetBit(bit)).ToList();
        return StateHashing.Internal(Subtree(left, bit + 1), Subtree(right, bit + 1));
    }
}

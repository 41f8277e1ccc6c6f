using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>The leaf a proof ends at: the proven key itself (inclusion) or another key sharing its path (exclusion).</summary>
public readonly record struct StateProofLeaf(Hash256 KeyHash, Hash256 ValueHash)
{
    public Hash256 Hash => StateHashing.Leaf(KeyHash, ValueHash);
}

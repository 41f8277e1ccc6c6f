using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Inference;

/// <summary>A receipt, its position in its batch and the audit path to the batch's Merkle root.</summary>
public sealed record ReceiptProof(InferenceReceipt Receipt, int Index, int Count, IReadOnlyList<Hash256> Path)
{
    /// <summary>True when the path shows the receipt at <see cref="Index"/> of a <see cref="Count"/>-receipt batch with <paramref name="root"/>.</summary>
    public bool Verify(Hash256 root) => MerkleList.Verify(root, Receipt.Hash, Index, Count, Path);
}

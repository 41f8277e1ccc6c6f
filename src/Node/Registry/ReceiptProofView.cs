using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Registry;

/// <summary>
/// A receipt and its proof in its batch: <c>MerkleList.Verify(root, receipt.hash, index, count, path)</c> must hold,
/// and the batch itself is a registry fact (prove it with a provenance report or a state proof).
/// </summary>
public sealed record ReceiptProofView(BatchView Batch, ReceiptView Receipt, int Index, int Count, IReadOnlyList<string> Path, string Root, bool Verified);

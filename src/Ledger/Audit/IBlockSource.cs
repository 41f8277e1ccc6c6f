using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// Where an auditor reads the chain it verifies: a node's data folder, or a remote node over JSON-RPC. Nothing it
/// returns is trusted; <see cref="ChainAuditor"/> checks every byte against genesis.
/// </summary>
/// <remarks>
/// Reads may throw <see cref="Storage.StorageException"/> (a damaged database) or
/// <see cref="Encoding.CodecException"/> (bytes that are not a canonical block); the auditor reports either as a
/// discrepancy at the height it was reading. Implementations must be safe to call from one thread at a time.
/// </remarks>
public interface IBlockSource
{
    /// <summary>For messages: "data folder /var/daichain/data/chain", "RPC http://10.0.0.2:8545".</summary>
    string Description { get; }

    /// <summary>The height of the newest block the source holds; 0 when it holds none.</summary>
    ulong Height { get; }

    /// <summary>The block at <paramref name="height"/>, or null when the source does not hold it.</summary>
    Block? GetBlock(ulong height);

    /// <summary>
    /// The commit certificate of block <paramref name="height"/> when the source holds it outside block
    /// <paramref name="height"/> + 1 (a node keeps its head block's certificate aside); null otherwise.
    /// </summary>
    CommitCertificate? GetCertificate(ulong height);

    /// <summary>The validator set the source says applies at <paramref name="height"/>; null when it cannot say.</summary>
    ValidatorSet? GetValidatorSet(ulong height);

    /// <summary>The receipts the source stored for block <paramref name="height"/>; null when it does not serve receipts.</summary>
    IReadOnlyList<Receipt>? GetReceipts(ulong height);

    /// <summary>
    /// The heights (ascending, at most <paramref name="upToHeight"/>) at which a new validator set took effect, as the
    /// source records them; null when the source cannot list them (callers then compare consecutive headers).
    /// </summary>
    IReadOnlyList<ulong>? GetValidatorSetChangeHeights(ulong upToHeight);
}

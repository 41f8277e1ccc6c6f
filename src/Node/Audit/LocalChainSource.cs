using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.Chain;

namespace DaiChain.Node.Audit;

/// <summary>
/// The running node's own chain as an <see cref="IBlockSource"/>: blocks, receipts and validator sets from its
/// <see cref="Ledger.Execution.ChainStore"/>, the head block's certificate from <see cref="LocalChain.GetCertificate"/>.
/// </summary>
internal sealed class LocalChainSource(LocalChain chain) : IBlockSource
{
    public string Description => "this node's chain";

    public ulong Height => chain.Height;

    public Block? GetBlock(ulong height) => chain.Store.GetBlock(height);

    public CommitCertificate? GetCertificate(ulong height) => chain.GetCertificate(height);

    public ValidatorSet? GetValidatorSet(ulong height) => chain.Store.GetValidatorSet(height);

    public IReadOnlyList<Receipt>? GetReceipts(ulong height) => chain.Store.GetReceipts(height);

    public IReadOnlyList<ulong>? GetValidatorSetChangeHeights(ulong upToHeight) => null;
}

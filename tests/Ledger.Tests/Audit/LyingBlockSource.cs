using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Tests.Audit;

/// <summary>
/// A byzantine source: an honest one cut off at <paramref name="height"/>, whose head certificate (the one a node keeps
/// aside) is <paramref name="certificate"/>.
/// </summary>
internal sealed class LyingBlockSource(IBlockSource honest, ulong height, CommitCertificate? certificate) : IBlockSource
{
    public string Description => "lying source";

    public ulong Height => height;

    public Block? GetBlock(ulong at) => at <= height ? honest.GetBlock(at) : null;

    public CommitCertificate? GetCertificate(ulong at) => at == height ? certificate : honest.GetCertificate(at);

    public ValidatorSet? GetValidatorSet(ulong at) => honest.GetValidatorSet(at);

    public IReadOnlyList<Receipt>? GetReceipts(ulong at) => honest.GetReceipts(at);

    public IReadOnlyList<ulong>? GetValidatorSetChangeHeights(ulong upToHeight) => honest.GetValidatorSetChangeHeights(upToHeight);
}

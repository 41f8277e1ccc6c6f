using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Node.Api;

/// <summary>Where tx_submit hands a transaction: the mempool, which gossips what it admits.</summary>
public interface ITransactionSubmitter
{
    MempoolAdmission Submit(SignedTransaction transaction);
}

using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Mempool;

/// <summary>The answer to a submission: accepted, or rejected with a stable code and a message a person can act on.</summary>
public readonly record struct MempoolAdmission(Hash256 TransactionHash, Outcome Outcome)
{
    public bool Accepted => Outcome.IsSuccess;
}

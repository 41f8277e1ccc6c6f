using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Mempool;

/// <summary>A pending transaction dropped after a commit, and why (its nonce was used, or it no longer passes its checks).</summary>
public readonly record struct MempoolEviction(Hash256 TransactionHash, Address Sender, Outcome Reason);

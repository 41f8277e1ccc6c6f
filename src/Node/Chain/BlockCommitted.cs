using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Mempool;

namespace DaiChain.Node.Chain;

/// <summary>A block that was just committed: the block, what executing it produced, its certificate, and the new head.</summary>
/// <param name="Block">The committed block.</param>
/// <param name="Result">Receipts, senders and state changes of its execution.</param>
/// <param name="Certificate">The +2/3 precommits that committed it.</param>
/// <param name="Head">The chain as of this block.</param>
/// <param name="Evicted">Pending transactions the mempool dropped because of this block (nonce used, no longer valid).</param>
/// <param name="Source">How the node learned the block: consensus or sync.</param>
public sealed record BlockCommitted(Block Block, BlockExecutionResult Result, CommitCertificate Certificate, ChainView Head, IReadOnlyList<MempoolEviction> Evicted, CommitSource Source);

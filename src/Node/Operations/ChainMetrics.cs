using DaiChain.Node.Chain;
using DaiChain.Node.Metrics;

namespace DaiChain.Node.Operations;

/// <summary>
/// Updates the chain metrics on every commit: height, transactions committed, block interval (by header time)
/// and, from each block's last commit, the validators whose precommit is missing from it.
/// </summary>
public sealed class ChainMetrics : ICommitObserver
{
    private readonly NodeMetrics _metrics;
    private readonly LocalChain _chain;

    public ChainMetrics(NodeMetrics metrics, LocalChain chain)
    {
        _metrics = metrics;
        _chain = chain;
        _metrics.Height.Set(chain.Height);
    }

    public void OnCommitted(BlockCommitted committed)
    {
        var block = committed.Block;
        _metrics.Height.Set(block.Height);
        _metrics.TransactionsCommitted.Inc(block.Transactions.Count);
        if (block.Height > 1 && _chain.Store.GetBlock(block.Height - 1)?.Header is { } previous)
        {
            _metrics.BlockInterval.Observe((block.Header.TimeMs - previous.TimeMs) / 1000.0);
        }

        if (block.LastCommit is { } lastCommit && committed.Head.GetValidatorSet(lastCommit.Height) is { } validators)
        {
            var signed = new bool[validators.Count];
            foreach (var signature in lastCommit.Signatures)
            {
                if (signature.ValidatorIndex < signed.Length)
                {
                    signed[signature.ValidatorIndex] = true;
                }
            }

            for (var i = 0; i < signed.Length; i++)
            {
                if (!signed[i])
                {
                    _metrics.MissedVotes.WithLabels(validators[i].Address.ToString()).Inc();
                }
            }
        }
    }
}

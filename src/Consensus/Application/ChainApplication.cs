using DaiChain.Consensus.Engine;
using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Application;

/// <summary>
/// The consensus application port over the ledger: blocks are built by the <see cref="BlockExecutor"/> from the
/// mempool, judged by executing them on the committed chain (plus, for prevoting only, an optional
/// <see cref="IProposalCheck"/>), and committed to the <see cref="ChainStore"/> in one atomic batch.
/// </summary>
/// <remarks>
/// <para>
/// Execution results are cached by block hash between judging a block and committing it, so a decided block is
/// executed once. The certificate of a decided block is saved before the block is committed: after a crash
/// between the two, the engine replays and commits the block again, and the certificate of the chain's head is
/// always available. Evidence already committed is left out of proposals.
/// </para>
/// <para>Called only from the engine's loop.</para>
/// </remarks>
public sealed class ChainApplication : IConsensusApplication
{
    private const int MaxCachedResults = 16;

    private readonly ChainStore _chain;
    private readonly BlockExecutor _executor;
    private readonly TransactionPool? _mempool;
    private readonly ICommitCertificateStore _certificates;
    private readonly IProposalCheck? _check;
    private readonly Dictionary<Hash256, (Block Block, BlockExecutionResult? Result, string? Problem)> _judged = [];

    public ChainApplication(ChainStore chain, BlockExecutor executor, TransactionPool? mempool, ICommitCertificateStore certificates, IProposalCheck? check = null)
    {
        _chain = chain;
        _executor = executor;
        _mempool = mempool;
        _certificates = certificates;
        _check = check;
    }

    public ulong LastCommittedHeight => _chain.Height;

    public long LastBlockTimeMs => _chain.Head.LastHeader?.TimeMs ?? _chain.Head.GenesisTimeMs;

    public ValidatorSet? ValidatorsAt(ulong height) => _chain.GetValidatorSet(height);

    public BuiltBlock BuildProposal(BlockRequest request)
    {
        var head = _chain.Head;
        Invariant.Check(request.Height == head.Height + 1, $"asked to build height {request.Height} on height {head.Height}");
        var limits = head.ConsensusParams;
        var transactions = _mempool?.Reap(limits.MaxBlockTransactions, limits.MaxBlockBytes / 2) ?? [];
        var (block, result) = _executor.Propose(head, new ProposalRequest
        {
            TimeMs = request.TimeMs,
            ProposerAddress = request.Proposer,
            LastCommit = head.Height == 0 ? null : LastCommit(head.Height),
            Transactions = transactions,
            Evidence = [.. request.Evidence.Take(limits.MaxBlockEvidence)],
        });
        Remember(block, result, null);
        return new BuiltBlock(block.Encode(), block.Hash, block.Header.TimeMs);
    }

    public BlockVerdict ValidateBlock(ulong height, byte[] block)
    {
        Block decoded;
        try
        {
            decoded = Block.FromBytes(block);
        }
        catch (CodecException e)
        {
            return BlockVerdict.Undecodable(e.Message);
        }

        var (_, _, problem) = Judge(height, decoded);

        // The extra check judges prevoting only, and is not remembered: a block +2/3 decided commits whatever it says,
        // and a check that could not decide yet (an evaluation still running) may decide later.
        if (problem is null && _check?.Check(decoded) is { IsSuccess: false } rejected)
        {
            problem = rejected.ToString();
        }

        return new BlockVerdict(decoded.Hash, decoded.Header.TimeMs, problem is null, problem);
    }

    public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate)
    {
        var decoded = Block.FromBytes(block);
        var (_, result, problem) = Judge(height, decoded);
        Invariant.Check(problem is null, $"consensus decided block {decoded.Hash} at height {height}, which this node finds invalid: {problem}");
        Invariant.Check(certificate.Height == height && certificate.BlockHash == decoded.Hash, "the certificate does not commit this block");
        _certificates.Save(certificate);
        _chain.Commit(decoded, result!);
        _judged.Clear();
        _mempool?.Update(_chain.Head, decoded.Transactions);
        return new CommitOutcome(decoded.Evidence);
    }

    public CommittedBlock? LoadCommitted(ulong height)
    {
        if (height == 0 || height > _chain.Height || _chain.GetBlock(height) is not { } block)
        {
            return null;
        }

        var certificate = height == _chain.Height ? LastCommit(height) : _chain.GetBlock(height + 1)?.LastCommit;
        return certificate is null ? null : new CommittedBlock(block.Encode(), certificate);
    }

    private CommitCertificate LastCommit(ulong height)
    {
        var certificate = _certificates.Load();
        Invariant.Check(certificate is not null && certificate.Height == height, $"the certificate of committed height {height} is missing (found {certificate?.Height})");
        return certificate!;
    }

    private (Block Block, BlockExecutionResult? Result, string? Problem) Judge(ulong height, Block block)
    {
        if (_judged.TryGetValue(block.Hash, out var known))
        {
            return known;
        }

        if (height != _chain.Height + 1)
        {
            return (block, null, $"block for height {height} offered on height {_chain.Height}");
        }

        var outcome = _executor.TryExecute(_chain.Head, block, out var result);
        var problem = outcome.IsSuccess ? null : outcome.ToString();
        Remember(block, outcome.IsSuccess ? result : null, problem);
        return (block, result, problem);
    }

    private void Remember(Block block, BlockExecutionResult? result, string? problem)
    {
        if (_judged.Count >= MaxCachedResults)
        {
            _judged.Clear();
        }

        _judged[block.Hash] = (block, result, problem);
    }
}

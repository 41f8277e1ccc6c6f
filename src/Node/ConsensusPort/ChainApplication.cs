using System.Runtime.CompilerServices;
using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Node.Chain;

namespace DaiChain.Node.ConsensusPort;

/// <summary>
/// The consensus engine's <see cref="IConsensusApplication"/> over the node's <see cref="LocalChain"/>: proposals
/// are reaped from the mempool and executed, proposed blocks are checked by executing them, decided blocks commit
/// through the same path as synced ones.
/// </summary>
/// <remarks>
/// The engine hands back the very byte arrays it got from <see cref="BuildProposal"/> and <see cref="ValidateBlock"/>,
/// so decoded blocks are remembered by array identity and not decoded twice. Called only from the engine's loop.
/// </remarks>
public sealed class ChainApplication : IConsensusApplication
{
    private readonly LocalChain _chain;
    private readonly ConditionalWeakTable<byte[], Block> _decoded = [];
    private readonly IConsensusStepObserver? _steps;

    public ChainApplication(LocalChain chain, IConsensusStepObserver? steps = null)
    {
        _chain = chain;
        _steps = steps;
    }

    public ulong LastCommittedHeight => _chain.Height;

    public long LastBlockTimeMs
    {
        get
        {
            var head = _chain.Head;
            return head.LastHeader?.TimeMs ?? head.GenesisTimeMs;
        }
    }

    public ValidatorSet? ValidatorsAt(ulong height) => _chain.Head.GetValidatorSet(height);

    public BuiltBlock BuildProposal(BlockRequest request)
    {
        var block = _chain.BuildProposal(request.TimeMs, request.Proposer, request.Evidence);
        var bytes = block.Encode();
        _decoded.AddOrUpdate(bytes, block);
        return new BuiltBlock(bytes, block.Hash, block.Header.TimeMs);
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
            return BlockVerdict.Undecodable($"the proposed block does not decode: {e.Message}");
        }

        if (decoded.Height != height)
        {
            return new BlockVerdict(decoded.Hash, decoded.Header.TimeMs, false, $"the block is for height {decoded.Height}, not {height}");
        }

        var outcome = _chain.Validate(decoded);
        if (outcome.IsSuccess)
        {
            _decoded.AddOrUpdate(block, decoded);
        }

        return new BlockVerdict(decoded.Hash, decoded.Header.TimeMs, outcome.IsSuccess, outcome.IsSuccess ? null : outcome.ToString());
    }

    public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate)
    {
        var decoded = _decoded.TryGetValue(block, out var known) ? known : Block.FromBytes(block);
        _steps?.CommitStarted(height);
        var committed = _chain.Commit(decoded, certificate, CommitSource.Consensus);
        _steps?.CommitFinished(height);
        _decoded.Clear();
        return committed.Block.Evidence.Count == 0 ? CommitOutcome.Empty : new CommitOutcome(committed.Block.Evidence);
    }

    public CommittedBlock? LoadCommitted(ulong height)
    {
        var block = _chain.Store.GetBlock(height);
        var certificate = block is null ? null : _chain.GetCertificate(height);
        return block is null || certificate is null ? null : new CommittedBlock(block.Encode(), certificate);
    }
}

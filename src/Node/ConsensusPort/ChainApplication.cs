using System.Runtime.CompilerServices;
using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Node.Chain;
using DaiChain.Node.Evaluation;

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
    private readonly IProposalGate? _gate;

    /// <param name="chain">The node's chain.</param>
    /// <param name="steps">Observes consensus steps (metrics).</param>
    /// <param name="gate">The evaluation gate: shapes proposals and judges proposed blocks after they execute (docs/spec/evaluation-gate.md).</param>
    public ChainApplication(LocalChain chain, IConsensusStepObserver? steps = null, IProposalGate? gate = null)
    {
        _chain = chain;
        _steps = steps;
        _gate = gate;
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
        var block = BuildGated(request);
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

            // Only prevoting consults the gate: a block +2/3 decided commits whatever this node's evaluation says.
            if (_gate is not null)
            {
                outcome = _gate.Check(decoded);
            }
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

    /// <summary>
    /// The proposal, shaped by the gate when there is one. Should a composed block come out with a gated version
    /// unpaired (a record left out by the block limits or a nonce), it is built again without gated versions.
    /// </summary>
    private Block BuildGated(BlockRequest request)
    {
        if (_gate is null)
        {
            return _chain.BuildProposal(request.TimeMs, request.Proposer, request.Evidence);
        }

        var block = _chain.BuildProposal(request.TimeMs, request.Proposer, request.Evidence, (head, candidates) => _gate.Compose(head, request.Proposer, candidates));
        return _gate.CheckLayout(block).IsSuccess
            ? block
            : _chain.BuildProposal(request.TimeMs, request.Proposer, request.Evidence, _gate.WithoutGated);
    }

    public CommittedBlock? LoadCommitted(ulong height)
    {
        var block = _chain.Store.GetBlock(height);
        var certificate = block is null ? null : _chain.GetCertificate(height);
        return block is null || certificate is null ? null : new CommittedBlock(block.Encode(), certificate);
    }
}

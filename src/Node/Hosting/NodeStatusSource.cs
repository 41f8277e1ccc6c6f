using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Api;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;
using DaiChain.Node.P2P;
using DaiChain.Node.Sync;

namespace DaiChain.Node.Hosting;

/// <summary>node_status and node_peers, read from the running parts on each call.</summary>
internal sealed class NodeStatusSource : INodeStatusSource
{
    private readonly LocalChain _chain;
    private readonly P2PSwitch _switch;
    private readonly BlockSyncReactor _sync;
    private readonly Func<ConsensusEngine?> _engine;
    private readonly NodeMode _mode;
    private readonly string _moniker;
    private readonly Hash256 _genesisHash;
    private readonly Address? _validator;

    public NodeStatusSource(LocalChain chain, P2PSwitch p2pSwitch, BlockSyncReactor sync, Func<ConsensusEngine?> engine, NodeMode mode, string moniker, Hash256 genesisHash, Address? validator)
    {
        _chain = chain;
        _switch = p2pSwitch;
        _sync = sync;
        _engine = engine;
        _mode = mode;
        _moniker = moniker;
        _genesisHash = genesisHash;
        _validator = validator;
    }

    public static string Version => typeof(NodeStatusSource).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public NodeStatusView Status()
    {
        var head = _chain.Head;
        var header = head.LastHeader;
        ConsensusStatusView? consensus = null;
        if (_mode == NodeMode.Validator)
        {
            var engine = _engine();
            if (engine is null)
            {
                consensus = new ConsensusStatusView(false, head.Height + 1, 0, "catching_up", IsValidator(head.Height + 1), null);
            }
            else
            {
                var state = engine.State;
                consensus = new ConsensusStatusView(engine.Halted is null, engine.Height, Math.Max(0, state.Round), state.Step.ToString().ToLowerInvariant(), engine.SelfIndex >= 0, engine.Halted?.Message);
            }
        }

        return new NodeStatusView(
            head.ChainId,
            ApiViewMapper.HashText(_genesisHash),
            "0x" + _switch.LocalId,
            _moniker,
            NodeModes.Format(_mode),
            head.Height,
            header is null ? null : ApiViewMapper.HashText(header.Hash()),
            header?.TimeMs,
            _sync.IsSyncing || (_mode == NodeMode.Validator && _engine() is null),
            _switch.Peers.Count,
            _sync.MaxPeerHeight,
            _validator?.ToString(),
            consensus,
            new MempoolStatusView(_chain.Mempool.Count, _chain.Mempool.Bytes),
            Version);
    }

    public IReadOnlyList<PeerView> Peers()
    {
        var statuses = _sync.PeerStatuses.ToDictionary(s => s.Peer.Id);
        return [.. _switch.Peers.OrderBy(p => p.Id).Select(p =>
        {
            statuses.TryGetValue(p.Id, out var status);
            return new PeerView(
                "0x" + p.Id,
                p.RemoteEndPoint.ToString(),
                p.IsOutbound ? "outbound" : "inbound",
                p.IsPersistent,
                status is { Heard: true } ? status.Height : null,
                status?.Mode is { } mode ? NodeModes.Format(mode) : null);
        })];
    }

    private bool IsValidator(ulong height) =>
        _validator is { } address && _chain.Head.GetValidatorSet(height)?.Contains(address) == true;
}

using System.Globalization;
using DaiChain.Consensus.Engine;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;
using DaiChain.Node.P2P;
using DaiChain.Node.Rpc.Health;
using DaiChain.Node.Sync;

namespace DaiChain.Node.Hosting;

/// <summary>
/// <c>/health</c>: unhealthy when the consensus engine halted on a broken invariant; degraded while catching up or
/// without peers; healthy otherwise. Facts: height, peers, mode, syncing.
/// </summary>
internal sealed class NodeHealthProbe : IHealthProbe
{
    private readonly LocalChain _chain;
    private readonly P2PSwitch _switch;
    private readonly BlockSyncReactor _sync;
    private readonly Func<ConsensusEngine?> _engine;
    private readonly NodeMode _mode;

    public NodeHealthProbe(LocalChain chain, P2PSwitch p2pSwitch, BlockSyncReactor sync, Func<ConsensusEngine?> engine, NodeMode mode)
    {
        _chain = chain;
        _switch = p2pSwitch;
        _sync = sync;
        _engine = engine;
        _mode = mode;
    }

    public ValueTask<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var peers = _switch.Peers.Count;
        var syncing = _sync.IsSyncing;
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["height"] = _chain.Height.ToString(CultureInfo.InvariantCulture),
            ["peers"] = peers.ToString(CultureInfo.InvariantCulture),
            ["mode"] = NodeModes.Format(_mode),
            ["syncing"] = syncing ? "true" : "false",
        };
        var engine = _engine();
        HealthReport report;
        if (engine?.Halted is { } halted)
        {
            report = new HealthReport(HealthStatus.Unhealthy, $"consensus halted: {halted.Message}", facts);
        }
        else if (_mode == NodeMode.Validator && engine is null)
        {
            report = new HealthReport(HealthStatus.Degraded, "catching up with the network before joining consensus", facts);
        }
        else if (syncing)
        {
            report = new HealthReport(HealthStatus.Degraded, $"downloading blocks: at {_chain.Height}, peers at {_sync.MaxPeerHeight}", facts);
        }
        else if (peers == 0)
        {
            report = new HealthReport(HealthStatus.Degraded, "no connected peers", facts);
        }
        else
        {
            report = new HealthReport(HealthStatus.Healthy, "ok", facts);
        }

        return ValueTask.FromResult(report);
    }
}

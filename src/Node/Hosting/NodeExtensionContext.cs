using DaiChain.Ledger.Execution;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;
using DaiChain.Node.Metrics;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Subscriptions;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Hosting;

/// <summary>What a <see cref="INodeExtension"/> may plug into: RPC methods, HTTP routes, commit observers, events and metrics.</summary>
public sealed class NodeExtensionContext
{
    private readonly List<HttpRoute> _routes;

    internal NodeExtensionContext(NodeHome home, NodeConfig config, NodeMode mode, LocalChain chain, ChainRules rules, RpcMethodRegistry methods, List<HttpRoute> routes, IEventPublisher events, MetricsRegistry metrics, ILoggerFactory loggers)
    {
        Home = home;
        Config = config;
        Mode = mode;
        Chain = chain;
        Rules = rules;
        Methods = methods;
        _routes = routes;
        Events = events;
        Metrics = metrics;
        Loggers = loggers;
    }

    public NodeHome Home { get; }

    public NodeConfig Config { get; }

    public NodeMode Mode { get; }

    /// <summary>The committed chain (reads, certificates) and the mempool.</summary>
    public LocalChain Chain { get; }

    public ChainRules Rules { get; }

    /// <summary>Add RPC methods here (write methods are refused on audit nodes by the server).</summary>
    public RpcMethodRegistry Methods { get; }

    /// <summary>Publish to subscription topics (<see cref="RpcTopics"/>).</summary>
    public IEventPublisher Events { get; }

    public MetricsRegistry Metrics { get; }

    public ILoggerFactory Loggers { get; }

    /// <summary>Adds an HTTP route on the RPC listener (artifact upload and download).</summary>
    public void AddRoute(HttpRoute route) => _routes.Add(route);

    /// <summary>Adds an observer told about every committed block (after the node's own).</summary>
    public void AddCommitObserver(ICommitObserver observer) => Chain.AddObserver(observer);
}

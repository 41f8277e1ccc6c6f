using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Subscriptions;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Registry;

/// <summary>
/// Everything the model registry adds to a running node, built in one place so the node's composition root wires it
/// in a few lines: the artifact store, the <c>registry_*</c> / <c>artifact_info</c> methods (added to the given
/// registry), the <c>/artifacts/</c> routes, the artifacts P2P reactor and the per-commit work (events, fetches).
/// </summary>
/// <example>
/// <code>
/// var registry = RegistryNodeServices.Create(chainStore, Path.Combine(home, "artifacts"), 256L &lt;&lt; 20, readOnly, methods, events, loggers, TimeProvider.System);
/// foreach (var route in registry.Routes) { context.AddRoute(route); }
/// registry.Reactor.Attach(p2pSwitch); p2pSwitch.AddReactor(registry.Reactor);   // before the switch starts
/// // after each commit: registry.OnBlockCommitted(block, receipts, blockEvents);
/// </code>
/// </example>
public sealed class RegistryNodeServices : IAsyncDisposable
{
    private readonly RegistryEventPublisher _publisher;

    private RegistryNodeServices(ArtifactStore artifacts, IReadOnlyList<HttpRoute> routes, ArtifactsReactor reactor, ArtifactFetchQueue fetchQueue, RegistryEventPublisher publisher)
    {
        Artifacts = artifacts;
        Routes = routes;
        Reactor = reactor;
        FetchQueue = fetchQueue;
        _publisher = publisher;
    }

    public ArtifactStore Artifacts { get; }

    /// <summary><c>PUT</c> and <c>GET /artifacts/{sha256}</c>, for the RPC server's extra routes.</summary>
    public IReadOnlyList<HttpRoute> Routes { get; }

    /// <summary>The artifacts channel's reactor: attach it to the P2P switch and add it before the switch starts.</summary>
    public ArtifactsReactor Reactor { get; }

    public ArtifactFetchQueue FetchQueue { get; }

    /// <summary>Builds the registry's node parts and adds its RPC methods to <paramref name="methods"/>.</summary>
    /// <param name="chain">The node's committed chain.</param>
    /// <param name="artifactsDirectory">Where the artifact store keeps its files.</param>
    /// <param name="maxArtifactBytes">The largest artifact this node stores or fetches.</param>
    /// <param name="readOnly">An audit node: uploads are refused (reads and peer fetches still work).</param>
    /// <param name="methods">The RPC method registry to add the registry's methods to.</param>
    /// <param name="events">Where <c>registryEvents</c> are published.</param>
    /// <param name="loggers">Loggers.</param>
    /// <param name="time">The node's clock (erasure times, fetch retries).</param>
    public static RegistryNodeServices Create(ChainStore chain, string artifactsDirectory, long maxArtifactBytes, bool readOnly, RpcMethodRegistry methods, IEventPublisher events, ILoggerFactory loggers, TimeProvider time)
    {
        var logger = loggers.CreateLogger("DaiChain.Registry");
        var artifacts = new ArtifactStore(artifactsDirectory, maxArtifactBytes, time);
        RegistryRpcMethods.Register(methods, new ChainStoreRegistrySource(chain), artifacts);
        var reactor = new ArtifactsReactor(artifacts, logger);
        return new RegistryNodeServices(artifacts, ArtifactRoutes.Create(artifacts, readOnly, logger), reactor, new ArtifactFetchQueue(reactor, logger, time), new RegistryEventPublisher(events));
    }

    /// <summary>After a block is stored: publishes its registry events and queues the artifacts it names that this node lacks.</summary>
    public void OnBlockCommitted(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<ReceiptEvent> blockEvents)
    {
        _publisher.PublishBlock(block.Height, [.. block.Transactions.Select(t => t.Hash)], receipts, blockEvents);
        FetchQueue.OnBlockCommitted(receipts);
    }

    public async ValueTask DisposeAsync()
    {
        await FetchQueue.DisposeAsync().ConfigureAwait(false);
        await Reactor.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Net;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Signing;
using DaiChain.Consensus.Timing;
using DaiChain.Consensus.Wal;
using DaiChain.Ledger;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Mempool;
using DaiChain.Node.Api;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;
using DaiChain.Node.ConsensusPort;
using DaiChain.Node.Evaluation;
using DaiChain.Node.Gossip;
using DaiChain.Node.Metrics;
using DaiChain.Node.Operations;
using DaiChain.Node.P2P;
using DaiChain.Node.Registry;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Subscriptions;
using DaiChain.Node.Sync;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Hosting;

/// <summary>
/// A running node: the composition root of <c>daichain run</c>. Builds the object graph by plain constructor
/// injection (storage, chain, mempool, P2P switch and reactors, consensus engine, RPC server, metrics), starts it
/// in order, and stops it in the reverse order: RPC, consensus, P2P, storage.
/// </summary>
/// <remarks>
/// <para>Start: the database opens (and takes the genesis state on first run), the switch starts listening and
/// dialing, block sync starts following, the RPC server binds. A validator then waits until it has caught up with
/// its peers (<see cref="BlockSyncReactor.WaitUntilCaughtUpAsync"/>), stops following and starts its consensus
/// engine, which replays its write-ahead log. Full and audit nodes follow by block sync for as long as they run,
/// and never sign.</para>
/// <para>The process ends with exit code 0 after a requested stop, 1 when consensus halted on a broken invariant.</para>
/// </remarks>
public sealed class NodeHost : IAsyncDisposable
{
    private static readonly TimeSpan GaugeInterval = TimeSpan.FromMilliseconds(500);

    private readonly NodeHostSettings _settings;
    private readonly ILogger _logger;
    private readonly NodeStorage _storage;
    private readonly LocalChain _chain;
    private readonly NodeMetrics _metrics;
    private readonly P2PSwitch _switch;
    private readonly BlockSyncReactor _sync;
    private readonly ConsensusReactor _consensusReactor;
    private readonly MempoolReactor _mempoolReactor;
    private readonly ChainEvents _events;
    private readonly RegistryNodeServices _registry;
    private readonly EvaluationNode? _evaluation;
    private readonly RpcServer _rpc;
    private readonly ConsensusEngine? _engine;
    private readonly FileWalFile? _walFile;
    private readonly FileSignerStateStore? _signerState;
    private ConsensusEngine? _running;
    private ITimer? _gauges;
    private bool _disposed;

    private NodeHost(NodeHostSettings settings)
    {
        _settings = settings;
        var config = settings.Config;
        var loggers = settings.Loggers;
        var time = settings.Time;
        var mode = settings.Mode;
        _logger = loggers.CreateLogger("DaiChain.Node");

        _storage = NodeStorage.Open(settings.Home, config, settings.Genesis, settings.Rules);
        try
        {
            var executor = new BlockExecutor(settings.Rules, new SenderCache());
            var mempool = new TransactionPool(
                new MempoolOptions
                {
                    MaxTransactions = config.Mempool.MaxTransactions,
                    MaxBytes = config.Mempool.MaxBytes,
                    MaxPerSender = config.Mempool.MaxPerSender,
                    MaxNonceGap = config.Mempool.MaxNonceGap,
                },
                executor,
                _storage.Chain.Head);
            _chain = new LocalChain(_storage.Chain, executor, mempool, _storage.Certificates, loggers.CreateLogger<LocalChain>(), config.Consensus.MaxProposalTransactions);
            var genesisParams = _chain.Head.ConsensusParams;

            // Derived from the genesis parameters (fixed for the chain's life), so a block of the largest size the
            // chain accepts travels as a proposal, a catch-up commit and a sync answer on every node alike.
            var maxBlockMessage = ChainWireLimits.MaxBlockMessageBytes(genesisParams);

            MetricsRegistry = new MetricsRegistry();
            _metrics = new NodeMetrics(MetricsRegistry);

            var authorizer = new NodeRegistryAuthorizer(NodeRegistryWatcher.Admitted(_chain.Head.State));
            var identity = new SignerNodeIdentity(new InMemorySigner(settings.Keys.NodeKey));
            if (!authorizer.IsAuthorized(identity.Id))
            {
                _logger.LogWarning("this node's key {NodeKey} is not in the chain's node registry: peers will refuse its connections until governance admits it", identity.Id);
            }

            _switch = new P2PSwitch(P2POptionsFrom(config, _chain.ChainId, identity.Id), identity, new Secp256k1HandshakeCrypto(), authorizer, time, new Random(), loggers.CreateLogger<P2PSwitch>(), new TrafficMetrics(_metrics));
            _sync = new BlockSyncReactor(
                new SyncOptions
                {
                    Window = config.Sync.Window,
                    RequestTimeout = TimeSpan.FromMilliseconds(config.Sync.RequestTimeoutMs),
                    StatusInterval = TimeSpan.FromMilliseconds(config.Sync.StatusIntervalMs),
                    MaxMessageBytes = maxBlockMessage,
                },
                _chain,
                _switch,
                mode,
                time,
                _metrics,
                loggers.CreateLogger<BlockSyncReactor>());

            var validatorAddress = settings.Keys.ValidatorKey?.Address;
            var consensusOptions = ConsensusOptionsFrom(config, _chain.ChainId, genesisParams);
            StepTimer? steps = mode == NodeMode.Validator ? new StepTimer(_metrics, time, consensusOptions.CommitTimeout) : null;
            _consensusReactor = new ConsensusReactor(_switch, maxBlockMessage, WantsConsensus, validatorAddress, steps);
            _mempoolReactor = new MempoolReactor(
                new GossipOptions
                {
                    Enabled = mode != NodeMode.Audit,
                    BatchSize = config.Mempool.GossipBatchSize,
                    GossipQueueCapacity = config.Mempool.GossipQueueCapacity,
                    ReceiveQueueCapacity = config.Mempool.ReceiveQueueCapacity,
                },
                mempool,
                _switch,
                WantsTransactions,
                loggers.CreateLogger<MempoolReactor>());
            _switch.AddReactor(_consensusReactor);
            _switch.AddReactor(_mempoolReactor);
            _switch.AddReactor(_sync);

            var names = new HandlerNames(settings.Rules);
            var waiters = new CommitWaiters(config.Rpc.MaxCommitWaiters);
            var hub = new EventHub(RpcTopics.All, MetricsRegistry);
            _events = new ChainEvents(hub, names, loggers.CreateLogger<ChainEvents>());
            _chain.AddObserver(new ChainMetrics(_metrics, _chain));
            _chain.AddObserver(waiters);
            _chain.AddObserver(_sync);
            _chain.AddObserver(new NodeRegistryWatcher(authorizer, () => _switch, loggers.CreateLogger<NodeRegistryWatcher>()));
            _chain.AddObserver(_events);

            var methods = new RpcMethodRegistry();
            var routes = new List<HttpRoute>();

            // The model registry: its RPC methods, artifact routes, artifacts reactor (channel 4) and per-commit work.
            _registry = RegistryNodeServices.Create(_storage.Chain, settings.Home.Artifacts(config), config.Storage.MaxArtifactBytes, mode == NodeMode.Audit, methods, hub, loggers, time, config.Storage.MaxArtifactStoreBytes);
            routes.AddRange(_registry.Routes);
            _registry.Reactor.Attach(_switch);
            _switch.AddReactor(_registry.Reactor);
            _chain.AddObserver(new RegistryCommits(_registry));

            // The evaluation gate (docs/spec/evaluation-gate.md): a validator evaluates gated versions and judges proposals by them.
            _evaluation = mode == NodeMode.Validator
                ? EvaluationNode.Create(_chain, _registry, settings.Home.DataDirectory(config), settings.Keys.ValidatorKey!, consensusOptions.Timeouts.ProposeBase, MetricsRegistry, loggers)
                : null;
            EvaluationRpcMethods.Register(methods, new ChainStoreRegistrySource(_storage.Chain), _evaluation?.Service);
            _evaluation?.Gate.DroppedObserver = waiters.OnDropped;

            if (mode == NodeMode.Validator)
            {
                _walFile = new FileWalFile(settings.Home.ConsensusWal(config));
                _signerState = new FileSignerStateStore(settings.Home.SignerState(config));
                var signer = new GuardedSigner(new InMemorySigner(settings.Keys.ValidatorKey!), _signerState, _chain.ChainId);
                _engine = new ConsensusEngine(consensusOptions, new ChainApplication(_chain, steps, _evaluation?.Gate), _consensusReactor, time, _walFile, signer, new CachingSignatureVerifier(Secp256k1SignatureVerifier.Instance));
            }

            var status = new NodeStatusSource(_chain, _switch, _sync, () => Volatile.Read(ref _running), mode, config.Moniker, settings.Genesis.Hash(), validatorAddress);
            new NodeApi(_chain, status, mode == NodeMode.Audit ? null : new Submitter(_mempoolReactor), waiters, names, TimeSpan.FromMilliseconds(config.Rpc.MaxCommitWaitMs)).Register(methods);
            var context = new NodeExtensionContext(settings.Home, config, mode, _chain, settings.Rules, methods, routes, hub, MetricsRegistry, loggers);
            foreach (var extension in settings.Extensions)
            {
                extension.Register(context);
            }

            _rpc = new RpcServer(RpcOptionsFrom(config, mode), methods, hub, MetricsRegistry, loggers, time, new NodeHealthProbe(_chain, _switch, _sync, () => Volatile.Read(ref _running), mode), routes);
        }
        catch
        {
            _walFile?.Dispose();
            _signerState?.Dispose();
            _storage.Dispose();
            throw;
        }
    }

    public MetricsRegistry MetricsRegistry { get; }

    /// <summary>Opens the node's storage and builds every part; nothing listens yet.</summary>
    /// <exception cref="NodeStartException">Storage belongs to another chain or cannot be opened.</exception>
    public static NodeHost Create(NodeHostSettings settings) => new(settings);

    /// <summary>Starts the node and runs it until <paramref name="stop"/> fires or consensus halts; then stops it in order.</summary>
    /// <returns>0 after a requested stop, 1 when consensus halted.</returns>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var settings = _settings;
        var genesis = settings.Genesis;
        if (genesis.InsecureKeysNote is { } note)
        {
            _logger.LogWarning("INSECURE GENESIS: {Note}", note);
        }

        Task? engineTask = null;
        var exitCode = 0;
        try
        {
            _switch.Start();
            _sync.Start(follow: true);
            _mempoolReactor.Start();
            await _rpc.StartAsync(stop).ConfigureAwait(false);
            _gauges = settings.Time.CreateTimer(static s => ((NodeHost)s!).SampleGauges(), this, GaugeInterval, GaugeInterval);
            _logger.LogInformation(
                "node {Moniker} started: mode {Mode}, chain {ChainId} at height {Height}, node id {NodeId}, P2P {P2P}, RPC {Rpc}",
                settings.Config.Moniker,
                NodeModes.Format(settings.Mode),
                _chain.ChainId,
                _chain.Height,
                _switch.LocalId,
                _switch.ListenEndPoint?.ToString() ?? "(dial only)",
                _rpc.HttpUrl);

            if (_engine is not null)
            {
                var caughtUp = await _sync.WaitUntilCaughtUpAsync(TimeSpan.FromMilliseconds(settings.Config.Sync.StartupWaitMs), stop).ConfigureAwait(false);
                _sync.StopFollowing();
                if (caughtUp)
                {
                    _logger.LogInformation("caught up at height {Height}; joining consensus", _chain.Height);
                }
                else
                {
                    _logger.LogInformation("no peer reported its height; joining consensus at height {Height}", _chain.Height);
                }

                _engine.Start();
                _consensusReactor.Attach(_engine);
                Volatile.Write(ref _running, _engine);
                engineTask = Task.Run(() => _engine.RunAsync(stop), CancellationToken.None);
                await Task.WhenAny(engineTask, Task.Delay(Timeout.Infinite, stop)).ConfigureAwait(false);
                if (_engine.Halted is { } halted)
                {
                    _logger.LogCritical(halted, "consensus halted at height {Height}: {Reason}; stopping the node", _engine.Height, halted.Message);
                    exitCode = 1;
                }
            }
            else
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (InvariantViolationException e)
        {
            _logger.LogCritical(e, "a broken invariant stopped the node: {Reason}", e.Message);
            exitCode = 1;
        }
        catch (WalCorruptException e)
        {
            _logger.LogCritical(e, "the consensus write-ahead log is damaged: {Reason}", e.Message);
            exitCode = 1;
        }

        await StopAsync(engineTask).ConfigureAwait(false);
        return exitCode;
    }

    public async ValueTask DisposeAsync() => await StopAsync(null).ConfigureAwait(false);

    private static P2POptions P2POptionsFrom(NodeConfig config, string chainId, P2P.PeerId self)
    {
        var p = config.P2p;
        IPEndPoint? listen = null;
        if (p.ListenAddress.Length > 0 && NodeConfigFile.TryParseEndPoint(p.ListenAddress, out var endPoint))
        {
            listen = endPoint;
        }

        return new P2POptions
        {
            ChainId = chainId,
            ListenEndPoint = listen,
            PersistentPeers = [.. p.PersistentPeers.Select(PeerAddress.Parse).Where(a => a.Id != self)],
            MaxInboundPeers = p.MaxInboundPeers,
            DialTimeout = TimeSpan.FromMilliseconds(p.DialTimeoutMs),
            HandshakeTimeout = TimeSpan.FromMilliseconds(p.HandshakeTimeoutMs),
            PingInterval = TimeSpan.FromMilliseconds(p.PingIntervalMs),
            IdleTimeout = TimeSpan.FromMilliseconds(p.IdleTimeoutMs),
            SendStallTimeout = TimeSpan.FromMilliseconds(p.SendStallTimeoutMs),
            BanDuration = TimeSpan.FromMilliseconds(p.BanDurationMs),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(p.ReconnectBaseDelayMs),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(p.ReconnectMaxDelayMs),
        };
    }

    private static ConsensusOptions ConsensusOptionsFrom(NodeConfig config, string chainId, Ledger.Chain.ConsensusParams chain)
    {
        var c = config.Consensus;
        static TimeSpan Ms(int value) => TimeSpan.FromMilliseconds(value);
        return new ConsensusOptions
        {
            ChainId = chainId,
            Timeouts = new TimeoutSchedule
            {
                ProposeBase = Ms(c.ProposeTimeoutMs ?? chain.ProposeTimeoutMs),
                ProposeDelta = Ms(c.ProposeTimeoutDeltaMs ?? chain.ProposeTimeoutDeltaMs),
                PrevoteBase = Ms(c.PrevoteTimeoutMs ?? chain.PrevoteTimeoutMs),
                PrevoteDelta = Ms(c.PrevoteTimeoutDeltaMs ?? chain.PrevoteTimeoutDeltaMs),
                PrecommitBase = Ms(c.PrecommitTimeoutMs ?? chain.PrecommitTimeoutMs),
                PrecommitDelta = Ms(c.PrecommitTimeoutDeltaMs ?? chain.PrecommitTimeoutDeltaMs),
            },
            CommitTimeout = Ms(c.CommitTimeoutMs ?? chain.CommitTimeoutMs),
            InboxCapacity = c.InboxCapacity,
            GossipInterval = Ms(c.GossipIntervalMs),
            MaxClockDrift = Ms(c.MaxClockDriftMs),
            MaxEvidencePerBlock = chain.MaxBlockEvidence,
        };
    }

    private static RpcServerOptions RpcOptionsFrom(NodeConfig config, NodeMode mode)
    {
        var r = config.Rpc;
        if (!NodeConfigFile.TryParseEndPoint(r.ListenAddress, out var endPoint))
        {
            throw new NodeStartException($"rpc.listen_address '{r.ListenAddress}' is not host:port");
        }

        return new RpcServerOptions
        {
            ListenAddress = endPoint.Address,
            Port = endPoint.Port,
            ReadOnly = mode == NodeMode.Audit,
            MaxBodyBytes = r.MaxBodyBytes,
            MaxBatchSize = r.MaxBatchSize,
            MaxConnections = r.MaxConnections,
            MaxWebSocketConnections = r.MaxWebSocketConnections,
            MaxSubscriptionsPerConnection = r.MaxSubscriptionsPerConnection,
            RequestsPerSecondPerClient = r.RequestsPerSecondPerClient,
            RequestBurstPerClient = Math.Max(r.RequestBurstPerClient, r.MaxBatchSize),
            MethodTimeout = TimeSpan.FromMilliseconds(r.MethodTimeoutMs),
            AllowedOrigins = r.AllowedOrigins,
            ApiVersion = NodeStatusSource.Version,
        };
    }

    private bool WantsConsensus(IPeer peer) => _sync.ModeOf(peer.Id) is not (NodeMode.Full or NodeMode.Audit);

    private bool WantsTransactions(IPeer peer) => _sync.ModeOf(peer.Id) is not NodeMode.Audit;

    private void SampleGauges()
    {
        _metrics.Peers.Set(_switch.Peers.Count);
        _metrics.MempoolTransactions.Set(_chain.Mempool.Count);
        _metrics.MempoolBytes.Set(_chain.Mempool.Bytes);
        if (Volatile.Read(ref _running) is { } engine)
        {
            _metrics.Round.Set(Math.Max(0, engine.State.Round));
        }
    }

    private async Task StopAsync(Task? engineTask)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _logger.LogInformation("stopping: RPC, consensus, P2P, storage");
        if (_gauges is not null)
        {
            await _gauges.DisposeAsync().ConfigureAwait(false);
        }

        await _rpc.DisposeAsync().ConfigureAwait(false);

        _engine?.Stop();
        if (engineTask is not null)
        {
            try
            {
                await engineTask.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (InvariantViolationException)
            {
            }
        }

        await _mempoolReactor.DisposeAsync().ConfigureAwait(false);
        await _sync.DisposeAsync().ConfigureAwait(false);
        if (_evaluation is not null)
        {
            await _evaluation.DisposeAsync().ConfigureAwait(false);
        }

        await _registry.DisposeAsync().ConfigureAwait(false);
        await _switch.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        var height = _chain.Height;
        _walFile?.Dispose();
        _signerState?.Dispose();
        _storage.Dispose();
        _logger.LogInformation("stopped at height {Height}", height);
    }

    /// <summary>The registry's work after each commit: its events and the artifacts the block names.</summary>
    private sealed class RegistryCommits(RegistryNodeServices registry) : ICommitObserver
    {
        public void OnCommitted(BlockCommitted committed) =>
            registry.OnBlockCommitted(committed.Block, committed.Result.Receipts, committed.Result.BlockEvents);
    }

    /// <summary>tx_submit's path into the mempool reactor (which gossips what it admits).</summary>
    private sealed class Submitter(MempoolReactor reactor) : ITransactionSubmitter
    {
        public MempoolAdmission Submit(Ledger.Transactions.SignedTransaction transaction) => reactor.Submit(transaction);
    }
}

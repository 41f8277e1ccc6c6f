using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Consensus.Signing;
using DaiChain.ConsensusSim.Byzantine;
using DaiChain.Ledger;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.ConsensusSim;

/// <summary>
/// One simulated node: an engine over production code, with its durable parts (application state, WAL, signer
/// state) kept across crashes and its volatile parts (engine, timers) thrown away by one.
/// </summary>
public sealed class SimNode
{
    private readonly SimRun _run;
    private readonly ConsensusOptions _options;
    private readonly ISignatureVerifier _verifier;
    private readonly IConsensusTransport _transport;

    internal SimNode(SimRun run, int endpoint, int keyIndex, ByzantineKind? byzantine, bool isTwin, ISimChain application, SimTransport transport, long skewMs, ConsensusOptions options, ISignatureVerifier verifier, ulong equivocateUntil)
    {
        _run = run;
        Endpoint = endpoint;
        KeyIndex = keyIndex;
        Byzantine = byzantine;
        IsTwin = isTwin;
        Application = application;
        SkewMs = skewMs;
        _options = options;
        _verifier = verifier;
        Signer = keyIndex < 0 ? null : Keys.Validator(keyIndex).Signer();
        ApplicationPort = byzantine == ByzantineKind.InvalidBlockProposer ? new InvalidBlockApplication(application) : application.Port;
        _transport = byzantine switch
        {
            ByzantineKind.Silent => new SilentTransport(),
            ByzantineKind.DoubleVoter => new DoubleVotingTransport(transport, Signer!, options.ChainId, equivocateUntil),
            ByzantineKind.EquivocatingProposer => new EquivocatingProposerTransport(transport, Signer!, application.Port, options.ChainId, equivocateUntil),
            _ => transport,
        };
    }

    public int Endpoint { get; }

    /// <summary>The validator key this node signs with, or -1 for a follower.</summary>
    public int KeyIndex { get; }

    public ByzantineKind? Byzantine { get; }

    /// <summary>A second instance of another node's key (Twins).</summary>
    public bool IsTwin { get; }

    /// <summary>Honest: neither byzantine nor one of a pair of twins.</summary>
    public bool IsHonest => Byzantine is null && !IsTwin && !_run.HasTwin(KeyIndex);

    public Address Address => Signer?.Address ?? Address.Zero;

    /// <summary>The raw validator key (null for a follower); the engine only ever gets it behind the guard.</summary>
    public ISigner? Signer { get; }

    public ISimChain Application { get; }

    public IConsensusApplication ApplicationPort { get; }

    public MemoryWalFile Wal { get; } = new();

    public MemorySignerStateStore SignerStore { get; } = new();

    public long SkewMs { get; }

    public ConsensusEngine? Engine { get; private set; }

    public bool IsUp => Engine is not null;

    public int Crashes { get; private set; }

    public long SignaturesRefused { get; private set; }

    public ulong Height => Engine?.Height ?? Application.LastCommittedHeight + 1;

    /// <summary>Runs just before every boot (tests arm faults for a restart here).</summary>
    public Action<SimNode>? BeforeStart { get; set; }

    /// <summary>How many times the node booted.</summary>
    public int Starts { get; private set; }

    /// <summary>Boots (or reboots) the node: a fresh engine and clock over the surviving WAL, signer state and application.</summary>
    public void Start()
    {
        if (IsUp)
        {
            return;
        }

        Starts++;
        BeforeStart?.Invoke(this);

        var clock = new VirtualTimeProvider(_run.Scheduler, SkewMs);
        var signer = Signer is null ? null : new GuardedSigner(Signer, SignerStore, _options.ChainId);
        var engine = new ConsensusEngine(_options, ApplicationPort, _transport, clock, Wal, signer, _verifier);
        clock.AfterFire = () => Pump(engine);
        Engine = engine;
        _run.Network.Attach(Endpoint, Deliver);
        Guard(engine, engine.Start);
    }

    /// <summary>Stops the node dead: the engine and its timers are gone, unsynced WAL bytes survive only as a torn prefix.</summary>
    public void Crash(int keptPendingWalBytes)
    {
        if (Engine is not { } engine)
        {
            return;
        }

        Crashes++;
        SignaturesRefused += engine.Metrics.SignaturesRefused;
        engine.Stop();
        Engine = null;
        _run.Network.Detach(Endpoint);
        Wal.Crash(Math.Min(keptPendingWalBytes, Wal.PendingBytes));
        Wal.CrashAtWrite = null;
        SignerStore.CrashOnSave = null;
        Application.CrashAfterCommitOf = null;
        _run.OnCrashed(this);
    }

    /// <summary>Disarms injected faults (after the heal, so that restarts succeed).</summary>
    public void Disarm()
    {
        Wal.CrashAtWrite = null;
        SignerStore.CrashOnSave = null;
        Application.CrashAfterCommitOf = null;
    }

    private void Deliver(int from, ConsensusMessage message)
    {
        if (Engine is not { } engine)
        {
            return;
        }

        var height = engine.Height;
        engine.Post(SimTransport.PeerOf(from), message);
        Pump(engine);

        // Observed only once the engine handled it without crashing (a crash mid-way loses it like a dropped message).
        if (ReferenceEquals(engine, Engine))
        {
            _run.OnDelivered(this, height, message);
        }
    }

    private void Pump(ConsensusEngine engine)
    {
        if (ReferenceEquals(engine, Engine))
        {
            Guard(engine, () => engine.ProcessPending());
        }
    }

    private void Guard(ConsensusEngine engine, Action action)
    {
        try
        {
            action();
            _run.OnProgress(this);
        }
        catch (SimulatedCrashException)
        {
            if (ReferenceEquals(engine, Engine))
            {
                Crash(_run.Random.Next(Wal.PendingBytes + 1));
            }
        }
        catch (InvariantViolationException e)
        {
            _run.Fail($"node {Endpoint} halted on a broken invariant at height {engine.Height}: {e.Message}");
            Crash(0);
        }
    }
}

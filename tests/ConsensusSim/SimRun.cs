using System.Globalization;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Consensus.Timing;
using DaiChain.ConsensusSim.Byzantine;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.ConsensusSim;

/// <summary>
/// One deterministic simulation run: a scenario and a seed. Builds N nodes over production consensus code on a
/// seeded virtual clock and network, injects the scenario's faults until the heal, runs until every honest node
/// reaches the target height (or the liveness bound passes), and checks the invariants: agreement, validity, no
/// honest double-sign, liveness after the heal, and that every observed equivocation ends as committed evidence.
/// </summary>
/// <remarks>
/// Signatures are real secp256k1 (RFC 6979, so deterministic): signing costs about 30 µs, so each vote is signed
/// once, and verification goes through one process-wide <see cref="CachingSignatureVerifier"/>, so each distinct
/// signature is verified once however many nodes receive it. Caching changes no outcome (verification is a pure
/// function), only its cost. Rerunning a seed reproduces the run exactly.
/// </remarks>
public sealed class SimRun
{
    public const string ChainId = "daichain-sim";

    private static readonly CachingSignatureVerifier SharedVerifier = new(Secp256k1SignatureVerifier.Instance, 1_000_000);
    private static readonly Lazy<ChainRules> LedgerRules = new(() => ChainRules.WithLedgerBuiltIns().Freeze());
    private static readonly SenderCache SharedSenders = new();

    private readonly Action<string>? _trace;
    private readonly List<string> _failures = [];
    private readonly Dictionary<(Address, ulong, uint, byte), List<Hash256?>> _signed = [];
    private readonly HashSet<(Address, ulong, uint, VoteType)> _equivocations = [];
    private readonly Dictionary<int, HashSet<(Address, ulong, uint, VoteType, Hash256?)>> _deliveredToHonest = [];
    private readonly Dictionary<int, ulong> _lastCommitted = [];
    private readonly Dictionary<int, (long, int)> _lastDetected = [];
    private readonly Dictionary<int, (ulong, int, Consensus.Core.ConsensusStep)> _lastState = [];
    private readonly int? _twinKey;
    private int _maxRound;
    private bool _healed;
    private ulong _goal;

    public SimRun(Scenario scenario, int seed, Action<string>? trace = null, ISignatureVerifier? verifier = null)
    {
        var signatures = verifier ?? SharedVerifier;
        Scenario = scenario;
        Seed = seed;
        _trace = trace;
        Scheduler = new SimScheduler();
        Random = new Random(Derive(seed, 1));
        Network = new SimNetwork<ConsensusMessage>(Scheduler, new Random(Derive(seed, 2))) { Conditions = scenario.Faulty };
        _twinKey = scenario.TwinOf;
        _goal = (ulong)scenario.TargetHeight;

        var genesis = ValidatorSet.Create(scenario.Powers.Select((power, i) => new Validator(Keys.Validator(i).PublicKey, (ulong)power)));
        var changes = scenario.PowerChanges
            .GroupBy(c => c.Height)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(Address, ulong)>)[.. g.Select(c => (Keys.Validator(c.Validator).Address, c.Power))]);
        var options = new ConsensusOptions
        {
            ChainId = ChainId,
            Timeouts = new TimeoutSchedule
            {
                ProposeBase = TimeSpan.FromMilliseconds(400),
                ProposeDelta = TimeSpan.FromMilliseconds(100),
                PrevoteBase = TimeSpan.FromMilliseconds(200),
                PrevoteDelta = TimeSpan.FromMilliseconds(100),
                PrecommitBase = TimeSpan.FromMilliseconds(200),
                PrecommitDelta = TimeSpan.FromMilliseconds(100),
            },
            GossipInterval = TimeSpan.FromMilliseconds(300),
            CommitTimeout = TimeSpan.FromMilliseconds(100),
            MaxClockDrift = TimeSpan.FromSeconds(2),
        };

        GenesisDocument? ledgerGenesis = null;
        if (scenario.Ledger)
        {
            var builder = new GenesisBuilder().WithChainId(ChainId);
            for (var i = 0; i < scenario.Powers.Length; i++)
            {
                builder.WithValidator(Keys.Validator(i), (ulong)scenario.Powers[i]);
            }

            ledgerGenesis = builder.Build() with { GenesisTimeMs = VirtualTimeProvider.Epoch.ToUnixTimeMilliseconds() };
        }

        var byzantine = PickByzantine(scenario);
        var endpoints = Enumerable.Range(0, scenario.Instances).ToList();
        var equivocateUntil = (ulong)Math.Max(1, scenario.TargetHeight - scenario.QuietHeights);
        for (var endpoint = 0; endpoint < scenario.Instances; endpoint++)
        {
            var isTwin = endpoint >= scenario.Powers.Length && endpoint < scenario.Powers.Length + (scenario.TwinOf is null ? 0 : 1);
            var isFollower = endpoint >= scenario.Powers.Length && !isTwin;
            var key = isTwin ? scenario.TwinOf!.Value : isFollower ? -1 : endpoint;
            ISimChain application = ledgerGenesis is not null
                ? new LedgerSimChain(ledgerGenesis, LedgerRules.Value, SharedSenders)
                : new SimApplication(ChainId, genesis, VirtualTimeProvider.Epoch.ToUnixTimeMilliseconds(), signatures, changes);
            var transport = new SimTransport(endpoint, Network, endpoints, Observe);
            var skew = Random.NextInt64(-scenario.MaxSkewMs, scenario.MaxSkewMs + 1);
            Nodes.Add(new SimNode(this, endpoint, key, isTwin || !byzantine.TryGetValue(key, out var kind) ? null : kind, isTwin, application, transport, skew, options, signatures, equivocateUntil));
        }

        ByzantineDescription = byzantine.Count == 0
            ? "none"
            : string.Join(", ", byzantine.OrderBy(b => b.Key).Select(b => string.Create(CultureInfo.InvariantCulture, $"v{b.Key} {b.Value}")));
        if (scenario.TwinOf is { } twin)
        {
            ByzantineDescription = string.Create(CultureInfo.InvariantCulture, $"twins of v{twin}");
        }
    }

    public Scenario Scenario { get; }

    public int Seed { get; }

    public SimScheduler Scheduler { get; }

    public SimNetwork<ConsensusMessage> Network { get; }

    /// <summary>The fault stream: crash times, torn tails, downtimes. Network fates have their own stream.</summary>
    public Random Random { get; }

    public List<SimNode> Nodes { get; } = [];

    public string ByzantineDescription { get; }

    private IEnumerable<SimNode> Honest => Nodes.Where(n => n.IsHonest);

    /// <summary>Runs one scenario and seed and checks every invariant.</summary>
    public static SimResult Execute(Scenario scenario, int seed, Action<string>? trace = null) => new SimRun(scenario, seed, trace).Run();

    public SimResult Run()
    {
        Start();
        return Finish();
    }

    /// <summary>Boots every node and schedules the scenario's faults (for tests that drive the scheduler themselves).</summary>
    public void Start()
    {
        foreach (var node in Nodes)
        {
            node.Start();
        }

        ScheduleFaults();
    }

    /// <summary>Runs to the end (target reached after the heal, or the liveness bound) and checks every invariant.</summary>
    public SimResult Finish()
    {
        var limit = Scenario.HealAtMs + Scenario.LivenessBoundMs;
        try
        {
            Scheduler.RunUntil(Done, limit, maxEvents: 20_000_000);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail($"unexpected {e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}");
        }

        CheckAgreementAndValidity();
        CheckLiveness();
        CheckEvidence();
        var reference = ReferenceNode();
        return new SimResult(Scenario.Name, Seed, [.. _failures], new SimStats
        {
            VirtualTimeMs = Scheduler.NowMs,
            MinHonestHeight = Honest.Select(n => n.Application.LastCommittedHeight).DefaultIfEmpty().Min(),
            MaxRound = _maxRound,
            MessagesSent = Network.Sent,
            MessagesDropped = Network.Dropped,
            Crashes = Nodes.Sum(n => n.Crashes),
            Equivocations = _equivocations.Count,
            Undetectable = _equivocations.Count(key => !Detectable(key)),
            EvidenceCommitted = reference?.Application.CommittedEvidence ?? 0,
            Transactions = reference?.Application.CommittedTransactions ?? 0,
            SignaturesRefused = Nodes.Sum(n => n.SignaturesRefused + (n.Engine?.Metrics.SignaturesRefused ?? 0)),
            Byzantine = ByzantineDescription,
            Events = Scheduler.Executed,
            Fingerprint = Fingerprint(),
        });
    }

    internal bool HasTwin(int keyIndex) => _twinKey == keyIndex;

    /// <summary>A digest of every node's committed chain and the run's counters: equal runs have equal fingerprints.</summary>
    private string Fingerprint()
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in Nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"n{node.Endpoint}:{string.Join(',', node.Application.CommittedHashes)};crashes={node.Crashes};");
        }

        text.Append(CultureInfo.InvariantCulture, $"t={Scheduler.NowMs};events={Scheduler.Executed};sent={Network.Sent};dropped={Network.Dropped}");
        return Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToString()[..16];
    }

    internal void Fail(string failure)
    {
        if (_failures.Count < 20)
        {
            _failures.Add(string.Create(CultureInfo.InvariantCulture, $"[t={Scheduler.NowMs} ms] {failure}"));
        }
    }

    internal void OnCrashed(SimNode node)
    {
        Trace($"n{node.Endpoint} crashed at height {node.Height}");
        if (!_healed)
        {
            Scheduler.After(Random.NextInt64(100, 1500), () =>
            {
                if (!_healed)
                {
                    node.Start();
                }
            });
        }
        else
        {
            Scheduler.After(50, node.Start);
        }
    }

    internal void OnProgress(SimNode node)
    {
        if (node.Engine is not { } engine)
        {
            return;
        }

        _maxRound = Math.Max(_maxRound, engine.State.Round);
        if (_trace is not null && _lastDetected.GetValueOrDefault(node.Endpoint) != (engine.Metrics.EquivocationsDetected, engine.EvidencePool.Count))
        {
            _lastDetected[node.Endpoint] = (engine.Metrics.EquivocationsDetected, engine.EvidencePool.Count);
            Trace($"n{node.Endpoint} h{engine.Height}: {engine.Metrics.EquivocationsDetected} equivocations detected, {engine.EvidencePool.Count} pending evidence ({string.Join(", ", engine.EvidencePool.All.Select(e => $"h{e.Height}r{e.VoteA.Round}{e.VoteA.Type}"))})");
        }

        var position = (engine.Height, engine.State.Round, engine.State.Step);
        if (_trace is not null && _lastState.GetValueOrDefault(node.Endpoint) != position)
        {
            _lastState[node.Endpoint] = position;
            var m = engine.Metrics;
            Trace($"n{node.Endpoint} h{position.Height} r{position.Round} {position.Step} (locked {engine.State.LockedRound}, valid {engine.State.ValidRound}; rejected {m.RejectedMessages}, refused {m.SignaturesRefused}{(m.LastRefusal is null ? string.Empty : ": " + m.LastRefusal)})");
        }

        var committed = node.Application.LastCommittedHeight;
        if (_trace is not null && _lastCommitted.GetValueOrDefault(node.Endpoint) != committed)
        {
            _lastCommitted[node.Endpoint] = committed;
            Trace($"n{node.Endpoint} committed height {committed} ({node.Application.CommittedHashes[^1].ToString()[..12]})");
        }
    }

    internal void OnDelivered(SimNode node, ulong heightAtDelivery, ConsensusMessage message)
    {
        // Usable: the receiver was at the vote's height, one below (it buffers the next height) or one above (it
        // checks late votes for the height it just decided). Further away, no engine can use the vote.
        if (message is VoteMessage { Vote: var vote } && node.IsHonest && heightAtDelivery + 1 >= vote.Height && heightAtDelivery <= vote.Height + 1)
        {
            if (!_deliveredToHonest.TryGetValue(node.Endpoint, out var seen))
            {
                _deliveredToHonest[node.Endpoint] = seen = [];
            }

            seen.Add((vote.ValidatorAddress, vote.Height, vote.Round, vote.Type, vote.BlockHash));
        }
    }

    private void Trace(string line) => _trace?.Invoke(string.Create(CultureInfo.InvariantCulture, $"[{Scheduler.NowMs,7} ms] {line}"));

    /// <summary>Every message a node sends itself: honest nodes must never sign two values for one (height, round, step).</summary>
    private void Observe(int endpoint, ConsensusMessage message)
    {
        var node = Nodes[endpoint];
        switch (message)
        {
            case VoteMessage { Vote: var vote } when vote.ValidatorAddress == node.Address:
                Record(node, (vote.ValidatorAddress, vote.Height, vote.Round, (byte)vote.Type), vote.BlockHash, vote.Type);
                break;
            case ProposalMessage { Proposal: var proposal } when proposal.ProposerAddress == node.Address:
                Record(node, (proposal.ProposerAddress, proposal.Height, proposal.Round, 0), proposal.BlockHash, null);
                break;
        }
    }

    private void Record(SimNode node, (Address Signer, ulong Height, uint Round, byte Step) key, Hash256? value, VoteType? voteType)
    {
        if (!_signed.TryGetValue(key, out var values))
        {
            _signed[key] = [value];
            return;
        }

        if (values.Contains(value))
        {
            return;
        }

        values.Add(value);
        if (node.IsHonest)
        {
            Fail($"honest double sign: n{node.Endpoint} signed a second value for height {key.Height} round {key.Round} step {key.Step}");
        }
        else if (voteType is { } type)
        {
            _equivocations.Add((key.Signer, key.Height, key.Round, type));
        }
    }

    private bool Done()
    {
        if (!_healed)
        {
            return false;
        }

        foreach (var node in Nodes)
        {
            if (node.IsHonest && (!node.IsUp || node.Application.LastCommittedHeight < _goal))
            {
                return false;
            }
        }

        return MissingEvidence().Count == 0;
    }

    /// <summary>
    /// Equivocations an honest node could detect (it handled both conflicting votes, at a height where it can use
    /// them) without committed evidence against that validator at that height (punished once per height).
    /// </summary>
    private List<(Address, ulong, uint, VoteType)> MissingEvidence()
    {
        var reference = ReferenceNode();
        var missing = new List<(Address, ulong, uint, VoteType)>();
        foreach (var key in _equivocations)
        {
            if (Detectable(key) && reference is not null && !reference.Application.HasCommittedEvidence(key.Item1, key.Item2))
            {
                missing.Add(key);
            }
        }

        return missing;
    }

    private bool Detectable((Address Signer, ulong Height, uint Round, VoteType Type) key)
    {
        var values = _signed[(key.Signer, key.Height, key.Round, (byte)key.Type)];
        foreach (var seen in _deliveredToHonest.Values)
        {
            if (values.Count(v => seen.Contains((key.Signer, key.Height, key.Round, key.Type, v))) >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private SimNode? ReferenceNode() => Honest.OrderByDescending(n => n.Application.LastCommittedHeight).FirstOrDefault();

    private void ScheduleFaults()
    {
        if (Scenario.Partition is { } sides)
        {
            Scheduler.At(Scenario.PartitionFromMs, () => Network.Partition(sides));
        }

        var honest = Honest.ToList();
        for (var i = 0; i < Scenario.Crashes && honest.Count > 0; i++)
        {
            var node = honest[Random.Next(honest.Count)];
            var at = Random.NextInt64(200, Math.Max(201, Scenario.HealAtMs - 500));
            var how = Random.Next(4);
            var kept = Random.Next(1 << 16);
            var arm = Random.Next(1, 40);
            var afterPersist = Random.Next(2) == 0;
            Scheduler.At(at, () =>
            {
                if (!node.IsUp || _healed)
                {
                    return;
                }

                switch (how)
                {
                    case 0:
                        node.Crash(kept);
                        break;
                    case 1:
                        node.Wal.CrashAtWrite = node.Wal.Writes + arm;
                        break;
                    case 2:
                        node.SignerStore.CrashOnSave = (node.SignerStore.Saves + 1 + (arm % 4), afterPersist);
                        break;
                    default:
                        node.Application.CrashAfterCommitOf = node.Application.LastCommittedHeight + 1;
                        break;
                }
            });
        }

        if (Scenario.Ledger && Scenario.ClientTransactions)
        {
            ScheduleClient();
        }

        Scheduler.At(Scenario.HealAtMs, () =>
        {
            _healed = true;
            Network.Heal();

            // Liveness is about what happens after the heal: every honest node must commit a few more heights.
            _goal = Math.Max(_goal, Honest.Max(n => n.Application.LastCommittedHeight) + 3);
            foreach (var node in Nodes)
            {
                node.Disarm();
                node.Start();
            }

            Trace("network healed");
        });
    }

    /// <summary>A client sending a transfer every 40 ms from one of four funded accounts to every node's mempool.</summary>
    private void ScheduleClient()
    {
        var nonces = new ulong[4];
        var client = new Random(Derive(Seed, 3));
        for (var at = 50L; at < Scenario.HealAtMs + 2_000; at += 40)
        {
            Scheduler.At(at, () =>
            {
                var from = client.Next(4);
                var transaction = new TransactionBuilder()
                    .From(Keys.Account(from))
                    .OnChain(ChainId)
                    .Nonce(nonces[from]++)
                    .Transfer(Keys.Account((from + 1) % 4).Address, 1)
                    .Signed();
                foreach (var node in Nodes)
                {
                    if (node.IsUp && node.Application is LedgerSimChain ledger)
                    {
                        ledger.Submit(transaction);
                    }
                }
            });
        }
    }

    private void CheckAgreementAndValidity()
    {
        var chains = Honest.Select(n => (n.Endpoint, Hashes: n.Application.CommittedHashes)).ToList();
        var longest = chains.Count == 0 ? 0 : chains.Max(c => c.Hashes.Count);
        for (var h = 0; h < longest; h++)
        {
            var values = chains.Where(c => c.Hashes.Count > h).Select(c => c.Hashes[h]).Distinct().ToList();
            if (values.Count > 1)
            {
                Fail($"agreement: honest nodes committed {values.Count} different blocks at height {h + 1}");
                break;
            }
        }

        foreach (var node in Nodes)
        {
            foreach (var violation in node.Application.ValidityViolations)
            {
                Fail($"validity: n{node.Endpoint} committed an invalid block: {violation}");
            }
        }
    }

    private void CheckLiveness()
    {
        foreach (var node in Honest)
        {
            if (node.Application.LastCommittedHeight < _goal)
            {
                Fail($"liveness: n{node.Endpoint} reached only height {node.Application.LastCommittedHeight} of {_goal} within {Scenario.LivenessBoundMs} ms after the heal (round {node.Engine?.State.Round}, step {node.Engine?.State.Step})");
            }
        }
    }

    private void CheckEvidence()
    {
        foreach (var (signer, height, round, type) in MissingEvidence())
        {
            Fail($"evidence: the equivocation of {signer} at height {height} round {round} ({type}) reached an honest node whole but was never committed");
        }
    }

    private Dictionary<int, ByzantineKind> PickByzantine(Scenario scenario)
    {
        var picked = new Dictionary<int, ByzantineKind>();
        if (scenario.ByzantineCount == 0)
        {
            return picked;
        }

        var total = scenario.Powers.Sum();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var candidates = Enumerable.Range(0, scenario.Powers.Length).OrderBy(_ => Random.Next()).Take(scenario.ByzantineCount).ToList();
            if (candidates.Sum(i => scenario.Powers[i]) * 3 < total)
            {
                foreach (var index in candidates.Order())
                {
                    picked[index] = scenario.ByzantineKinds[Random.Next(scenario.ByzantineKinds.Length)];
                }

                return picked;
            }
        }

        throw new InvalidOperationException($"scenario {scenario.Name} has no byzantine subset with less than a third of the power");
    }

    /// <summary>A stream seed from the run seed (SplitMix64), so that streams do not shift each other.</summary>
    private static int Derive(int seed, int stream)
    {
        var z = ((ulong)(uint)seed << 8) + (ulong)stream + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(uint)(z ^ (z >> 31));
    }
}

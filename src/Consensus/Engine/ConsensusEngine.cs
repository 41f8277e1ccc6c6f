using System.Threading.Channels;
using DaiChain.Consensus.Core;
using DaiChain.Consensus.Evidence;
using DaiChain.Consensus.Messages;
using DaiChain.Consensus.Signing;
using DaiChain.Consensus.Staking;
using DaiChain.Consensus.Wal;
using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>
/// The consensus driver: the single reader of a bounded input queue, which authenticates each input, appends it to
/// the write-ahead log, hands it to the <see cref="HeightMachine{TSigned}"/> and runs the effects that come back
/// (sign through the double-sign guard, broadcast, schedule timeouts, build and commit blocks).
/// </summary>
/// <remarks>
/// <para>
/// Persistence rules (docs/spec/consensus.md): every input is appended to the WAL before it is handled; the WAL is
/// synced before any signature is requested, so everything a signature depends on is durable; the guard persists
/// its position before it releases the signature; the signed message is appended after. On <see cref="Start"/>
/// the log of the current height is replayed through the same code, re-using the signed messages it holds, and the
/// node continues where it stopped. A torn last record is cut off.
/// </para>
/// <para>
/// Determinism: everything that depends on the clock or the application's judgement (a proposal's validity and
/// timeliness, the block built for a proposal) is decided before the WAL append and written into the record, so a
/// replay takes the same path. A broken invariant halts the engine (<see cref="Halted"/>): it stops rather than
/// continue on a state it no longer trusts.
/// </para>
/// <para>
/// Not thread-safe except for <see cref="Post"/>: one loop (<see cref="RunAsync"/>, or a simulation calling
/// <see cref="ProcessPending"/>) does all the work.
/// </para>
/// </remarks>
public sealed class ConsensusEngine
{
    /// <summary>Commits sent to a lagging peer in one go (it buffers them and decides them in order).</summary>
    public const int CatchUpBatch = 16;

    /// <summary>Future commits kept while this node catches up.</summary>
    public const int FutureCommitCapacity = 64;

    private readonly ConsensusOptions _options;
    private readonly IConsensusApplication _app;
    private readonly IConsensusTransport _transport;
    private readonly TimeProvider _clock;
    private readonly GuardedSigner? _signer;
    private readonly ISignatureVerifier _verifier;
    private readonly WriteAheadLog _wal;
    private readonly EvidencePool _pool;
    private readonly Channel<EngineInput> _inbox;
    private readonly Channel<EngineInput> _internal;
    private readonly Channel<bool> _wakeup = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly List<RoundEffect> _effects = [];
    private readonly List<ITimer> _timers = [];
    private readonly Dictionary<Hash256, byte[]> _blocks = [];
    private readonly Dictionary<Hash256, BlockVerdict> _verdicts = [];
    private readonly List<(int Round, ConsensusMessage Message)> _own = [];
    private readonly Queue<EngineInput.FromPeer> _nextHeight = new();
    private readonly SortedDictionary<ulong, CommitMessage> _futureCommits = [];
    private readonly Dictionary<PeerId, (ulong Height, long AtMs)> _catchUps = [];
    private readonly Dictionary<(SignStep Step, uint Round), WalRecord> _ownRecords = [];
    private ITimer? _gossipTimer;
    private int _gossipQueued;
    private long _inboxOverflows;

    private HeightMachine<Vote> _machine = null!;
    private HeightMachine<Vote>? _previous;
    private ValidatorSet _validators = null!;
    private ulong _height;
    private int _selfIndex = -1;
    private bool _replaying;
    private bool _advance;
    private int _deferredGetValue = -1;

    public ConsensusEngine(
        ConsensusOptions options,
        IConsensusApplication application,
        IConsensusTransport transport,
        TimeProvider clock,
        IWalFile walFile,
        GuardedSigner? signer,
        ISignatureVerifier? verifier = null)
    {
        _options = options;
        _app = application;
        _transport = transport;
        _clock = clock;
        _signer = signer;
        _verifier = verifier ?? Secp256k1SignatureVerifier.Instance;
        _wal = new WriteAheadLog(walFile);
        _pool = new EvidencePool(options.EvidencePoolCapacity);
        // Wait mode: TryWrite (never waits) returns false when full, so Post can count the drop. DropWrite would
        // report success for a message it throws away.
        _inbox = Channel.CreateBounded<EngineInput>(new BoundedChannelOptions(options.InboxCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _internal = Channel.CreateUnbounded<EngineInput>(new UnboundedChannelOptions { SingleReader = true });
    }

    /// <summary>The height being decided.</summary>
    public ulong Height => _height;

    /// <summary>The algorithm state of the current height.</summary>
    public RoundState State => _machine.State;

    /// <summary>The validator set of the current height.</summary>
    public ValidatorSet Validators => _validators;

    /// <summary>This node's index in the current validator set, or -1.</summary>
    public int SelfIndex => _selfIndex;

    public EngineMetrics Metrics { get; } = new();

    public EvidencePool EvidencePool => _pool;

    /// <summary>Set when a broken invariant stopped the engine; it handles nothing after that.</summary>
    public Exception? Halted { get; private set; }

    public bool IsStarted { get; private set; }

    private long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Opens the WAL (repairing a torn tail), works out the current height from the application, replays the
    /// height's log, and starts the gossip timer.
    /// </summary>
    /// <exception cref="WalCorruptException">The log is damaged before its end.</exception>
    public void Start()
    {
        Invariant.Check(!IsStarted, "the engine was started twice");
        IsStarted = true;
        try
        {
            StartFromLog();
        }
        catch (InvariantViolationException e)
        {
            Halt(e);
            throw;
        }

        _gossipTimer = _clock.CreateTimer(static state => ((ConsensusEngine)state!).QueueGossip(), this, _options.GossipInterval, _options.GossipInterval);
    }

    /// <summary>Queues a message from the network. False when the engine halted or its inbox is full (dropped).</summary>
    public bool Post(PeerId from, ConsensusMessage message)
    {
        if (Halted is not null)
        {
            return false;
        }

        if (_inbox.Writer.TryWrite(new EngineInput.FromPeer(from, message)))
        {
            _wakeup.Writer.TryWrite(true);
            return true;
        }

        Interlocked.Increment(ref _inboxOverflows);
        Metrics.InboxOverflows = Interlocked.Read(ref _inboxOverflows);
        return false;
    }

    /// <summary>Handles every queued input (timers first), then returns how many it handled.</summary>
    /// <exception cref="InvariantViolationException">An invariant broke; the engine is halted.</exception>
    public int ProcessPending()
    {
        var handled = 0;
        while (Halted is null && (_internal.Reader.TryRead(out var input) || _inbox.Reader.TryRead(out input)))
        {
            Handle(input);
            handled++;
        }

        return handled;
    }

    /// <summary>
    /// The engine's loop: handles inputs as they arrive until cancelled, stopped or halted. Every post (peer
    /// message or timer) leaves one wake-up token (at most one is pending), so the loop never misses an input
    /// and never spins.
    /// </summary>
    /// <exception cref="InvariantViolationException">An invariant broke; the engine is halted.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Invariant.Check(IsStarted, "start the engine before running it");
        while (Halted is null)
        {
            ProcessPending();
            try
            {
                if (!await _wakeup.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            _wakeup.Reader.TryRead(out _);
        }
    }

    /// <summary>Stops the timers (the engine handles nothing further). For shutdown and for simulated crashes.</summary>
    public void Stop()
    {
        _gossipTimer?.Dispose();
        DisposeTimers();
        _inbox.Writer.TryComplete();
        _internal.Writer.TryComplete();
        _wakeup.Writer.TryComplete();
    }

    private void Handle(EngineInput input)
    {
        try
        {
            Metrics.InputsHandled++;
            switch (input)
            {
                case EngineInput.FromPeer peer:
                    HandleMessage(peer.Peer, peer.Message);
                    break;
                case EngineInput.TimeoutFired timeout:
                    HandleTimeout(timeout.Kind, timeout.Height, timeout.Round, replayed: false);
                    break;
                case EngineInput.StartHeight start:
                    HandleStart(start.Height, replayed: false);
                    break;
                case EngineInput.GossipTick:
                    Interlocked.Exchange(ref _gossipQueued, 0);
                    Gossip();
                    break;
                default:
                    throw new InvariantViolationException($"unknown engine input {input.GetType().Name}");
            }

            AdvanceWhileDecided();
        }
        catch (InvariantViolationException e)
        {
            Halt(e);
            throw;
        }
    }

    private void Halt(Exception reason)
    {
        Halted ??= reason;
        Stop();
    }

    // ---- start and replay -------------------------------------------------------------------------------------

    private void StartFromLog()
    {
        var contents = _wal.Open();
        Metrics.WalTornBytes = contents.TornBytes;
        var records = new List<WalRecord>(contents.Records.Count);
        foreach (var bytes in contents.Records)
        {
            try
            {
                records.Add(Canonical.Decode<WalRecord>(bytes));
            }
            catch (CodecException e)
            {
                throw new WalCorruptException($"a consensus WAL record passed its checksum but does not decode: {e.Message}", e);
            }
        }

        var next = _app.LastCommittedHeight + 1;
        var start = records.Count > 0 ? records[0] as WalRecord.HeightStarted : null;
        Invariant.Check(records.Count == 0 || start is not null, "the consensus WAL does not begin with a height start");
        Invariant.Check(start is null || start.Height <= next, $"the WAL is at height {start?.Height} but the application has committed only {next - 1}: the application lost a committed block");

        foreach (var record in records)
        {
            if (record is WalRecord.Evidence evidence)
            {
                _pool.Add(evidence.Item);
            }
        }

        var schedule = ScheduleFor(next, start);
        if (start is null || start.Height != next)
        {
            EnterHeight(next, schedule, resetWal: true);
            return;
        }

        foreach (var record in records)
        {
            switch (record)
            {
                case WalRecord.OwnProposal own:
                    _ownRecords[(SignStep.Proposal, own.Signed.Round)] = own;
                    break;
                case WalRecord.OwnVote own:
                    _ownRecords[(own.Signed.Type == VoteType.Prevote ? SignStep.Prevote : SignStep.Precommit, own.Signed.Round)] = own;
                    break;
            }
        }

        _replaying = true;
        try
        {
            EnterHeight(next, schedule, resetWal: false);
            for (var i = 1; i < records.Count && !_advance; i++)
            {
                Metrics.WalRecordsReplayed++;
                Replay(records[i]);
            }
        }
        finally
        {
            _replaying = false;
            _ownRecords.Clear();
        }

        if (!_advance && _machine.State.Step == ConsensusStep.Unstarted)
        {
            ScheduleStart();
        }

        // A getValue() whose answer never reached the log: ask now, if the round still wants it.
        if (!_advance && _deferredGetValue >= 0 && _machine.State.Round == _deferredGetValue
            && _machine.State.Step == ConsensusStep.Propose && _machine.IsProposer(_deferredGetValue))
        {
            BuildValue(_deferredGetValue);
            RunEffects();
        }

        _deferredGetValue = -1;
        AdvanceWhileDecided();
        Gossip();
    }

    private void Replay(WalRecord record)
    {
        switch (record)
        {
            case WalRecord.Proposal proposal:
                HandleProposal(PeerId.Self, new ProposalMessage(proposal.Signed, proposal.Block), proposal);
                break;
            case WalRecord.Vote vote:
                HandleVote(PeerId.Self, vote.Signed, replayed: true);
                break;
            case WalRecord.Timeout timeout:
                HandleTimeout(timeout.TimeoutKind, timeout.Height, timeout.Round, replayed: true);
                break;
            case WalRecord.ValueBuilt built:
                Invariant.Check(built.Height == _height, "a WAL value for another height");
                _deferredGetValue = -1;
                _blocks[built.Hash] = built.Block;
                _machine.OnValueReady(built.Round, built.Hash, _effects);
                RunEffects();
                break;
            case WalRecord.Commit commit:
                HandleCommit(PeerId.Self, new CommitMessage(commit.Block, commit.Certificate), commit);
                break;
            case WalRecord.Start start:
                HandleStart(start.Height, replayed: true);
                break;
            case WalRecord.HeightStarted:
                throw new InvariantViolationException("a second height start inside one height's WAL");
            default:
                // Own messages are re-used through _ownRecords when the replay asks to sign them; evidence was loaded.
                break;
        }
    }

    /// <summary>The proposer schedule of <paramref name="height"/>, from the WAL's height start or from the validator sets.</summary>
    private ProposerSchedule ScheduleFor(ulong height, WalRecord.HeightStarted? start)
    {
        ProposerSchedule schedule;
        ulong from;
        if (start is not null && ValidatorsOrNull(start.Height) is { } known && known.Hash == start.ValidatorsHash)
        {
            schedule = ProposerSchedule.Restore(Committee.FromValidatorSet(known), start.Priorities, start.Proposer);
            from = start.Height;
        }
        else
        {
            // No usable starting point: derive from genesis. Costs one run per height, once.
            schedule = ProposerSchedule.Genesis(Committee.FromValidatorSet(ValidatorsOf(1)));
            from = 1;
        }

        for (var h = from + 1; h <= height; h++)
        {
            schedule = schedule.NextHeight(Committee.FromValidatorSet(ValidatorsOf(h)));
        }

        return schedule;
    }

    private ValidatorSet? ValidatorsOrNull(ulong height) => height == 0 ? null : _app.ValidatorsAt(height);

    private ValidatorSet ValidatorsOf(ulong height) =>
        ValidatorsOrNull(height) ?? throw new InvariantViolationException($"the application does not know the validator set of height {height}");

    // ---- heights -----------------------------------------------------------------------------------------------

    private void EnterHeight(ulong height, ProposerSchedule schedule, bool resetWal)
    {
        DisposeTimers();
        _blocks.Clear();
        _verdicts.Clear();
        _own.Clear();
        _effects.Clear();
        _advance = false;
        _height = height;
        _validators = ValidatorsOf(height);
        Invariant.Check(schedule.Committee.SameAs(Committee.FromValidatorSet(_validators)), $"proposer schedule and validator set disagree at height {height}");
        _selfIndex = _signer is null ? -1 : schedule.Committee.IndexOf(_signer.Address);
        _previous = _machine is { } finished && (ulong)finished.Height + 1 == height ? finished : null;
        _machine = new HeightMachine<Vote>(checked((long)height), schedule, _selfIndex);
        if (resetWal)
        {
            var records = new List<byte[]>
            {
                Canonical.Encode<WalRecord>(new WalRecord.HeightStarted(height, _validators.Hash, schedule.Priorities, schedule.Proposer)),
            };
            records.AddRange(_pool.All.Select(e => Canonical.Encode<WalRecord>(new WalRecord.Evidence(e))));
            _wal.Reset(records);
        }

        if (_replaying)
        {
            return;
        }

        ScheduleStart();

        // Catch-up commits and messages that arrived early for this height.
        while (!_advance && _futureCommits.Count > 0 && _futureCommits.First().Key <= height)
        {
            var (at, commit) = _futureCommits.First();
            _futureCommits.Remove(at);
            if (at == height)
            {
                HandleCommit(PeerId.Self, commit, replayed: null);
            }
        }

        var pending = _nextHeight.Count;
        for (var i = 0; i < pending && !_advance; i++)
        {
            var early = _nextHeight.Dequeue();
            if (early.Message.Height == height)
            {
                HandleMessage(early.Peer, early.Message);
            }
        }

        if (_advance)
        {
            _nextHeight.Clear();
        }
    }

    /// <summary>Lines 52-54: after a decision, move to the next height (repeatedly, if buffered commits decide it too).</summary>
    private void AdvanceWhileDecided()
    {
        while (_advance && Halted is null)
        {
            var decided = _height;
            var next = ValidatorsOf(decided + 1);
            var schedule = _machine.Schedule.NextHeight(Committee.FromValidatorSet(next));
            _replaying = false;
            EnterHeight(decided + 1, schedule, resetWal: true);
        }
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    private void HandleMessage(PeerId peer, ConsensusMessage message)
    {
        switch (message)
        {
            case ProposalMessage proposal:
                HandleProposal(peer, proposal, replayed: null);
                break;
            case VoteMessage vote:
                HandleVote(peer, vote.Vote, replayed: false);
                break;
            case CommitMessage commit:
                HandleCommit(peer, commit, replayed: null);
                break;
            case EvidenceMessage evidence:
                HandleEvidence(peer, evidence.Evidence);
                break;
            default:
                Metrics.RejectedMessages++;
                break;
        }
    }

    private void HandleProposal(PeerId peer, ProposalMessage message, WalRecord.Proposal? replayed)
    {
        var p = message.Proposal;
        if (p.Height != _height)
        {
            OtherHeight(peer, message);
            return;
        }

        if (p.Round > HeightMachine<Vote>.MaxRound || p.ProposerIndex >= _validators.Count
            || _validators[p.ProposerIndex].Address != p.ProposerAddress)
        {
            Metrics.RejectedMessages++;
            return;
        }

        var view = new ProposalView((int)p.Round, p.BlockHash, p.ValidRound, p.ProposerIndex);
        if (_machine.ProposalsOf(view.Round).Contains(view))
        {
            Metrics.DuplicateMessages++;
            return;
        }

        bool valid, timely;
        if (replayed is not null)
        {
            (valid, timely) = (replayed.IsValid, replayed.IsTimely);
            _blocks.TryAdd(p.BlockHash, replayed.Block);
        }
        else
        {
            if (!_verifier.Verify(p.Digest(_options.ChainId), p.Signature, p.ProposerAddress))
            {
                InvalidSignature(peer, $"proposal for height {p.Height} round {p.Round} has a signature that is not {p.ProposerAddress}'s");
                return;
            }

            var verdict = Judge(p.BlockHash, message.Block);
            if (verdict.Hash != p.BlockHash)
            {
                // The bytes are not the block the proposer signed: drop the message, not the proposer.
                Metrics.RejectedMessages++;
                return;
            }

            valid = verdict.IsValid;
            timely = p.ValidRound >= 0 || IsTimely(verdict.TimeMs);
            message = new ProposalMessage(p, _blocks[p.BlockHash]);
            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.Proposal(p, message.Block, valid, timely)));
        }

        var result = _machine.OnProposal(view, valid, timely, _effects);
        if (result is ProposalResult.Accepted or ProposalResult.Conflict && replayed is null && _options.RelayMessages && peer != PeerId.Self)
        {
            _transport.Broadcast(message);
        }

        RunEffects();
    }

    private void HandleVote(PeerId peer, Vote vote, bool replayed)
    {
        if (vote.Height != _height)
        {
            if (vote.Height + 1 == _height && !replayed)
            {
                CheckLateVote(vote);
            }

            OtherHeight(peer, new VoteMessage(vote));
            return;
        }

        if (vote.Round > HeightMachine<Vote>.MaxRound || vote.ValidatorIndex >= _validators.Count
            || _validators[vote.ValidatorIndex].Address != vote.ValidatorAddress)
        {
            Metrics.RejectedMessages++;
            return;
        }

        var core = ToCore(vote);
        if (_machine.Keeper.Round(core.Round)?.Of(core.Kind).HasVotedFor(core.ValidatorIndex, core.Value) == true)
        {
            Metrics.DuplicateMessages++;
            return;
        }

        if (!replayed)
        {
            if (!_verifier.Verify(vote.Digest(_options.ChainId), vote.Signature, vote.ValidatorAddress))
            {
                InvalidSignature(peer, $"{vote.Type} for height {vote.Height} round {vote.Round} has a signature that is not {vote.ValidatorAddress}'s");
                return;
            }

            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.Vote(vote)));
        }

        var result = _machine.OnVote(core, vote, _effects, out var existing);
        if (result == VoteAddResult.Conflict)
        {
            OnEquivocation(existing!, vote);
        }

        if (result is VoteAddResult.Added or VoteAddResult.Conflict && !replayed && _options.RelayMessages && peer != PeerId.Self)
        {
            _transport.Broadcast(new VoteMessage(vote));
        }

        RunEffects();
    }

    private void HandleCommit(PeerId peer, CommitMessage message, WalRecord.Commit? replayed)
    {
        var certificate = message.Certificate;
        if (certificate.Height != _height)
        {
            if (certificate.Height > _height && certificate.Height <= _height + FutureCommitCapacity && replayed is null)
            {
                _futureCommits.TryAdd(certificate.Height, message);
            }

            return;
        }

        if (certificate.Round > HeightMachine<Vote>.MaxRound)
        {
            Metrics.RejectedMessages++;
            return;
        }

        var votes = CertificateVotes(certificate);
        if (votes is null)
        {
            Metrics.RejectedMessages++;
            return;
        }

        bool valid;
        if (replayed is not null)
        {
            valid = replayed.IsValid;
            _blocks.TryAdd(certificate.BlockHash, replayed.Block);
        }
        else
        {
            if (_machine.ValidityOf(certificate.BlockHash) is { } known && _blocks.ContainsKey(certificate.BlockHash))
            {
                valid = known;
            }
            else
            {
                var verdict = Judge(certificate.BlockHash, message.Block);
                if (verdict.Hash != certificate.BlockHash)
                {
                    Metrics.RejectedMessages++;
                    return;
                }

                valid = verdict.IsValid;
            }

            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.Commit(_blocks[certificate.BlockHash], certificate, valid)));
        }

        _machine.OnValue(certificate.BlockHash, valid, _effects);
        foreach (var vote in votes)
        {
            if (_machine.OnVote(ToCore(vote), vote, _effects, out var existing) == VoteAddResult.Conflict)
            {
                OnEquivocation(existing!, vote);
            }
        }

        RunEffects();
    }

    /// <summary>A message from <paramref name="peer"/> failed signature verification: rejected, and the peer reported.</summary>
    private void InvalidSignature(PeerId peer, string reason)
    {
        Metrics.RejectedMessages++;
        if (peer != PeerId.Self)
        {
            Metrics.InvalidSignaturePeers++;
            _transport.ReportInvalidSignature(peer, reason);
        }
    }

    /// <summary>The certificate's precommits as votes, if every signature verifies and they hold +2/3; else null.</summary>
    private List<Vote>? CertificateVotes(CommitCertificate certificate)
    {
        var votes = new List<Vote>(certificate.Signatures.Count);
        ulong power = 0;
        foreach (var entry in certificate.Signatures)
        {
            if (entry.ValidatorIndex >= _validators.Count)
            {
                return null;
            }

            var validator = _validators[entry.ValidatorIndex];
            var vote = new Vote(VoteType.Precommit, certificate.Height, certificate.Round, certificate.BlockHash, entry.TimestampMs, validator.Address, entry.ValidatorIndex, entry.Signature);
            if (!_verifier.Verify(vote.Digest(_options.ChainId), vote.Signature, validator.Address))
            {
                return null;
            }

            power += validator.Power;
            votes.Add(vote);
        }

        return _validators.IsQuorum(power) ? votes : null;
    }

    private void HandleEvidence(PeerId peer, DuplicateVoteEvidence evidence)
    {
        if (evidence.Height > _height || evidence.Height + _pool.MaxAgeHeights < _height
            || ValidatorsOrNull(evidence.Height) is not { } validators
            || !validators.TryGetIndex(evidence.ValidatorAddress, out var index)
            || evidence.VoteA.ValidatorIndex != index || evidence.VoteB.ValidatorIndex != index)
        {
            Metrics.RejectedMessages++;
            return;
        }

        if (!_verifier.Verify(evidence.VoteA.Digest(_options.ChainId), evidence.VoteA.Signature, evidence.ValidatorAddress)
            || !_verifier.Verify(evidence.VoteB.Digest(_options.ChainId), evidence.VoteB.Signature, evidence.ValidatorAddress))
        {
            InvalidSignature(peer, $"evidence against {evidence.ValidatorAddress} at height {evidence.Height} carries a vote it did not sign");
            return;
        }

        if (_pool.Add(evidence))
        {
            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.Evidence(evidence)));
            if (_options.RelayMessages)
            {
                _transport.Broadcast(new EvidenceMessage(evidence));
            }
        }
    }

    /// <summary>Line 10 for the current height, once the commit pause is over.</summary>
    private void HandleStart(ulong height, bool replayed)
    {
        if (height != _height || _machine.State.Step != ConsensusStep.Unstarted)
        {
            Metrics.StaleTimeouts++;
            return;
        }

        if (!replayed)
        {
            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.Start(height)));
        }

        _machine.Start(_effects);
        RunEffects();
    }

    private void ScheduleStart()
    {
        var timer = _clock.CreateTimer(
            static state =>
            {
                var (engine, start) = ((ConsensusEngine, EngineInput.StartHeight))state!;
                engine.PostInternal(start);
            },
            (this, new EngineInput.StartHeight(_height)),
            _options.CommitTimeout,
            Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
    }

    private void HandleTimeout(TimeoutKind kind, ulong height, int round, bool replayed)
    {
        var state = _machine.State;
        var passed = round < state.Round || (round == state.Round && kind switch
        {
            TimeoutKind.Propose => state.Step > ConsensusStep.Propose,
            TimeoutKind.Prevote => state.Step > ConsensusStep.Prevote,
            _ => false,
        });
        if (height != _height || passed || state.Step == ConsensusStep.Commit)
        {
            Metrics.StaleTimeouts++;
            return;
        }

        if (!replayed)
        {
            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.Timeout(kind, height, round)));
        }

        _machine.OnTimeout(kind, round, _effects);
        RunEffects();
    }

    /// <summary>
    /// A vote for the height just decided: counted in that height's log (no rule runs there any more) only to
    /// catch an equivocation whose second vote arrived after the decision, and relayed for the same reason.
    /// </summary>
    private void CheckLateVote(Vote vote)
    {
        if (_previous is not { } previous || vote.Round > HeightMachine<Vote>.MaxRound
            || vote.ValidatorIndex >= previous.Committee.Count
            || previous.Committee.AddressOf(vote.ValidatorIndex) != vote.ValidatorAddress)
        {
            return;
        }

        var core = ToCore(vote);
        if (previous.Keeper.Round(core.Round)?.Of(core.Kind).HasVotedFor(core.ValidatorIndex, core.Value) == true
            || !_verifier.Verify(vote.Digest(_options.ChainId), vote.Signature, vote.ValidatorAddress))
        {
            return;
        }

        var result = previous.Keeper.Add(core, vote, previous.State.Round, out var existing);
        if (result == VoteAddResult.Conflict)
        {
            OnEquivocation(existing!, vote);
        }

        // Pass it on: peers that saw the equivocator's other vote can only catch it if they get this one too.
        if (result is VoteAddResult.Added or VoteAddResult.Conflict && _options.RelayMessages)
        {
            _transport.Broadcast(new VoteMessage(vote));
        }
    }

    /// <summary>A message for another height: keep it for the next one, or help a peer that is behind.</summary>
    private void OtherHeight(PeerId peer, ConsensusMessage message)
    {
        if (_replaying)
        {
            return;
        }

        if (message.Height == _height + 1)
        {
            if (_nextHeight.Count < _options.NextHeightBufferCapacity)
            {
                _nextHeight.Enqueue(new EngineInput.FromPeer(peer, message));
                Metrics.BufferedFutureMessages++;
            }
            else
            {
                Metrics.DroppedFutureMessages++;
            }

            return;
        }

        if (message.Height < _height && peer != PeerId.Self)
        {
            SendCatchUp(peer, message.Height);
        }
    }

    private void SendCatchUp(PeerId peer, ulong height)
    {
        var now = NowMs;
        if (_catchUps.TryGetValue(peer, out var last) && last.Height == height && now - last.AtMs < (long)_options.GossipInterval.TotalMilliseconds)
        {
            return;
        }

        _catchUps[peer] = (height, now);
        for (var h = height; h < _height && h < height + CatchUpBatch; h++)
        {
            if (_app.LoadCommitted(h) is not { } committed)
            {
                break;
            }

            _transport.Send(peer, new CommitMessage(committed.Block, committed.Certificate));
            Metrics.CatchUpsSent++;
        }
    }

    private void OnEquivocation(Vote first, Vote second)
    {
        Metrics.EquivocationsDetected++;
        var evidence = new DuplicateVoteEvidence(first, second);
        if (_pool.Add(evidence) && !_replaying)
        {
            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.Evidence(evidence)));
            _transport.Broadcast(new EvidenceMessage(evidence));
        }
    }

    /// <summary>
    /// The application's verdict on block bytes, cached per block hash. Bytes that decode are kept under their
    /// hash, so a cached verdict always goes with bytes known to have that hash, never with a later message's.
    /// </summary>
    private BlockVerdict Judge(Hash256 claimedHash, byte[] block)
    {
        if (_verdicts.TryGetValue(claimedHash, out var known))
        {
            return known;
        }

        var verdict = _app.ValidateBlock(_height, block);
        if (verdict.Hash is { } hash && _verdicts.TryAdd(hash, verdict))
        {
            _blocks.TryAdd(hash, block);
        }

        return verdict;
    }

    /// <summary>Block time bound: after the last block's time and not further ahead of the local clock than allowed.</summary>
    private bool IsTimely(long blockTimeMs) =>
        blockTimeMs > _app.LastBlockTimeMs && blockTimeMs <= NowMs + (long)_options.MaxClockDrift.TotalMilliseconds;

    private static ConsensusVote ToCore(Vote vote) =>
        new(vote.Type, checked((long)vote.Height), (int)vote.Round, vote.BlockHash, vote.ValidatorIndex);

    // ---- effects -----------------------------------------------------------------------------------------------

    private void RunEffects()
    {
        for (var i = 0; i < _effects.Count && !_advance; i++)
        {
            switch (_effects[i])
            {
                case RoundEffect.RoundStarted started:
                    _own.RemoveAll(own => own.Round < started.Round - 1);
                    break;
                case RoundEffect.ScheduleTimeout timeout:
                    Schedule(timeout);
                    break;
                case RoundEffect.GetValue getValue:
                    if (_replaying)
                    {
                        _deferredGetValue = getValue.Round;
                    }
                    else
                    {
                        BuildValue(getValue.Round);
                    }

                    break;
                case RoundEffect.Propose propose:
                    Propose(propose);
                    break;
                case RoundEffect.Vote vote:
                    CastVote(vote);
                    break;
                case RoundEffect.Decide decide:
                    Decide(decide);
                    break;
                default:
                    throw new InvariantViolationException($"unknown effect {_effects[i].GetType().Name}");
            }
        }

        _effects.Clear();
    }

    private void Schedule(RoundEffect.ScheduleTimeout timeout)
    {
        var input = new EngineInput.TimeoutFired(timeout.Kind, checked((ulong)timeout.Height), timeout.Round);
        var timer = _clock.CreateTimer(
            static state =>
            {
                var (engine, fired) = ((ConsensusEngine, EngineInput.TimeoutFired))state!;
                engine.PostInternal(fired);
            },
            (this, input),
            _options.Timeouts.Duration(timeout.Kind, timeout.Round),
            Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
    }

    private void BuildValue(int round)
    {
        Invariant.Check(_signer is not null, "asked to propose without a signer");
        var time = Math.Max(NowMs, _app.LastBlockTimeMs + 1);
        var built = _app.BuildProposal(new BlockRequest(_height, (uint)round, time, _signer!.Address, _pool.Pending(_options.MaxEvidencePerBlock)));
        _blocks[built.Hash] = built.Block;
        _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.ValueBuilt(_height, round, built.Hash, built.Block)));
        _machine.OnValueReady(round, built.Hash, _effects);
    }

    private void Propose(RoundEffect.Propose propose)
    {
        if (_signer is null || _selfIndex < 0)
        {
            return;
        }

        Invariant.Check(_blocks.TryGetValue(propose.Value, out var block), $"proposing block {propose.Value} that this node does not have");
        SignedProposal signed;
        if (_replaying && _ownRecords.TryGetValue((SignStep.Proposal, (uint)propose.Round), out var record))
        {
            signed = ((WalRecord.OwnProposal)record).Signed;
            Invariant.Check(signed.BlockHash == propose.Value && signed.ValidRound == propose.ValidRound, "WAL replay diverged: a different proposal than the one signed");
        }
        else
        {
            _wal.Sync();
            try
            {
                signed = _signer.SignProposal(_height, (uint)propose.Round, propose.ValidRound, propose.Value, _selfIndex);
            }
            catch (SignRefusedException e)
            {
                Refused(e);
                return;
            }

            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.OwnProposal(signed)));
        }

        var message = new ProposalMessage(signed, block!);
        _own.Add((propose.Round, message));
        _machine.OnProposal(new ProposalView(propose.Round, propose.Value, propose.ValidRound, _selfIndex), true, true, _effects);
        if (!_replaying)
        {
            _transport.Broadcast(message);
        }
    }

    private void CastVote(RoundEffect.Vote effect)
    {
        if (_signer is null || _selfIndex < 0)
        {
            return;
        }

        var type = effect.Kind;
        var step = type == VoteType.Prevote ? SignStep.Prevote : SignStep.Precommit;
        Vote vote;
        if (_replaying && _ownRecords.TryGetValue((step, (uint)effect.Round), out var record))
        {
            vote = ((WalRecord.OwnVote)record).Signed;
            Invariant.Check(vote.BlockHash == effect.Value, "WAL replay diverged: a different vote than the one signed");
        }
        else
        {
            var timestamp = NowMs;
            if (type == VoteType.Precommit)
            {
                // BFT time: precommit times feed the next block's time bound, so they never go back.
                timestamp = Math.Max(timestamp, _app.LastBlockTimeMs + 1);
            }

            _wal.Sync();
            try
            {
                vote = _signer.SignVote(type, _height, (uint)effect.Round, effect.Value, timestamp, _selfIndex);
            }
            catch (SignRefusedException e)
            {
                Refused(e);
                return;
            }

            _wal.Append(Canonical.Encode<WalRecord>(new WalRecord.OwnVote(vote)));
        }

        _own.Add((effect.Round, new VoteMessage(vote)));
        if (_machine.OnVote(ToCore(vote), vote, _effects, out var existing) == VoteAddResult.Conflict)
        {
            // Another instance with this key voted differently first (a misconfigured twin): evidence against ourselves.
            OnEquivocation(existing!, vote);
        }

        if (!_replaying)
        {
            _transport.Broadcast(new VoteMessage(vote));
        }
    }

    private void Refused(SignRefusedException e)
    {
        Metrics.SignaturesRefused++;
        Metrics.LastRefusal = e.Message;
    }

    private void Decide(RoundEffect.Decide decide)
    {
        var height = checked((ulong)decide.Height);
        Invariant.Check(height == _height, $"decided height {height} while at {_height}");
        Invariant.Check(_blocks.TryGetValue(decide.Value, out var block), $"decided block {decide.Value} that this node does not have");
        var precommits = _machine.Keeper.Round(decide.Round)!.Precommits.VotesFor(decide.Value);
        var certificate = CommitCertificate.FromPrecommits(height, (uint)decide.Round, decide.Value, precommits);
        if (_app.LastCommittedHeight < height)
        {
            Invariant.Check(_app.LastCommittedHeight == height - 1, $"the application is at height {_app.LastCommittedHeight}, cannot commit {height}");
            var outcome = _app.Commit(height, block!, certificate);
            Invariant.Check(_app.LastCommittedHeight == height, $"the application did not commit height {height}");
            _pool.OnCommitted(height, outcome.Evidence);
        }

        Metrics.HeightsCommitted++;
        _advance = true;
    }

    // ---- gossip ------------------------------------------------------------------------------------------------

    private void QueueGossip()
    {
        if (Interlocked.Exchange(ref _gossipQueued, 1) == 0)
        {
            PostInternal(new EngineInput.GossipTick());
        }
    }

    /// <summary>Timer callbacks (any thread): queue the input and wake the loop.</summary>
    private void PostInternal(EngineInput input)
    {
        if (_internal.Writer.TryWrite(input))
        {
            _wakeup.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// Re-sends this node's own messages of the current and previous round and its pending evidence: the
    /// retransmission that Algorithm 1's gossip assumption needs, so that lost messages cannot stall a round.
    /// </summary>
    private void Gossip()
    {
        if (_replaying || Halted is not null || !IsStarted)
        {
            return;
        }

        foreach (var (_, message) in _own)
        {
            _transport.Broadcast(message);
        }

        var pending = _pool.Pending(4);
        foreach (var evidence in pending)
        {
            _transport.Broadcast(new EvidenceMessage(evidence));
        }
    }

    private void DisposeTimers()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }
}

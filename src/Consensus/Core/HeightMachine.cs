using DaiChain.Consensus.Staking;
using DaiChain.Ledger;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>
/// One height of consensus: the <see cref="RoundState"/> of Algorithm 1 plus its message log (proposals, votes,
/// value validity). Each input is stored, the "upon" rules whose conditions became true are found and fed to
/// <see cref="RoundMachine"/>.Apply, and the resulting effects are returned to the driver.
/// </summary>
/// <remarks>
/// <para>
/// Deterministic and free of I/O: the same inputs in the same order give the same state and effects, which is
/// what write-ahead-log replay and the seeded simulation rely on. Rules are evaluated in a fixed order (line 49,
/// line 55, then the rules of the current round in line order) until none fires. Inputs that arrive before
/// <see cref="Start"/> are stored; only line 49 may fire before it. "For the first time"
/// (lines 34, 36, 47) is tracked per round; since <c>round_p</c> only grows, only the current round's flags matter.
/// </para>
/// <para>
/// Two deliberate readings of the paper: line 49 decides on any known valid value with +2/3 precommits in round
/// <c>r</c>, whether it came with round <c>r</c>'s proposal or otherwise (a commit fetched from a peer): the value is
/// identified by its hash, which is what the proposal's signature bound it to. Line 55 counts the distinct
/// validators that sent prevotes or precommits in the round; proposals are not counted.
/// </para>
/// </remarks>
/// <typeparam name="TSigned">The signed vote kept for certificates and evidence.</typeparam>
public sealed class HeightMachine<TSigned>
    where TSigned : class
{
    /// <summary>Proposals are accepted for rounds up to <c>round_p</c> plus this.</summary>
    public const int ProposalRoundWindow = 4;

    /// <summary>The highest round any input may name; beyond it the timeouts are at their cap for days.</summary>
    public const int MaxRound = 1 << 20;

    private readonly ProposerCursor _proposers;
    private readonly Dictionary<int, ProposalSlot> _proposals = [];
    private readonly Dictionary<Hash256, bool> _validity = [];
    private RoundFlags _fired;
    private int _firedRound = -1;

    public HeightMachine(long height, ProposerSchedule schedule, int selfIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(selfIndex, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(selfIndex, schedule.Committee.Count);
        Height = height;
        Committee = schedule.Committee;
        Schedule = schedule;
        SelfIndex = selfIndex;
        _proposers = new ProposerCursor(schedule);
        Keeper = new VoteKeeper<TSigned>(Committee, height);
        State = RoundState.Initial(height);
    }

    [Flags]
    private enum RoundFlags : byte
    {
        None = 0,
        PolkaAny = 1,
        PolkaValue = 2,
        PrecommitAny = 4,
    }

    public long Height { get; }

    public Committee Committee { get; }

    public ProposerSchedule Schedule { get; }

    /// <summary>This node's validator index at this height, or -1 when it only follows.</summary>
    public int SelfIndex { get; }

    public RoundState State { get; private set; }

    public VoteKeeper<TSigned> Keeper { get; }

    /// <summary>Set when +2/3 precommitted a value this node does not have: the driver should fetch it.</summary>
    public Hash256? MissingDecisionValue { get; private set; }

    /// <summary><c>proposer(h_p, round)</c>.</summary>
    public int ProposerOf(int round) => _proposers.ProposerOf(round);

    public bool IsProposer(int round) => SelfIndex >= 0 && ProposerOf(round) == SelfIndex;

    /// <summary>The proposals stored for <paramref name="round"/> (the first, then a conflicting one if any).</summary>
    public IReadOnlyList<ProposalView> ProposalsOf(int round)
    {
        if (!_proposals.TryGetValue(round, out var slot))
        {
            return [];
        }

        return slot.Count == 2 ? [slot[0], slot[1]] : [slot[0]];
    }

    /// <summary>Whether <paramref name="value"/> is known, and if so whether the application found it valid.</summary>
    public bool? ValidityOf(Hash256 value) => _validity.TryGetValue(value, out var valid) ? valid : null;

    /// <summary>Line 10: <c>upon start do StartRound(0)</c>.</summary>
    public void Start(List<RoundEffect> effects)
    {
        Apply(new RoundInput.Start(IsProposer(0)), effects);
        Evaluate(effects);
    }

    /// <summary>
    /// Stores an authenticated proposal whose value the application judged (<paramref name="isValid"/> is
    /// <c>valid(v)</c>), then runs every rule it enables.
    /// </summary>
    /// <remarks>
    /// <paramref name="isTimely"/> says whether the block's time was acceptable against the local clock when the
    /// proposal arrived. Like CometBFT's proposer-based timestamps it only matters for a fresh proposal (line 22,
    /// <c>validRound = -1</c>): an untimely one gets a nil prevote, but its value stays valid for locking (line 36)
    /// and deciding (line 49), so a node whose clock is off never blocks a decision the others reached.
    /// </remarks>
    public ProposalResult OnProposal(ProposalView proposal, bool isValid, bool isTimely, List<RoundEffect> effects)
    {
        if (proposal.Round < 0 || proposal.Round > MaxRound || proposal.Round > State.Round + ProposalRoundWindow
            || proposal.ValidRound < -1 || proposal.ValidRound >= proposal.Round
            || proposal.ProposerIndex != ProposerOf(proposal.Round))
        {
            return ProposalResult.Rejected;
        }

        ProposalResult result;
        if (!_proposals.TryGetValue(proposal.Round, out var slot))
        {
            _proposals.Add(proposal.Round, new ProposalSlot(proposal, isValid && isTimely));
            result = ProposalResult.Accepted;
        }
        else if (slot.Contains(proposal))
        {
            return ProposalResult.Duplicate;
        }
        else if (slot.Count == 1)
        {
            slot.AddSecond(proposal, isValid && isTimely);
            result = ProposalResult.Conflict;
        }
        else
        {
            return ProposalResult.Conflict;
        }

        RecordValue(proposal.Value, isValid);
        Evaluate(effects);
        return result;
    }

    /// <summary>Counts an authenticated vote, then runs every rule it enables.</summary>
    /// <remarks>On <see cref="VoteAddResult.Conflict"/>, <c>existing</c> is the earlier vote it contradicts: equivocation.</remarks>
    public VoteAddResult OnVote(ConsensusVote vote, TSigned signed, List<RoundEffect> effects, out TSigned? existing)
    {
        existing = null;
        if (vote.Round > MaxRound)
        {
            return VoteAddResult.Rejected;
        }

        var result = Keeper.Add(vote, signed, State.Round, out existing);
        if (result is VoteAddResult.Added or VoteAddResult.Conflict)
        {
            Evaluate(effects);
        }

        return result;
    }

    /// <summary>Lines 57, 61, 65: a timeout fired. Stale ones (another round or step) change nothing.</summary>
    public void OnTimeout(TimeoutKind kind, int round, List<RoundEffect> effects)
    {
        RoundInput input = kind switch
        {
            TimeoutKind.Propose => new RoundInput.TimeoutPropose(round),
            TimeoutKind.Prevote => new RoundInput.TimeoutPrevote(round),
            TimeoutKind.Precommit => new RoundInput.TimeoutPrecommit(round, round < MaxRound && IsProposer(round + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown timeout"),
        };
        Apply(input, effects);
        Evaluate(effects);
    }

    /// <summary>The application answered <c>getValue()</c> (line 18) for <paramref name="round"/>: its own value, valid.</summary>
    public void OnValueReady(int round, Hash256 value, List<RoundEffect> effects)
    {
        RecordValue(value, true);
        Apply(new RoundInput.ValueReady(round, value), effects);
        Evaluate(effects);
    }

    /// <summary>A value learned outside a proposal (a commit fetched from a peer), judged by the application.</summary>
    public void OnValue(Hash256 value, bool isValid, List<RoundEffect> effects)
    {
        RecordValue(value, isValid);
        Evaluate(effects);
    }

    private void RecordValue(Hash256 value, bool isValid) => _validity.TryAdd(value, isValid);

    private void Apply(RoundInput input, List<RoundEffect> effects)
    {
        var before = State.Round;
        State = RoundMachine.Apply(State, input, effects);
        Invariant.Check(State.Round >= before, $"round went back from {before} to {State.Round} at height {Height}");
        if (State.Round != _firedRound)
        {
            _firedRound = State.Round;
            _fired = RoundFlags.None;
        }
    }

    /// <summary>Fires rules until none applies. Each firing changes the step or round or sets a first-time flag, so this ends.</summary>
    private void Evaluate(List<RoundEffect> effects)
    {
        var guard = 0;
        while (State.Step != ConsensusStep.Commit && FireOne(effects))
        {
            Invariant.Check(++guard < 10_000, $"rule evaluation did not settle at height {Height} round {State.Round}");
        }
    }

    private bool FireOne(List<RoundEffect> effects)
    {
        // Line 49: a known valid v with +2/3 ⟨PRECOMMIT, h_p, r, id(v)⟩ in any round r. Lines 50-51.
        MissingDecisionValue = null;
        var rounds = Keeper.Rounds;
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            if (round.Precommits.QuorumValue is { } decided)
            {
                switch (ValidityOf(decided))
                {
                    case true:
                        Apply(new RoundInput.Commit(round.Round, decided), effects);
                        return true;
                    case null:
                        MissingDecisionValue = decided;
                        break;
                    default:
                        // Line 50: valid(v) is false. With less than 1/3 byzantine power this cannot happen;
                        // the rule does not fire, as written.
                        break;
                }
            }
        }

        // Before StartRound(0) (line 10) only line 49 applies: messages are stored until the height starts.
        if (State.Step == ConsensusStep.Unstarted)
        {
            return false;
        }

        // Line 55: f+1 ⟨∗, h_p, round, ∗, ∗⟩ with round > round_p → StartRound(round). The highest such round.
        var skipTo = -1;
        for (var i = rounds.Count - 1; i >= 0 && rounds[i].Round > State.Round; i--)
        {
            if (rounds[i].HasOneThirdSenders)
            {
                skipTo = rounds[i].Round;
                break;
            }
        }

        if (skipTo >= 0)
        {
            Apply(new RoundInput.SkipRound(skipTo, IsProposer(skipTo)), effects);
            return true;
        }

        return FireCurrentRound(effects);
    }

    private bool FireCurrentRound(List<RoundEffect> effects)
    {
        var r = State.Round;
        var votes = Keeper.Round(r);
        _proposals.TryGetValue(r, out var slot);

        if (State.Step == ConsensusStep.Propose && slot is not null)
        {
            for (var i = 0; i < slot.Count; i++)
            {
                var proposal = slot[i];
                var valid = ValidityOf(proposal.Value) == true;
                if (proposal.ValidRound == -1)
                {
                    // Line 22: ⟨PROPOSAL, h_p, round_p, v, −1⟩ while step_p = propose; valid(v) includes timeliness here.
                    Apply(new RoundInput.Proposal(r, proposal.Value, valid && slot.IsAcceptable(i)), effects);
                    return true;
                }

                // Line 28: ⟨PROPOSAL, h_p, round_p, v, vr⟩ AND 2f+1 ⟨PREVOTE, h_p, vr, id(v)⟩, 0 ≤ vr < round_p.
                if (Keeper.Round(proposal.ValidRound)?.Prevotes.HasQuorumFor(proposal.Value) == true)
                {
                    Apply(new RoundInput.ProposalWithPolka(r, proposal.Value, proposal.ValidRound, valid), effects);
                    return true;
                }
            }
        }

        if (votes is null)
        {
            return false;
        }

        // Line 34: 2f+1 ⟨PREVOTE, h_p, round_p, ∗⟩ while step_p = prevote, for the first time.
        if (State.Step == ConsensusStep.Prevote && !_fired.HasFlag(RoundFlags.PolkaAny) && votes.Prevotes.HasQuorumAny)
        {
            _fired |= RoundFlags.PolkaAny;
            Apply(new RoundInput.PolkaAny(r), effects);
            return true;
        }

        // Line 36: proposal for valid v AND 2f+1 ⟨PREVOTE, h_p, round_p, id(v)⟩ while step_p ≥ prevote, first time.
        if (State.Step >= ConsensusStep.Prevote && !_fired.HasFlag(RoundFlags.PolkaValue)
            && votes.Prevotes.QuorumValue is { } polka && slot is not null && slot.Proposes(polka)
            && ValidityOf(polka) == true)
        {
            _fired |= RoundFlags.PolkaValue;
            Apply(new RoundInput.PolkaValue(r, polka), effects);
            return true;
        }

        // Line 44: 2f+1 ⟨PREVOTE, h_p, round_p, nil⟩ while step_p = prevote.
        if (State.Step == ConsensusStep.Prevote && votes.Prevotes.HasQuorumNil)
        {
            Apply(new RoundInput.PolkaNil(r), effects);
            return true;
        }

        // Line 47: 2f+1 ⟨PRECOMMIT, h_p, round_p, ∗⟩ for the first time.
        if (!_fired.HasFlag(RoundFlags.PrecommitAny) && votes.Precommits.HasQuorumAny)
        {
            _fired |= RoundFlags.PrecommitAny;
            Apply(new RoundInput.PrecommitAny(r), effects);
            return true;
        }

        return false;
    }

    /// <summary>The proposals of one round: the first, and at most one conflicting one (kept for its value).</summary>
    private sealed class ProposalSlot(ProposalView first, bool firstAcceptable)
    {
        private ProposalView _second;
        private bool _secondAcceptable;

        public int Count { get; private set; } = 1;

        public ProposalView this[int index] => index == 0 ? first : _second;

        public bool IsAcceptable(int index) => index == 0 ? firstAcceptable : _secondAcceptable;

        public bool Contains(ProposalView proposal) => first == proposal || (Count == 2 && _second == proposal);

        public bool Proposes(Hash256 value) => first.Value == value || (Count == 2 && _second.Value == value);

        public void AddSecond(ProposalView proposal, bool acceptable)
        {
            _second = proposal;
            _secondAcceptable = acceptable;
            Count = 2;
        }
    }
}

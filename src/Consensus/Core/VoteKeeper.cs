using DaiChain.Consensus.Staking;
using DaiChain.Ledger;

namespace DaiChain.Consensus.Core;

/// <summary>
/// The vote part of one height's message log: every round's prevote and precommit tallies, bounded against
/// validators that vote far into the future, with equivocation detected as votes arrive.
/// </summary>
/// <remarks>
/// <para>
/// Rounds up to <c>round_p + 1</c> are always accepted. A vote for a later round is accepted when that round is
/// already open, or when its validator has opened fewer than <see cref="MaxRoundsOpenedPerValidator"/> rounds at
/// this height. A correct process is in one round at a time, so this never drops what line 55 needs, and a
/// byzantine validator can make the keeper hold at most that many extra rounds.
/// </para>
/// <para>Rounds are also kept in a list sorted by round, so iteration (lines 49 and 55 look at every round) is in round order and allocates nothing.</para>
/// </remarks>
/// <typeparam name="TSigned">The signed vote kept for certificates and evidence.</typeparam>
public sealed class VoteKeeper<TSigned>
    where TSigned : class
{
    /// <summary>How many rounds beyond <c>round_p + 1</c> one validator may open at a height.</summary>
    public const int MaxRoundsOpenedPerValidator = 2;

    private readonly Committee _committee;
    private readonly Dictionary<int, RoundVotes<TSigned>> _rounds = [];
    private readonly List<RoundVotes<TSigned>> _ordered = [];
    private readonly int[] _roundsOpened;

    public VoteKeeper(Committee committee, long height)
    {
        _committee = committee;
        Height = height;
        _roundsOpened = new int[committee.Count];
    }

    public long Height { get; }

    /// <summary>The rounds with at least one vote, in ascending order.</summary>
    public IReadOnlyList<RoundVotes<TSigned>> Rounds => _ordered;

    /// <summary>The votes of <paramref name="round"/>, or null when nobody voted in it.</summary>
    public RoundVotes<TSigned>? Round(int round) => _rounds.GetValueOrDefault(round);

    /// <summary>Counts a vote. <paramref name="currentRound"/> is <c>round_p</c>, which sets the acceptance window.</summary>
    /// <remarks>On <see cref="VoteAddResult.Conflict"/>, <c>existing</c> is the earlier vote it conflicts with.</remarks>
    public VoteAddResult Add(ConsensusVote vote, TSigned signed, int currentRound, out TSigned? existing)
    {
        existing = null;
        Invariant.Check(vote.Height == Height, $"vote for height {vote.Height} offered to the keeper of height {Height}");
        if (vote.ValidatorIndex < 0 || vote.ValidatorIndex >= _committee.Count || vote.Round < 0)
        {
            return VoteAddResult.Rejected;
        }

        if (!_rounds.TryGetValue(vote.Round, out var round))
        {
            if (vote.Round > currentRound + 1)
            {
                if (_roundsOpened[vote.ValidatorIndex] >= MaxRoundsOpenedPerValidator)
                {
                    return VoteAddResult.Rejected;
                }

                _roundsOpened[vote.ValidatorIndex]++;
            }

            round = new RoundVotes<TSigned>(_committee, vote.Round);
            _rounds.Add(vote.Round, round);
            var position = _ordered.Count;
            while (position > 0 && _ordered[position - 1].Round > vote.Round)
            {
                position--;
            }

            _ordered.Insert(position, round);
        }

        return round.Add(vote, signed, out existing);
    }
}

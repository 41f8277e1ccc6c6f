using DaiChain.Consensus.Staking;
using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Core;

/// <summary>The prevotes and precommits of one round, and the power of the distinct validators that sent either.</summary>
/// <typeparam name="TSigned">The signed vote kept for certificates and evidence.</typeparam>
public sealed class RoundVotes<TSigned>
    where TSigned : class
{
    private readonly Committee _committee;
    private readonly bool[] _voted;

    public RoundVotes(Committee committee, int round)
    {
        _committee = committee;
        Round = round;
        Prevotes = new VoteTally<TSigned>(committee);
        Precommits = new VoteTally<TSigned>(committee);
        _voted = new bool[committee.Count];
    }

    public int Round { get; }

    public VoteTally<TSigned> Prevotes { get; }

    public VoteTally<TSigned> Precommits { get; }

    /// <summary>Power of the distinct validators with any vote in this round (the "f + 1 ⟨∗, h_p, round, ∗, ∗⟩" of line 55).</summary>
    public long SenderPower { get; private set; }

    /// <summary>+1/3 of the power has sent a message in this round: at least one correct process is in it (line 55).</summary>
    public bool HasOneThirdSenders => _committee.IsOneThird(SenderPower);

    public VoteTally<TSigned> Of(VoteType kind) => kind == VoteType.Prevote ? Prevotes : Precommits;

    internal VoteAddResult Add(ConsensusVote vote, TSigned signed, out TSigned? existing)
    {
        var result = Of(vote.Kind).Add(vote.ValidatorIndex, vote.Value, signed, out existing);
        if (result == VoteAddResult.Added && !_voted[vote.ValidatorIndex])
        {
            _voted[vote.ValidatorIndex] = true;
            SenderPower += _committee.PowerOf(vote.ValidatorIndex);
        }

        return result;
    }
}

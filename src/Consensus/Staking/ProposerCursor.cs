namespace DaiChain.Consensus.Staking;

/// <summary>
/// Proposers of one height by round, computed forward on demand and remembered, so that walking rounds
/// 0, 1, 2, ... costs one selection run per round instead of <c>r</c> runs for round <c>r</c>.
/// </summary>
public sealed class ProposerCursor
{
    private readonly ProposerSchedule _schedule;
    private readonly List<int> _proposers = [];
    private readonly long[] _priorities;

    public ProposerCursor(ProposerSchedule schedule)
    {
        _schedule = schedule;
        _priorities = schedule.Priorities.ToArray();
        _proposers.Add(schedule.Proposer);
    }

    /// <summary>The index of the proposer of <paramref name="round"/>.</summary>
    public int ProposerOf(int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        while (_proposers.Count <= round)
        {
            _proposers.Add(ProposerSchedule.Run(_schedule.Committee, _priorities));
        }

        return _proposers[round];
    }
}

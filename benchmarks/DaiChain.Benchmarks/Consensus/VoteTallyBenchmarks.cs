using BenchmarkDotNet.Attributes;
using DaiChain.Consensus.Core;
using DaiChain.Consensus.Staking;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Benchmarks.Consensus;

/// <summary>
/// Counting authenticated votes: one height of <see cref="Validators"/> validators, every validator's prevote
/// and precommit for one value, through the height machine (tally + rule evaluation) and through a bare tally.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class VoteTallyBenchmarks
{
    private sealed record SignedVote(ConsensusVote Vote);

    private Committee _committee = null!;
    private ProposerSchedule _schedule = null!;
    private SignedVote[] _prevotes = [];
    private SignedVote[] _precommits = [];
    private readonly Hash256 _value = Hash256.Compute([1, 2, 3]);

    [Params(4, 100)]
    public int Validators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _committee = new Committee(Enumerable.Range(0, Validators).Select(i =>
        {
            var bytes = new byte[Address.Size];
            bytes[^1] = (byte)i;
            bytes[^2] = (byte)(i >> 8);
            return new CommitteeMember(new Address(bytes), 10 + (i % 7));
        }));
        _schedule = ProposerSchedule.Genesis(_committee);
        _prevotes = [.. Enumerable.Range(0, Validators).Select(i => new SignedVote(new ConsensusVote(VoteType.Prevote, 1, 0, _value, i)))];
        _precommits = [.. Enumerable.Range(0, Validators).Select(i => new SignedVote(new ConsensusVote(VoteType.Precommit, 1, 0, _value, i)))];
    }

    /// <summary>A whole height through the machine: proposal, every prevote, every precommit, decision.</summary>
    /// <returns>The number of votes counted (operations per invocation: 2 × validators).</returns>
    [Benchmark]
    public int HeightMachine_votes_to_decision()
    {
        var self = (_schedule.Proposer + 1) % Validators;
        var machine = new HeightMachine<SignedVote>(1, _schedule, self);
        var effects = new List<RoundEffect>(16);
        machine.Start(effects);
        machine.OnProposal(new ProposalView(0, _value, -1, _schedule.Proposer), true, true, effects);
        foreach (var vote in _prevotes)
        {
            machine.OnVote(vote.Vote, vote, effects, out _);
        }

        foreach (var vote in _precommits)
        {
            machine.OnVote(vote.Vote, vote, effects, out _);
        }

        return machine.State.Step == ConsensusStep.Commit ? 2 * Validators : -1;
    }

    /// <summary>Only the tally: every validator's precommit into one <see cref="VoteTally{TSigned}"/>.</summary>
    [Benchmark]
    public Hash256? Tally_only()
    {
        var tally = new VoteTally<SignedVote>(_committee);
        foreach (var vote in _precommits)
        {
            tally.Add(vote.Vote.ValidatorIndex, vote.Vote.Value, vote, out _);
        }

        return tally.QuorumValue;
    }
}

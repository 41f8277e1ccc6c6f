namespace DaiChain.Node.ConsensusPort;

/// <summary>Told when this validator moves through a height's steps, for the step-duration metric.</summary>
public interface IConsensusStepObserver
{
    /// <summary>This validator broadcast its own prevote or precommit.</summary>
    void OwnVote(ulong height, uint round, bool precommit);

    /// <summary>The decided block starts committing.</summary>
    void CommitStarted(ulong height);

    /// <summary>The decided block is committed (durable).</summary>
    void CommitFinished(ulong height);
}

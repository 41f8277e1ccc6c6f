namespace DaiChain.Consensus.Messages;

/// <summary>The kind byte of a <see cref="ConsensusMessage"/>.</summary>
public enum ConsensusMessageKind : byte
{
    Proposal = 1,
    Vote = 2,
    Commit = 3,
    Evidence = 4,
}

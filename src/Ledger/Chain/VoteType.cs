namespace DaiChain.Ledger.Chain;

/// <summary>The two vote steps of Tendermint consensus. Stored as one byte.</summary>
public enum VoteType : byte
{
    Prevote = 1,
    Precommit = 2,
}

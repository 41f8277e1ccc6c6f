namespace DaiChain.Ledger.Governance;

/// <summary>What a governance proposal does when it passes. Stored as one byte.</summary>
public enum GovernanceActionKind : byte
{
    AddValidator = 1,
    RemoveValidator = 2,
    ReweightValidator = 3,
    GrantRole = 4,
    RevokeRole = 5,
    AddNode = 6,
    RemoveNode = 7,
    ChangeParameter = 8,
}

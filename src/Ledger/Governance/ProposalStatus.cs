namespace DaiChain.Ledger.Governance;

/// <summary>Where a proposal stands. Stored as one byte.</summary>
public enum ProposalStatus : byte
{
    /// <summary>Accepting votes.</summary>
    Open = 1,

    /// <summary>Validators with more than 2/3 of the power voted yes; the action was applied.</summary>
    Passed = 2,

    /// <summary>It passed, but the action failed against the state of that block (see the result code).</summary>
    Failed = 3,

    /// <summary>Validators with at least 1/3 of the power voted no: it can no longer pass.</summary>
    Rejected = 4,

    /// <summary>The voting period ended without a decision.</summary>
    Expired = 5,
}

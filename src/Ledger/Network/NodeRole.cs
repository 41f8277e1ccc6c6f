namespace DaiChain.Ledger.Network;

/// <summary>What a network node is allowed to do. Stored as one byte.</summary>
public enum NodeRole : byte
{
    /// <summary>Runs consensus (its operator is a validator).</summary>
    Validator = 1,

    /// <summary>A read-only audit node: syncs and verifies every block, serves reads, never writes.</summary>
    Observer = 2,
}

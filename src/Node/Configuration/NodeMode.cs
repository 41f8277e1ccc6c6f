namespace DaiChain.Node.Configuration;

/// <summary>What a node does on the network.</summary>
public enum NodeMode
{
    /// <summary>Runs consensus with its validator key (signs proposals and votes), serves reads and writes.</summary>
    Validator,

    /// <summary>Follows the chain by block sync, verifies every block, accepts and gossips transactions; never signs.</summary>
    Full,

    /// <summary>Follows the chain by block sync and verifies every block; serves read methods only; never signs.</summary>
    Audit,
}

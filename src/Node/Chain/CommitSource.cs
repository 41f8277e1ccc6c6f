namespace DaiChain.Node.Chain;

/// <summary>How a node learned a committed block.</summary>
public enum CommitSource
{
    /// <summary>Decided by this node's consensus engine.</summary>
    Consensus,

    /// <summary>Downloaded from a peer and verified against its commit certificate.</summary>
    Sync,
}

namespace DaiChain.Node.LocalNet;

/// <summary>How <see cref="DevnetLayout"/> lays out a devnet.</summary>
public sealed record DevnetOptions
{
    /// <summary>The RPC port of node 0; node i listens on this + i.</summary>
    public int FirstRpcPort { get; init; } = 8645;

    /// <summary>The P2P port of node 0; node i listens on this + i.</summary>
    public int FirstP2PPort { get; init; } = 26656;

    /// <summary>Round timeouts (propose, prevote, precommit) and the commit pause, in ms; null keeps genesis.json's.</summary>
    public (int Propose, int Prevote, int Precommit, int Commit)? TimeoutsMs { get; init; }

    /// <summary>fsync each block (storage.sync_commits).</summary>
    public bool SyncCommits { get; init; } = true;

    public string LogFormat { get; init; } = "text";
}

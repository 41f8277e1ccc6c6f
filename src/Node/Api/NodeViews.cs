namespace DaiChain.Node.Api;

/// <summary>The answer to node_status.</summary>
internal sealed record NodeStatusView(
    string ChainId,
    string GenesisHash,
    string NodeId,
    string Moniker,
    string Mode,
    ulong Height,
    string? LatestBlockHash,
    long? LatestBlockTimeMs,
    bool Syncing,
    int Peers,
    ulong MaxPeerHeight,
    string? ValidatorAddress,
    ConsensusStatusView? Consensus,
    MempoolStatusView Mempool,
    string Version);

/// <summary>The consensus engine's position (validators).</summary>
internal sealed record ConsensusStatusView(bool Running, ulong Height, int Round, string Step, bool IsValidator, string? Halted);

/// <summary>The mempool's size.</summary>
internal sealed record MempoolStatusView(int Transactions, long Bytes);

/// <summary>One connected peer.</summary>
internal sealed record PeerView(string NodeId, string RemoteAddress, string Direction, bool Persistent, ulong? Height, string? Mode);

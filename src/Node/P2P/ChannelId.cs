namespace DaiChain.Node.P2P;

/// <summary>
/// The numbered channels multiplexed over one peer connection. The byte value is the channel's number on
/// the wire (<c>docs/spec/p2p.md</c>); each channel is served by exactly one <see cref="IReactor"/>.
/// </summary>
public enum ChannelId : byte
{
    /// <summary>Proposals, votes and round state: always sent first.</summary>
    Consensus = 1,

    /// <summary>Transaction gossip.</summary>
    Mempool = 2,

    /// <summary>Block and commit-certificate download for lagging and audit nodes.</summary>
    BlockSync = 3,

    /// <summary>Content-addressed model artifacts fetched by hash, in chunks.</summary>
    Artifacts = 4,

    /// <summary>Node status (height, mode) exchanged between peers.</summary>
    Status = 5,
}

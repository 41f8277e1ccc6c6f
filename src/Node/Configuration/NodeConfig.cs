namespace DaiChain.Node.Configuration;

/// <summary>
/// A node's <c>config.json</c> (JSON with comments): every setting with its default. <c>daichain init</c> writes
/// the whole file with a comment per setting; a setting left out takes its default; an unknown one is an error.
/// </summary>
public sealed class NodeConfig
{
    /// <summary>validator, full or audit (<see cref="NodeMode"/>); <c>daichain run --mode</c> overrides it.</summary>
    public string Mode { get; set; } = "validator";

    /// <summary>A name for people and logs.</summary>
    public string Moniker { get; set; } = "node";

    public KeysConfig Keys { get; set; } = new();

    public P2PConfig P2p { get; set; } = new();

    public RpcConfig Rpc { get; set; } = new();

    public ConsensusConfig Consensus { get; set; } = new();

    public MempoolConfig Mempool { get; set; } = new();

    public SyncConfig Sync { get; set; } = new();

    public StorageConfig Storage { get; set; } = new();

    public LogConfig Log { get; set; } = new();
}

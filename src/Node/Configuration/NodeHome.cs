namespace DaiChain.Node.Configuration;

/// <summary>
/// The layout of a node's home directory: <c>config.json</c>, <c>genesis.json</c>, <c>keys/</c> and the data
/// directory (chain database <c>chain/</c>, consensus WAL <c>consensus.wal</c>, signer state <c>signer-state</c>).
/// </summary>
public sealed class NodeHome
{
    public NodeHome(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string ConfigFile => Path.Combine(Root, "config.json");

    public string GenesisFile => Path.Combine(Root, "genesis.json");

    public string KeysDirectory => Path.Combine(Root, "keys");

    /// <summary>A path from the config, relative to the home unless absolute.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));

    public string DataDirectory(NodeConfig config) => Resolve(config.Storage.DataDir);

    public string ChainDatabase(NodeConfig config) => Path.Combine(DataDirectory(config), "chain");

    public string ConsensusWal(NodeConfig config) => Path.Combine(DataDirectory(config), "consensus.wal");

    public string SignerState(NodeConfig config) => Path.Combine(DataDirectory(config), "signer-state");

    public string Artifacts(NodeConfig config) =>
        Path.IsPathRooted(config.Storage.ArtifactsDir) ? config.Storage.ArtifactsDir : Path.Combine(DataDirectory(config), config.Storage.ArtifactsDir);
}

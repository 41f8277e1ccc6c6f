namespace DaiChain.Node.Configuration;

/// <summary>The <c>storage</c> section: the RocksDB chain database and the consensus files.</summary>
public sealed class StorageConfig
{
    /// <summary>Directory for the chain database, the consensus WAL and the signer state; relative to the home.</summary>
    public string DataDir { get; set; } = "data";

    public long BlockCacheBytes { get; set; } = 256L * 1024 * 1024;

    public long WriteBufferBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>none, snappy, lz4 or zstd.</summary>
    public string Compression { get; set; } = "lz4";

    /// <summary>fsync each block's commit batch. Turn off only for throwaway test networks.</summary>
    public bool SyncCommits { get; set; } = true;

    /// <summary>Recent heights whose state stays readable and provable; 0 keeps all (archive).</summary>
    public ulong RetainedStateVersions { get; set; } = 10_000;

    public int ValueCacheEntries { get; set; } = 500_000;

    public int NodeCacheEntries { get; set; } = 500_000;

    /// <summary>Directory of the content-addressed artifact store (model files); relative to the data directory.</summary>
    public string ArtifactsDir { get; set; } = "artifacts";

    /// <summary>The largest artifact this node stores or fetches from peers.</summary>
    public long MaxArtifactBytes { get; set; } = 256L * 1024 * 1024;
}

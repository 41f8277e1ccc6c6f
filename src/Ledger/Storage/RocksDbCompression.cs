namespace DaiChain.Ledger.Storage;

/// <summary>Block compression of RocksDB table files; values are the C API's constants.</summary>
public enum RocksDbCompression
{
    /// <summary>No compression.</summary>
    None = 0,

    /// <summary>Snappy.</summary>
    Snappy = 1,

    /// <summary>zlib.</summary>
    Zlib = 2,

    /// <summary>LZ4: fast, the usual choice for hot data.</summary>
    Lz4 = 4,

    /// <summary>Zstandard: smaller files for more CPU.</summary>
    Zstd = 7,
}

using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Storage;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;

namespace DaiChain.Node.Hosting;

/// <summary>The node's RocksDB database: the chain's column families plus the certificate column, opened and checked against the genesis.</summary>
public sealed class NodeStorage : IDisposable
{
    private NodeStorage(RocksDbStore database, ChainStore chain, CertificateStore certificates)
    {
        Database = database;
        Chain = chain;
        Certificates = certificates;
    }

    public RocksDbStore Database { get; }

    public ChainStore Chain { get; }

    public CertificateStore Certificates { get; }

    /// <summary>Opens (or creates and initializes from <paramref name="genesis"/>) the database of the home.</summary>
    /// <exception cref="NodeStartException">The database belongs to another genesis or cannot be opened.</exception>
    public static NodeStorage Open(NodeHome home, NodeConfig config, GenesisDocument genesis, ChainRules rules)
    {
        var storage = config.Storage;
        if (!NodeConfigFile.TryParseCompression(storage.Compression, out var compression))
        {
            throw new NodeStartException($"storage.compression '{storage.Compression}' must be none, snappy, lz4 or zstd");
        }

        RocksDbStore database;
        try
        {
            database = RocksDbStore.Open(new RocksDbOptions
            {
                Path = home.ChainDatabase(config),
                ColumnFamilies = [.. ChainColumns.All, CertificateStore.Column],
                BlockCacheBytes = storage.BlockCacheBytes,
                WriteBufferBytes = storage.WriteBufferBytes,
                Compression = compression,
                SyncWritesByDefault = storage.SyncCommits,
            });
        }
        catch (StorageException e)
        {
            throw new NodeStartException($"{e.Message}; is another daichain process running on this home?", e);
        }

        try
        {
            var chain = new ChainStore(database, rules, new ChainStoreOptions
            {
                RetainedStateVersions = storage.RetainedStateVersions,
                ValueCacheEntries = storage.ValueCacheEntries,
                NodeCacheEntries = storage.NodeCacheEntries,
                SyncCommits = storage.SyncCommits,
            });
            if (!chain.IsInitialized)
            {
                chain.InitializeGenesis(genesis);
            }
            else if (chain.Meta.GenesisHash != genesis.Hash())
            {
                throw new NodeStartException($"the database in {home.ChainDatabase(config)} holds chain '{chain.Meta.ChainId}' from another genesis than {home.GenesisFile}; use the genesis it was created with, or a new home");
            }

            return new NodeStorage(database, chain, new CertificateStore(database));
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public void Dispose() => Database.Dispose();
}

using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Storage;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;

namespace DaiChain.Node.Tests.Audit;

/// <summary>
/// A node home on disk for the audit commands: <c>genesis.json</c> and <c>data/chain</c>, a RocksDB chain database
/// with transfers, a validator removed by governance, and the head certificate kept aside as a node keeps it.
/// </summary>
public sealed class AuditHome : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public AuditHome(int blocksBefore = 2, int blocksAfter = 3, int transfers = 2)
    {
        Root = _directory.Path;
        File.WriteAllText(GenesisPath, GenesisJson.Write(Build.A.Genesis.Build()));
        Genesis = GenesisJson.Load(GenesisPath, Program.CreateChainRules());
        using var store = OpenWritable();
        var chain = new AuditChain(store, Genesis).Grow(blocksBefore, transfers);
        RemovalHeight = chain.RemoveValidator(3);
        chain.Grow(blocksAfter, transfers);
        Height = chain.Chain.Height;
        HeadHash = chain.Chain.Store.GetHeader(Height)!.Hash().ToString();
        store.Flush();
    }

    public string Root { get; }

    public GenesisDocument Genesis { get; }

    public string GenesisPath => Path.Combine(Root, "genesis.json");

    public string DatabasePath => Path.Combine(Root, "data", "chain");

    public ulong Height { get; }

    public ulong RemovalHeight { get; }

    public string HeadHash { get; }

    public string Combine(string name) => _directory.Combine(name);

    /// <summary>Opens the database for writing (the node is "stopped"); dispose before running a command.</summary>
    public RocksDbStore OpenWritable() =>
        RocksDbStore.Open(new RocksDbOptions { Path = DatabasePath, ColumnFamilies = AuditChain.Columns, SyncWritesByDefault = false, BlockCacheBytes = 8 << 20 });

    /// <summary>Changes one stored entry through the store, as a bit flip on disk would.</summary>
    public void Overwrite(ColumnFamily family, byte[] key, Func<byte[], byte[]> change)
    {
        using var store = OpenWritable();
        var batch = new WriteBatch();
        batch.Put(family, key, change(store.Get(family, key)));
        store.Write(batch, sync: true);
        store.Flush();
    }

    public static ColumnFamily Blocks => ChainColumns.Blocks;

    public void Dispose() => _directory.Dispose();
}

using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;

namespace DaiChain.Node.Audit;

/// <summary>
/// A node's chain database opened read-only for an audit: nothing is written and no lock is taken, so the node may
/// keep running; the audit sees the chain as it was when opened.
/// </summary>
internal sealed class LocalChainData : IDisposable
{
    /// <summary>The column where a node keeps the certificate of its newest block (Node's <c>CertificateStore</c>).</summary>
    public static readonly ColumnFamily CertificateColumn = new("node_certificates");

    private readonly RocksDbStore _store;
    private ChainStore? _chain;

    private LocalChainData(RocksDbStore store, StoreBlockSource source)
    {
        _store = store;
        Source = source;
    }

    public StoreBlockSource Source { get; }

    public IKeyValueStore Store => _store;

    public string Path => _store.Path;

    /// <exception cref="Cli.CommandException">No chain database there.</exception>
    public static LocalChainData Open(string databasePath)
    {
        if (!File.Exists(System.IO.Path.Combine(databasePath, "CURRENT")))
        {
            throw new Cli.CommandException($"{databasePath} holds no chain database; give a node's home (--home) or data folder (--data)");
        }

        var families = RocksDbStore.ListColumnFamilies(databasePath);
        var missing = ChainColumns.All.Where(f => !families.Contains(f.Name, StringComparer.Ordinal)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw new Cli.CommandException($"{databasePath} is not a DaiChain chain database (it has no {string.Join(", ", missing)})");
        }

        var hasCertificates = families.Contains(CertificateColumn.Name, StringComparer.Ordinal);
        var store = RocksDbStore.Open(new RocksDbOptions
        {
            Path = databasePath,
            ReadOnly = true,
            ColumnFamilies = hasCertificates ? [.. ChainColumns.All, CertificateColumn] : ChainColumns.All,
            BlockCacheBytes = 64L * 1024 * 1024,
        });
        var source = new StoreBlockSource(store, $"data folder {databasePath}", hasCertificates ? CertificateColumn : null);
        if (source.Meta is null)
        {
            store.Dispose();
            throw new Cli.CommandException($"{databasePath} holds no chain yet (the node was never initialized)");
        }

        return new LocalChainData(store, source);
    }

    /// <summary>The chain as a <see cref="ChainStore"/> (for state proofs); opened on first use.</summary>
    public ChainStore Chain(ChainRules rules) =>
        _chain ??= new ChainStore(_store, rules, new ChainStoreOptions { RetainedStateVersions = 0, ValueCacheEntries = 10_000, NodeCacheEntries = 10_000 });

    public void Dispose() => _store.Dispose();
}

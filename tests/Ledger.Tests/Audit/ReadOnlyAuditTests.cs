using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;

namespace DaiChain.Ledger.Tests.Audit;

/// <summary>Auditing a running node's RocksDB folder: opened read-only beside the writer, it sees the chain as of opening and cannot write.</summary>
public sealed class ReadOnlyAuditTests : IDisposable
{
    private static readonly ChainRules Rules = ChainRules.WithLedgerBuiltIns().Freeze();
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_database_held_by_a_writer_is_audited_read_only_and_refuses_writes()
    {
        var path = _directory.Combine("chain");
        using var writer = RocksDbStore.Open(new RocksDbOptions { Path = path, ColumnFamilies = AuditChain.Columns, SyncWritesByDefault = false, BlockCacheBytes = 8 << 20 });
        var chain = new AuditChain(writer).Grow(4, 2);

        using (var reader = RocksDbStore.Open(new RocksDbOptions { Path = path, ReadOnly = true, ColumnFamilies = AuditChain.Columns, BlockCacheBytes = 8 << 20 }))
        {
            Assert.True(reader.IsReadOnly);
            var batch = new WriteBatch();
            batch.Put(ChainColumns.Meta, "x"u8.ToArray(), [1]);
            Assert.Throws<InvalidOperationException>(() => reader.Write(batch, sync: false));

            // The writer keeps committing; the reader keeps the chain it opened.
            chain.Grow(2, 2);
            var source = new StoreBlockSource(reader, path, AuditChain.CertificateColumn);
            var report = new ChainAuditor(TrustedGenesis.From(chain.Genesis, Rules), Rules, new AuditOptions(), TestChain.NewMemoryStore()).Run(source);
            Assert.True(report.IsClean, report.Failure?.ToString());
            Assert.Equal(4UL, report.VerifiedHeight);
        }

        Assert.Equal(6UL, chain.Chain.Height);
    }

    [Fact]
    public void A_missing_database_or_column_is_a_clear_error_in_read_only_mode()
    {
        var missing = Assert.Throws<StorageException>(() => RocksDbStore.Open(new RocksDbOptions { Path = _directory.Combine("none"), ReadOnly = true }));
        Assert.Contains("there is no database there", missing.Message, StringComparison.Ordinal);

        var path = _directory.Combine("chain");
        RocksDbStore.Open(new RocksDbOptions { Path = path, ColumnFamilies = ChainColumns.All }).Dispose();
        var column = Assert.Throws<StorageException>(() => RocksDbStore.Open(new RocksDbOptions { Path = path, ReadOnly = true, ColumnFamilies = AuditChain.Columns }));
        Assert.Contains("node_certificates", column.Message, StringComparison.Ordinal);
    }
}

using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Tests.Storage;

public sealed class MemoryStoreTests : KeyValueStoreConformanceTests
{
    protected override IKeyValueStore OpenStore(IReadOnlyList<ColumnFamily> families) =>
        new MemoryStore(new StoreOptions { ColumnFamilies = families });

    [Fact]
    public void Default_constructor_opens_only_the_default_column_family()
    {
        using var store = new MemoryStore();

        Assert.Equal([ColumnFamily.Default], store.ColumnFamilies);
        Assert.True(store.SyncWritesByDefault);
    }
}

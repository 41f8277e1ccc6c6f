namespace DaiChain.Ledger.Native;

/// <summary>An iterator over one column family (<c>rocksdb_iterator_t*</c>); keeps its database, column family and read options alive, because RocksDB reads the bounds stored in the read options on every step.</summary>
internal sealed class RocksDbIteratorHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_iter_destroy(pointer);
}

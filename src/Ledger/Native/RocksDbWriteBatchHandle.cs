namespace DaiChain.Ledger.Native;

/// <summary>A native write batch (<c>rocksdb_writebatch_t*</c>): the unit RocksDB applies atomically across column families.</summary>
internal sealed class RocksDbWriteBatchHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_writebatch_destroy(pointer);
}

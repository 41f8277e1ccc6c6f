namespace DaiChain.Ledger.Native;

/// <summary>An open RocksDB database (<c>rocksdb_t*</c>); released with <c>rocksdb_close</c> once every dependent handle is gone.</summary>
internal sealed class RocksDbHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_close(pointer);
}

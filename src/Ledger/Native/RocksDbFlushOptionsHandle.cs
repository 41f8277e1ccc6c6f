namespace DaiChain.Ledger.Native;

/// <summary>Flush options (<c>rocksdb_flushoptions_t*</c>).</summary>
internal sealed class RocksDbFlushOptionsHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_flushoptions_destroy(pointer);
}

namespace DaiChain.Ledger.Native;

/// <summary>An LRU block cache (<c>rocksdb_cache_t*</c>); table options share it by reference count, so this wrapper may be destroyed after use.</summary>
internal sealed class RocksDbCacheHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_cache_destroy(pointer);
}

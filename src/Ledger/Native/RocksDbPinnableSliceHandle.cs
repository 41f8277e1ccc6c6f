namespace DaiChain.Ledger.Native;

/// <summary>A value returned by a pinned get (<c>rocksdb_pinnableslice_t*</c>); its bytes stay valid until destroyed.</summary>
internal sealed class RocksDbPinnableSliceHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_pinnableslice_destroy(pointer);
}

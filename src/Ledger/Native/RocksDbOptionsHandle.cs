namespace DaiChain.Ledger.Native;

/// <summary>Database and column-family options (<c>rocksdb_options_t*</c>); RocksDB copies them at open, so they may be destroyed right after.</summary>
internal sealed class RocksDbOptionsHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_options_destroy(pointer);
}

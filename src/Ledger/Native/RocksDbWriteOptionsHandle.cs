namespace DaiChain.Ledger.Native;

/// <summary>Write options (<c>rocksdb_writeoptions_t*</c>): the sync and WAL flags of a write. Read-only after set-up, so shareable across threads.</summary>
internal sealed class RocksDbWriteOptionsHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_writeoptions_destroy(pointer);
}

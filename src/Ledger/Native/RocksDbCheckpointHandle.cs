namespace DaiChain.Ledger.Native;

/// <summary>A checkpoint object bound to an open database (<c>rocksdb_checkpoint_t*</c>); keeps the database open until destroyed.</summary>
internal sealed class RocksDbCheckpointHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_checkpoint_object_destroy(pointer);
}

namespace DaiChain.Ledger.Native;

/// <summary>
/// A database snapshot (<c>const rocksdb_snapshot_t*</c>); released through the database that created it, which
/// is therefore its first and only parent.
/// </summary>
internal sealed class RocksDbSnapshotHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_release_snapshot(ParentPointer(0), pointer);
}

namespace DaiChain.Ledger.Native;

/// <summary>A column family of an open database (<c>rocksdb_column_family_handle_t*</c>); keeps the database open until destroyed.</summary>
internal sealed class RocksDbColumnFamilyHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_column_family_handle_destroy(pointer);
}

namespace DaiChain.Ledger.Native;

/// <summary>Block-based table options (<c>rocksdb_block_based_table_options_t*</c>); copied into the table factory when set on options.</summary>
internal sealed class RocksDbBlockBasedTableOptionsHandle : RocksDbSafeHandle
{
    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_block_based_options_destroy(pointer);
}

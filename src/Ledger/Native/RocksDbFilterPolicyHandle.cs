namespace DaiChain.Ledger.Native;

/// <summary>
/// A filter policy (<c>rocksdb_filterpolicy_t*</c>). Setting it on block-based table options hands ownership to
/// RocksDB, so <see cref="TransferOwnership"/> is the only way it should normally leave this wrapper.
/// </summary>
internal sealed class RocksDbFilterPolicyHandle : RocksDbSafeHandle
{
    /// <summary>Returns the pointer and forgets it: after this call RocksDB, not this handle, destroys it.</summary>
    internal IntPtr TransferOwnership()
    {
        var pointer = handle;
        SetHandleAsInvalid();
        return pointer;
    }

    protected override void Destroy(IntPtr pointer) => RocksDbNative.rocksdb_filterpolicy_destroy(pointer);
}

using System.Runtime.InteropServices;

namespace DaiChain.Ledger.Native;

/// <summary>
/// Read options (<c>rocksdb_readoptions_t*</c>), optionally pinned to a snapshot and carrying iterator bounds.
/// Owns the native copies of the bound keys and frees them after the options.
/// </summary>
/// <remarks>
/// <c>rocksdb_readoptions_set_iterate_*_bound</c> stores the caller's pointer, not a copy, and the iterator
/// dereferences it on every step; the bounds therefore live in unmanaged memory owned by this handle, and an
/// iterator handle keeps this handle alive.
/// </remarks>
internal sealed class RocksDbReadOptionsHandle : RocksDbSafeHandle
{
    private IntPtr _lowerBound;
    private IntPtr _upperBound;

    /// <summary>
    /// Creates read options. <paramref name="lowerBound"/> is inclusive, <paramref name="upperBound"/> exclusive;
    /// null leaves that side unbounded.
    /// </summary>
    internal static RocksDbReadOptionsHandle Create(RocksDbSnapshotHandle? snapshot, byte[]? lowerBound, byte[]? upperBound)
    {
        var options = snapshot is null
            ? Create<RocksDbReadOptionsHandle>("read options", RocksDbNative.rocksdb_readoptions_create)
            : Create<RocksDbReadOptionsHandle>("read options", RocksDbNative.rocksdb_readoptions_create, snapshot);
        try
        {
            var pointer = options.DangerousGetHandle();
            if (snapshot is not null)
            {
                RocksDbNative.rocksdb_readoptions_set_snapshot(pointer, snapshot.DangerousGetHandle());
            }

            if (lowerBound is not null)
            {
                options._lowerBound = CopyToNative(lowerBound);
                RocksDbNative.rocksdb_readoptions_set_iterate_lower_bound(pointer, options._lowerBound, (nuint)lowerBound.Length);
            }

            if (upperBound is not null)
            {
                options._upperBound = CopyToNative(upperBound);
                RocksDbNative.rocksdb_readoptions_set_iterate_upper_bound(pointer, options._upperBound, (nuint)upperBound.Length);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    protected override void Destroy(IntPtr pointer)
    {
        RocksDbNative.rocksdb_readoptions_destroy(pointer);
        Marshal.FreeHGlobal(_lowerBound);
        Marshal.FreeHGlobal(_upperBound);
        _lowerBound = IntPtr.Zero;
        _upperBound = IntPtr.Zero;
    }

    private static IntPtr CopyToNative(byte[] bytes)
    {
        // At least one byte, so an empty bound is a real (non-NULL) pointer: NULL means "no bound" to RocksDB.
        var memory = Marshal.AllocHGlobal(Math.Max(bytes.Length, 1));
        Marshal.Copy(bytes, 0, memory, bytes.Length);
        return memory;
    }
}

using System.Runtime.InteropServices;

namespace DaiChain.Ledger.Native;

/// <summary>
/// Base for every RocksDB handle: owns one native object and destroys it exactly once, after which it lets go
/// of the handles it depends on (its parents).
/// </summary>
/// <remarks>
/// RocksDB objects point into each other without reference counting: an iterator reads its read options and its
/// database, a snapshot must be released through the database that made it. Each child therefore holds a
/// <see cref="SafeHandle.DangerousAddRef"/> on its parents, taken before the native object is created and
/// dropped only after it is destroyed, so disposal or finalization in any order never frees a parent first.
/// </remarks>
internal abstract class RocksDbSafeHandle : SafeHandle
{
    private SafeHandle[] _parents = [];

    protected RocksDbSafeHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>
    /// Creates a dependent handle: takes a reference on every parent, runs <paramref name="create"/>, and owns
    /// the pointer it returns. Throws <see cref="ObjectDisposedException"/> if a parent is already closed and
    /// <see cref="InvalidOperationException"/> if RocksDB returns NULL; the parents are released on failure.
    /// </summary>
    internal static THandle Create<THandle>(string what, Func<IntPtr> create, params SafeHandle[] parents)
        where THandle : RocksDbSafeHandle, new()
    {
        var result = new THandle();
        result.HoldParents(parents);
        IntPtr pointer;
        try
        {
            pointer = create();
        }
        catch
        {
            result.ReleaseParents();
            throw;
        }

        result.Own(pointer, what);
        return result;
    }

    /// <summary>
    /// Wraps a pointer RocksDB has already created, taking references on its parents. Only for parents that
    /// cannot be closed yet (a database just opened, or none): if taking a reference fails, the pointer leaks.
    /// </summary>
    internal static THandle Wrap<THandle>(string what, IntPtr pointer, params SafeHandle[] parents)
        where THandle : RocksDbSafeHandle, new()
    {
        var result = new THandle();
        result.HoldParents(parents);
        result.Own(pointer, what);
        return result;
    }

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        ReleaseParents();
        return true;
    }

    /// <summary>Destroys the native object. Called once; must not touch the parents through marshalling.</summary>
    protected abstract void Destroy(IntPtr pointer);

    /// <summary>The raw pointer of a parent, for <see cref="Destroy"/> (a closed parent cannot be marshalled).</summary>
    protected IntPtr ParentPointer(int index) => _parents[index].DangerousGetHandle();

    private void HoldParents(SafeHandle[] parents)
    {
        var held = 0;
        try
        {
            foreach (var parent in parents)
            {
                var added = false;
                parent.DangerousAddRef(ref added);
                held++;
            }
        }
        catch
        {
            for (var i = 0; i < held; i++)
            {
                parents[i].DangerousRelease();
            }

            throw;
        }

        _parents = parents;
    }

    private void ReleaseParents()
    {
        var parents = _parents;
        _parents = [];
        foreach (var parent in parents)
        {
            parent.DangerousRelease();
        }
    }

    private void Own(IntPtr pointer, string what)
    {
        if (pointer == IntPtr.Zero)
        {
            ReleaseParents();
            throw new InvalidOperationException($"RocksDB returned NULL creating {what}");
        }

        SetHandle(pointer);
    }
}

using System.Runtime.InteropServices;

namespace DaiChain.Ledger.Native;

/// <summary>Owns one <c>secp256k1_context*</c> and destroys it exactly once.</summary>
/// <remarks>
/// The marshaller adds a reference around every call that takes the handle, so a context is never destroyed
/// while a call on another thread is still using it.
/// </remarks>
internal sealed class Secp256k1ContextHandle : SafeHandle
{
    /// <summary>Called by the <c>LibraryImport</c> marshaller when <c>secp256k1_context_create</c> returns.</summary>
    public Secp256k1ContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Secp256k1Native.ContextDestroy(handle);
        return true;
    }
}

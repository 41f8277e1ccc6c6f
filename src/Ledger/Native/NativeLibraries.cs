using System.Reflection;
using System.Runtime.InteropServices;

namespace DaiChain.Ledger.Native;

/// <summary>
/// Resolves the native libraries DaiChain binds to by their Debian sonames, so that a machine with only
/// the runtime packages (no <c>-dev</c> symlinks) works, and a missing library is one clear line.
/// </summary>
/// <remarks>
/// The bindings declare logical names (<see cref="Secp256k1"/>, <see cref="RocksDb"/>); this resolver maps
/// them to a short list of sonames. It is registered once per assembly, before the first native call.
/// </remarks>
public static class NativeLibraries
{
    /// <summary>Logical name used in <c>LibraryImport</c> for libsecp256k1.</summary>
    public const string Secp256k1 = "daichain-secp256k1";

    /// <summary>Logical name used in <c>LibraryImport</c> for RocksDB.</summary>
    public const string RocksDb = "daichain-rocksdb";

    private static readonly NativeLibrarySpec[] Specs =
    [
        new(Secp256k1, ["libsecp256k1.so.1", "libsecp256k1.so.2", "libsecp256k1.so"], "libsecp256k1-1"),
        // The RocksDB soname changes with every minor release; keep a short, explicit fallback list.
        new(RocksDb, ["librocksdb.so.7.8", "librocksdb.so.7.10", "librocksdb.so.8.9", "librocksdb.so.9.10", "librocksdb.so"], "librocksdb7.8"),
    ];

    private static int _registered;

    /// <summary>Registers the resolver for the Ledger assembly. Idempotent and thread-safe.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        }
    }

    /// <summary>
    /// Loads a library now and throws <see cref="NativeLibraryMissingException"/> naming the Debian package
    /// when it is absent. Used at startup so the failure is immediate and readable.
    /// </summary>
    public static void Require(string logicalName)
    {
        EnsureRegistered();
        _ = Load(SpecFor(logicalName));
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        foreach (var spec in Specs)
        {
            if (spec.LogicalName == libraryName)
            {
                return Load(spec);
            }
        }

        return IntPtr.Zero;
    }

    private static NativeLibrarySpec SpecFor(string logicalName)
    {
        foreach (var spec in Specs)
        {
            if (spec.LogicalName == logicalName)
            {
                return spec;
            }
        }

        throw new ArgumentException($"unknown native library '{logicalName}'", nameof(logicalName));
    }

    private static IntPtr Load(NativeLibrarySpec spec)
    {
        foreach (var soname in spec.Sonames)
        {
            if (NativeLibrary.TryLoad(soname, out var handle))
            {
                return handle;
            }
        }

        throw new NativeLibraryMissingException(spec.Sonames[0], spec.DebianPackage);
    }

    private sealed record NativeLibrarySpec(string LogicalName, string[] Sonames, string DebianPackage);
}

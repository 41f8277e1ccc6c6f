namespace DaiChain.Ledger.Native;

/// <summary>A native library DaiChain needs is not installed; the message names the package.</summary>
public sealed class NativeLibraryMissingException : Exception
{
    public NativeLibraryMissingException(string soname, string debianPackage)
        : base($"native library {soname} not found: install it with 'apt-get install {debianPackage}' (or run scripts/setup)")
    {
        Soname = soname;
        DebianPackage = debianPackage;
    }

    public NativeLibraryMissingException()
        : this("(unknown)", "(unknown)")
    {
    }

    public NativeLibraryMissingException(string message)
        : base(message)
    {
        Soname = "(unknown)";
        DebianPackage = "(unknown)";
    }

    public NativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Soname = "(unknown)";
        DebianPackage = "(unknown)";
    }

    public string Soname { get; } = "(unknown)";

    public string DebianPackage { get; } = "(unknown)";
}

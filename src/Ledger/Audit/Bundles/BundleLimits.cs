namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>Bounds of a proof bundle, checked before anything is allocated (docs/spec/proof-bundle.md).</summary>
public static class BundleLimits
{
    /// <summary>The largest bundle file: 64 MiB.</summary>
    public const int MaxBundleBytes = 64 * 1024 * 1024;

    /// <summary>Validator-set changes a bundle may walk through.</summary>
    public const int MaxSteps = 65_536;

    public const int MaxFacts = 4_096;

    public const int MaxSpaceBytes = 64;

    public const int MaxIdBytes = 1_024;

    /// <summary>The largest state value a fact may carry: 1 MiB.</summary>
    public const int MaxValueBytes = 1024 * 1024;

}

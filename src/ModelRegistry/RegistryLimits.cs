namespace DaiChain.ModelRegistry;

/// <summary>Bounds on every variable-length field and every walk of the registry (docs/spec/registry.md).</summary>
public static class RegistryLimits
{
    public const int MaxModelNameBytes = 64;
    public const int MaxDescriptionBytes = 1024;
    public const int MaxTaskTypeBytes = 64;
    public const int MaxLicenceBytes = 128;
    public const int MaxOwners = 8;
    public const int MaxSemverBytes = 64;
    public const int MaxParents = 16;
    public const int MaxVersionDatasets = 32;
    public const int MaxVersionContributions = 64;
    public const int MaxVersionBenchmarks = 8;
    public const int MaxEvaluations = MaxVersionBenchmarks;

    /// <summary>The largest model card, in UTF-8 bytes. The codec admits up to <see cref="MaxModelCardCodecBytes"/> so that an oversize card gets its own code.</summary>
    public const int MaxModelCardBytes = 16 * 1024;

    public const int MaxModelCardCodecBytes = 64 * 1024;

    /// <summary>The largest artifact a version may name (1 TiB): the node's store has its own, smaller cap.</summary>
    public const ulong MaxArtifactBytes = 1UL << 40;

    public const int MaxAliasBytes = 32;
    public const int MaxNoteBytes = 256;
    public const int MaxReasonBytes = 1024;
    public const int MaxDatasetNameBytes = 128;
    public const int MaxSchemaBytes = 4096;
    public const int MaxBenchmarkNameBytes = 64;

    /// <summary>Sample counts and compute units are at most 2^48 each, so reward points never overflow.</summary>
    public const ulong MaxContributionAmount = 1UL << 48;

    public const int MaxRoundParticipants = 64;

    /// <summary>A round's contributions must all be cited by the version that closes it, so at most as many as a version cites.</summary>
    public const int MaxRoundContributions = MaxVersionContributions;

    public const ulong MaxRoundBlocks = 1_000_000;

    public const uint MaxReceiptsPerBatch = 1_000_000;

    /// <summary>Distinct versions per epoch that earn rewards (later ones are recorded but not weighted).</summary>
    public const int MaxServedVersionsPerEpoch = 1024;

    /// <summary>Distinct ancestors one served version's weight reaches.</summary>
    public const int MaxRewardAncestorsPerVersion = 64;

    public const ulong MaxRewardLineageDepth = 8;
}

using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>
/// The verdict on a bundle: valid, with the proven header and facts; or the first problem, naming the field
/// (<c>steps[1].certificate</c>, <c>facts[3].proof</c>) and why.
/// </summary>
public sealed record BundleVerification
{
    public bool IsValid => Problem is null;

    /// <summary>The field that failed (a path into the bundle); null when valid.</summary>
    public string? Field { get; init; }

    /// <summary>Why the bundle is not valid; null when valid.</summary>
    public string? Problem { get; init; }

    /// <summary>SHA-256 of the bundle bytes.</summary>
    public Hash256 BundleHash { get; init; }

    /// <summary>The decoded bundle; null when it did not decode.</summary>
    public ProofBundle? Bundle { get; init; }

    /// <summary>The header the facts are proven against (verified only when <see cref="IsValid"/>).</summary>
    public BlockHeader? Header => Bundle?.Header;

    /// <summary>The validator sets the verification moved through, from the anchor's to the proven height's.</summary>
    public IReadOnlyList<ValidatorSetChange> Sets { get; init; } = [];

    public override string ToString() => IsValid ? $"bundle {BundleHash} is valid" : $"bundle {BundleHash} is invalid: {Field}: {Problem}";
}

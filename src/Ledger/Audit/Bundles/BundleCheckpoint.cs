using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>
/// A trusted checkpoint a bundle starts from instead of genesis: a header whose hash the verifier already trusts
/// (from an integrity report it published, say) and the validator set of its height.
/// </summary>
/// <remarks>Encoding: header, validator set.</remarks>
public sealed record BundleCheckpoint(BlockHeader Header, ValidatorSet Validators) : ICanonicalEncodable<BundleCheckpoint>
{
    public void Encode(ref CanonicalWriter writer)
    {
        Header.Encode(ref writer);
        Validators.Encode(ref writer);
    }

    public static BundleCheckpoint Decode(ref CanonicalReader reader) =>
        new(BlockHeader.Decode(ref reader), ValidatorSet.Decode(ref reader));
}

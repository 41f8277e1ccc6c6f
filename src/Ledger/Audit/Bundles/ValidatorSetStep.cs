using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>
/// One move of trust from a validator set to the next: a header signed by the set trusted so far (its certificate),
/// whose next validators hash commits to <see cref="NextValidators"/>, the set of the following height.
/// </summary>
/// <remarks>Encoding: header, commit certificate, validator set.</remarks>
public sealed record ValidatorSetStep(BlockHeader Header, CommitCertificate Certificate, ValidatorSet NextValidators) : ICanonicalEncodable<ValidatorSetStep>
{
    public void Encode(ref CanonicalWriter writer)
    {
        Header.Encode(ref writer);
        Certificate.Encode(ref writer);
        NextValidators.Encode(ref writer);
    }

    public static ValidatorSetStep Decode(ref CanonicalReader reader) =>
        new(BlockHeader.Decode(ref reader), CommitCertificate.Decode(ref reader), ValidatorSet.Decode(ref reader));
}

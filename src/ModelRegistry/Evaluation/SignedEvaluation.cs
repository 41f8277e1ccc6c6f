using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;

namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>A validator's signed <see cref="EvaluationStatement"/>: kept by the validator, and half of the evidence if it ever signs another result for the same evaluation.</summary>
/// <remarks>Encoding: chain id <c>string&lt;64&gt;</c>, the statement's body, the 65-byte recoverable signature.</remarks>
public sealed record SignedEvaluation(EvaluationStatement Statement, RecoverableSignature Signature) : ICanonicalEncodable<SignedEvaluation>
{
    /// <summary>Signs <paramref name="statement"/> with <paramref name="key"/>.</summary>
    public static SignedEvaluation Sign(EvaluationStatement statement, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(key);
        return new SignedEvaluation(statement, key.Sign(statement.Digest()));
    }

    /// <summary>True when the signature is <paramref name="validator"/>'s over this statement.</summary>
    public bool IsSignedBy(PublicKey validator) =>
        SignBytes.IsValidChainId(Statement.ChainId) && Secp256k1.Shared.Verify(validator, Statement.Digest(), Signature);

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteString(Statement.ChainId, SignBytes.MaxChainIdBytes);
        Statement.Encode(ref writer);
        Signature.Encode(ref writer);
    }

    public static SignedEvaluation Decode(ref CanonicalReader reader)
    {
        var chainId = reader.ReadString("signed_evaluation.chain_id", SignBytes.MaxChainIdBytes);
        var statement = EvaluationStatement.Decode(ref reader) with { ChainId = chainId };
        return new SignedEvaluation(statement, RecoverableSignature.Decode(ref reader));
    }
}

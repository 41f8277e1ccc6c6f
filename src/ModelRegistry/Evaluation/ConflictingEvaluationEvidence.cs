using DaiChain.Ledger;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;

namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>
/// Two signed evaluations by one validator of the same artifact on the same benchmark with the same evaluator and
/// chain, stating different results: like a double vote, proof that the validator signed something false (the
/// evaluator is deterministic, so at most one result is right).
/// </summary>
/// <remarks>
/// Verifying needs only the validator's public key. The pair is ordered (first statement's result hash lower) so
/// one misbehaviour has one encoding. Encoding: the two <see cref="SignedEvaluation"/>s.
/// </remarks>
public sealed record ConflictingEvaluationEvidence(SignedEvaluation First, SignedEvaluation Second) : ICanonicalEncodable<ConflictingEvaluationEvidence>
{
    /// <summary>Stable code of evidence that proves nothing.</summary>
    public const string InvalidCode = "invalid_evaluation_evidence";

    /// <summary>The evidence for two signed evaluations, ordered.</summary>
    public static ConflictingEvaluationEvidence Of(SignedEvaluation a, SignedEvaluation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Statement.ResultHash.CompareTo(b.Statement.ResultHash) <= 0 ? new(a, b) : new(b, a);
    }

    /// <summary>Success when both evaluations are <paramref name="validator"/>'s and conflict; otherwise why not.</summary>
    public Outcome Verify(PublicKey validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var (a, b) = (First.Statement, Second.Statement);
        if (!string.Equals(a.ChainId, b.ChainId, StringComparison.Ordinal) || a.ArtifactHash != b.ArtifactHash
            || !string.Equals(a.Benchmark, b.Benchmark, StringComparison.Ordinal) || !string.Equals(a.EvaluatorVersion, b.EvaluatorVersion, StringComparison.Ordinal))
        {
            return Outcome.Fail(InvalidCode, "the two evaluations are not of the same artifact, benchmark, evaluator and chain");
        }

        if (a.ResultHash.CompareTo(b.ResultHash) >= 0)
        {
            return Outcome.Fail(InvalidCode, a.ResultHash == b.ResultHash
                ? "the two evaluations state the same result: no conflict"
                : "the evaluations are not in canonical order (lower result hash first)");
        }

        if (!First.IsSignedBy(validator) || !Second.IsSignedBy(validator))
        {
            return Outcome.Fail(InvalidCode, $"the evaluations are not both signed by {validator.Address}");
        }

        return Outcome.Success;
    }

    public void Encode(ref CanonicalWriter writer)
    {
        First.Encode(ref writer);
        Second.Encode(ref writer);
    }

    public static ConflictingEvaluationEvidence Decode(ref CanonicalReader reader) =>
        new(SignedEvaluation.Decode(ref reader), SignedEvaluation.Decode(ref reader));
}

using DaiChain.Ledger.Encoding;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// Kind 113 payload: version <c>u8 = 1</c>, then the <see cref="ConflictingEvaluationEvidence"/> (two
/// <see cref="SignedEvaluation"/>s, lower result hash first). Every field is bounded by its encoding: chain ids and
/// names are <c>string&lt;64&gt;</c>, hashes 32 bytes, signatures 65 bytes.
/// </summary>
public sealed record ReportConflictingEvaluationPayload(ConflictingEvaluationEvidence Evidence) : ICanonicalEncodable<ReportConflictingEvaluationPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        Evidence.Encode(ref writer);
    }

    public static ReportConflictingEvaluationPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("report_conflicting_evaluation.version", Version1);
        return new ReportConflictingEvaluationPayload(ConflictingEvaluationEvidence.Decode(ref reader));
    }
}

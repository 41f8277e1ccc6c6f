using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// Kind 112 payload: version <c>u8 = 1</c>, version id (32), entries <c>list&lt;(string&lt;64&gt;, EvaluationResult), 8&gt;</c>:
/// per benchmark of the version, in the version's order, the benchmark's name and the evaluator's canonical
/// <see cref="EvaluationResult"/> (docs/spec/evaluation-gate.md).
/// </summary>
public sealed record RecordEvaluationPayload(Hash256 VersionId, IReadOnlyList<EvaluationRecordEntry> Entries) : ICanonicalEncodable<RecordEvaluationPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(VersionId);
        writer.WriteList(Entries, RegistryLimits.MaxVersionBenchmarks, static (ref CanonicalWriter w, EvaluationRecordEntry e) =>
        {
            w.WriteString(e.Benchmark, RegistryLimits.MaxBenchmarkNameBytes);
            e.Result.Encode(ref w);
        });
    }

    public static RecordEvaluationPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("record_evaluation.version", Version1);
        var version = reader.ReadHash("record_evaluation.version_id");
        var entries = reader.ReadList("record_evaluation.entries", RegistryLimits.MaxVersionBenchmarks, static (ref CanonicalReader r) =>
            new EvaluationRecordEntry(r.ReadString("record_evaluation.benchmark", RegistryLimits.MaxBenchmarkNameBytes), EvaluationResult.Decode(ref r)));
        return new RecordEvaluationPayload(version, entries);
    }
}

using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>
/// One benchmark's evaluation of a version, as validators agreed on it. Encoding: benchmark <c>string&lt;64&gt;</c>,
/// verdict <c>u8</c>, metric value <c>i64</c>, threshold <c>i64</c>, result hash (32: SHA-256 of the evaluator's
/// canonical result), height <c>varuint</c>.
/// </summary>
public sealed record EvaluationEntry(string Benchmark, EvaluationVerdict Verdict, long MetricValue, long Threshold, Hash256 ResultHash, ulong Height)
    : ICanonicalEncodable<EvaluationEntry>
{
    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteString(Benchmark, RegistryLimits.MaxBenchmarkNameBytes);
        writer.WriteByte((byte)Verdict);
        writer.WriteInt64(MetricValue);
        writer.WriteInt64(Threshold);
        writer.WriteHash(ResultHash);
        writer.WriteVarUInt(Height);
    }

    public static EvaluationEntry Decode(ref CanonicalReader reader) => new(
        reader.ReadString("evaluation.benchmark", RegistryLimits.MaxBenchmarkNameBytes),
        reader.ReadEnum<EvaluationVerdict>("evaluation.verdict"),
        reader.ReadInt64("evaluation.metric_value"),
        reader.ReadInt64("evaluation.threshold"),
        reader.ReadHash("evaluation.result_hash"),
        reader.ReadVarUInt("evaluation.height"));
}

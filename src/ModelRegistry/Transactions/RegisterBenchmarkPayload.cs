using DaiChain.Ledger.Encoding;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Kind 106 payload: version <c>u8 = 1</c>, name <c>string&lt;64&gt;</c>, description <c>string&lt;1024&gt;</c>, definition (the evaluator's <see cref="BenchmarkSpec"/>; an inconsistent one does not decode).</summary>
public sealed record RegisterBenchmarkPayload(string Name, string Description, BenchmarkSpec Definition) : ICanonicalEncodable<RegisterBenchmarkPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(Name, RegistryLimits.MaxBenchmarkNameBytes);
        writer.WriteString(Description, RegistryLimits.MaxDescriptionBytes);
        Definition.Encode(ref writer);
    }

    public static RegisterBenchmarkPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("register_benchmark.version", Version1);
        return new RegisterBenchmarkPayload(
            reader.ReadString("register_benchmark.name", RegistryLimits.MaxBenchmarkNameBytes),
            reader.ReadString("register_benchmark.description", RegistryLimits.MaxDescriptionBytes),
            BenchmarkSpec.Decode(ref reader));
    }
}

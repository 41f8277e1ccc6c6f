using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A registered benchmark, under <c>reg.benchmark/{name}</c>.</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, name <c>string&lt;64&gt;</c>, description <c>string&lt;1024&gt;</c>, definition (the
/// evaluator's <see cref="BenchmarkSpec"/>, so validators hand it to the evaluator as committed), registered by (20),
/// registered height <c>varuint</c>.
/// </remarks>
public sealed record BenchmarkRecord : ICanonicalEncodable<BenchmarkRecord>
{
    private const byte Version1 = 1;

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required BenchmarkSpec Definition { get; init; }

    public required Address RegisteredBy { get; init; }

    public required ulong RegisteredHeight { get; init; }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(Name, RegistryLimits.MaxBenchmarkNameBytes);
        writer.WriteString(Description, RegistryLimits.MaxDescriptionBytes);
        Definition.Encode(ref writer);
        writer.WriteAddress(RegisteredBy);
        writer.WriteVarUInt(RegisteredHeight);
    }

    public static BenchmarkRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("benchmark.version", Version1);
        return new BenchmarkRecord
        {
            Name = reader.ReadString("benchmark.name", RegistryLimits.MaxBenchmarkNameBytes),
            Description = reader.ReadString("benchmark.description", RegistryLimits.MaxDescriptionBytes),
            Definition = BenchmarkSpec.Decode(ref reader),
            RegisteredBy = reader.ReadAddress("benchmark.registered_by"),
            RegisteredHeight = reader.ReadVarUInt("benchmark.registered_height"),
        };
    }
}

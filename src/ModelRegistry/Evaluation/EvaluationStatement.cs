using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>
/// What a validator states when it signs an evaluation: on chain <see cref="ChainId"/>, artifact
/// <see cref="ArtifactHash"/> evaluated on benchmark <see cref="Benchmark"/> by evaluator
/// <see cref="EvaluatorVersion"/> gives the result whose canonical encoding hashes to <see cref="ResultHash"/>.
/// </summary>
/// <remarks>
/// Sign bytes: <c>SignBytes.Digest(Evaluation, chainId, body)</c> (tag <c>daichain/evaluation/v1</c>) over the body
/// version <c>u8 = 1</c>, artifact hash (32), benchmark <c>string&lt;64&gt;</c>, evaluator version <c>string&lt;64&gt;</c>,
/// result hash (32). The chain id is in the digest's prefix, so a statement never verifies on another chain.
/// </remarks>
public sealed record EvaluationStatement(string ChainId, Hash256 ArtifactHash, string Benchmark, string EvaluatorVersion, Hash256 ResultHash)
    : ICanonicalEncodable<EvaluationStatement>
{
    private const byte Version1 = 1;

    /// <summary>The statement of <paramref name="result"/> for <paramref name="benchmark"/> on <paramref name="chainId"/>.</summary>
    public static EvaluationStatement Of(string chainId, string benchmark, EvaluationResult result) =>
        new(chainId, result.ModelHash, benchmark, result.EvaluatorVersion, Hash256.Compute(Canonical.Encode(result)));

    /// <summary>The digest a validator signs.</summary>
    public Hash256 Digest() => SignBytes.Digest(SigningDomain.Evaluation, ChainId, Canonical.Encode(this));

    /// <summary>The body (the chain id is not in it: it is in the signed digest's prefix and encoded beside it where stored).</summary>
    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(ArtifactHash);
        writer.WriteString(Benchmark, RegistryLimits.MaxBenchmarkNameBytes);
        writer.WriteString(EvaluatorVersion, EvaluationResult.MaxVersionBytes);
        writer.WriteHash(ResultHash);
    }

    /// <summary>Decodes a body; the chain id is not part of it and reads as empty (see <see cref="SignedEvaluation"/>).</summary>
    public static EvaluationStatement Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("evaluation_statement.version", Version1);
        return new EvaluationStatement(
            string.Empty,
            reader.ReadHash("evaluation_statement.artifact"),
            reader.ReadString("evaluation_statement.benchmark", RegistryLimits.MaxBenchmarkNameBytes),
            reader.ReadString("evaluation_statement.evaluator_version", EvaluationResult.MaxVersionBytes),
            reader.ReadHash("evaluation_statement.result_hash"));
    }
}

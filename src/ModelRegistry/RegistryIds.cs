using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry;

/// <summary>
/// How registry records are identified. Models and versions have ids a client computes before submitting (so
/// it can register a model and two versions with lineage in one block); contributions, rounds and inference
/// batches are identified by the hash of the transaction that recorded them; datasets by their content hash;
/// benchmarks by their name.
/// </summary>
/// <remarks>
/// Each derived id is SHA-256 of a canonical encoding that starts with its own tag, so ids of different kinds
/// never collide: model = <c>SHA-256(str("daichain/model/v1") ‖ creator(20) ‖ str(name))</c>, version =
/// <c>SHA-256(str("daichain/model-version/v1") ‖ model(32) ‖ str(semver without build metadata))</c>, alias =
/// <c>SHA-256(str("daichain/model-alias/v1") ‖ model(32) ‖ str(alias))</c>.
/// </remarks>
public static class RegistryIds
{
    /// <summary>The text form of an id in events, RPC and the CLI: <c>0x</c> and 64 lower-case hex digits.</summary>
    public static string Format(Hash256 id) => "0x" + id.ToString();

    public static Hash256 Model(Address creator, string name)
    {
        var writer = new CanonicalWriter(stackalloc byte[160]);
        try
        {
            writer.WriteString("daichain/model/v1", 64);
            writer.WriteAddress(creator);
            writer.WriteString(name, 1024);
            return Hash256.Compute(writer.WrittenSpan);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>The version's id; <paramref name="precedenceText"/> is the semver without build metadata.</summary>
    public static Hash256 Version(Hash256 model, string precedenceText) => Tagged("daichain/model-version/v1", model, precedenceText);

    public static Hash256 Alias(Hash256 model, string alias) => Tagged("daichain/model-alias/v1", model, alias);

    private static Hash256 Tagged(string tag, Hash256 id, string text)
    {
        var writer = new CanonicalWriter(stackalloc byte[192]);
        try
        {
            writer.WriteString(tag, 64);
            writer.WriteHash(id);
            writer.WriteString(text, 1024);
            return Hash256.Compute(writer.WrittenSpan);
        }
        finally
        {
            writer.Dispose();
        }
    }
}

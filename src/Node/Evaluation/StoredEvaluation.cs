using DaiChain.Ledger.Encoding;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// A finished evaluation as this validator keeps it: the benchmark, the canonical result, the rejection message for
/// people (not part of the result's encoding) and this validator's signed statement of it.
/// </summary>
/// <remarks>Encoding (the cache file): version <c>u8 = 1</c>, benchmark <c>string&lt;64&gt;</c>, result, message <c>string&lt;2048&gt;</c>, signed statement.</remarks>
public sealed record StoredEvaluation(string Benchmark, EvaluationResult Result, string Message, SignedEvaluation Signed) : ICanonicalEncodable<StoredEvaluation>
{
    public const int MaxMessageBytes = 2048;
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(Benchmark, 64);
        Result.Encode(ref writer);
        writer.WriteString(Message, MaxMessageBytes);
        Signed.Encode(ref writer);
    }

    public static StoredEvaluation Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("stored_evaluation.version", Version1);
        var benchmark = reader.ReadString("stored_evaluation.benchmark", 64);
        var result = EvaluationResult.Decode(ref reader);
        var message = reader.ReadString("stored_evaluation.message", MaxMessageBytes);
        return new StoredEvaluation(benchmark, result with { RejectionMessage = message.Length == 0 ? null : message }, message, SignedEvaluation.Decode(ref reader));
    }

    /// <summary>Truncates a message to what the encoding holds, on a character boundary.</summary>
    public static string Clip(string? message)
    {
        if (message is null)
        {
            return string.Empty;
        }

        while (System.Text.Encoding.UTF8.GetByteCount(message) > MaxMessageBytes)
        {
            message = message[..(message.Length * 3 / 4)];
        }

        return message;
    }
}

using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Chain;

/// <summary>One validator's precommit inside a <see cref="CommitCertificate"/>: who (by index), when, and the signature.</summary>
/// <remarks>Encoding: validator index (varuint), timestamp <c>i64</c> (Unix ms), signature (65 bytes).</remarks>
public sealed record CommitSignature(int ValidatorIndex, long TimestampMs, RecoverableSignature Signature) : ICanonicalEncodable<CommitSignature>
{
    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)ValidatorIndex);
        writer.WriteInt64(TimestampMs);
        Signature.Encode(ref writer);
    }

    public static CommitSignature Decode(ref CanonicalReader reader)
    {
        var index = reader.ReadVarInt32("commit.signature.validator_index", ChainLimits.MaxValidators - 1);
        var timestamp = reader.ReadInt64("commit.signature.timestamp_ms");
        var signature = RecoverableSignature.Decode(ref reader);
        return new CommitSignature(index, timestamp, signature);
    }
}

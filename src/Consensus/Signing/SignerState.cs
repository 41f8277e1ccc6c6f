using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Signing;

/// <summary>
/// The last thing a validator signed: height, round, step, the digest of the sign bytes, and what is needed to
/// hand out the very same signed message again (block hash, valid round, timestamp, signature).
/// </summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, height <c>u64</c>, round <c>u32</c>, step <c>u8</c>, sign-bytes digest (32),
/// has-block <c>bool</c> then the block hash, valid round + 1 <c>u32</c>, timestamp <c>i64</c>, signature (65).
/// </remarks>
public sealed record SignerState(
    ulong Height,
    uint Round,
    SignStep Step,
    Hash256 SignBytesDigest,
    Hash256? BlockHash,
    int ValidRound,
    long TimestampMs,
    RecoverableSignature Signature) : ICanonicalEncodable<SignerState>
{
    private const byte Version1 = 1;

    /// <summary>Orders (height, round, step) lexicographically: negative when this is before the other position.</summary>
    public int ComparePosition(ulong height, uint round, SignStep step)
    {
        var c = Height.CompareTo(height);
        if (c != 0)
        {
            return c;
        }

        c = Round.CompareTo(round);
        return c != 0 ? c : ((byte)Step).CompareTo((byte)step);
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteUInt64(Height);
        writer.WriteUInt32(Round);
        writer.WriteByte((byte)Step);
        writer.WriteHash(SignBytesDigest);
        writer.WriteBool(BlockHash.HasValue);
        if (BlockHash is { } hash)
        {
            writer.WriteHash(hash);
        }

        writer.WriteUInt32((uint)(ValidRound + 1));
        writer.WriteInt64(TimestampMs);
        Signature.Encode(ref writer);
    }

    public static SignerState Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("signer_state.version", Version1);
        var height = reader.ReadUInt64("signer_state.height");
        var round = reader.ReadUInt32("signer_state.round");
        var step = reader.ReadEnum<SignStep>("signer_state.step");
        var digest = reader.ReadHash("signer_state.digest");
        Hash256? block = reader.ReadBool("signer_state.has_block") ? reader.ReadHash("signer_state.block_hash") : null;
        var validRound = (int)Math.Min(reader.ReadUInt32("signer_state.valid_round"), int.MaxValue) - 1;
        var timestamp = reader.ReadInt64("signer_state.timestamp_ms");
        var signature = RecoverableSignature.Decode(ref reader);
        return new SignerState(height, round, step, digest, block, validRound, timestamp, signature);
    }
}

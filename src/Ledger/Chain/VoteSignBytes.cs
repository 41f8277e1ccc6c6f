using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>
/// The canonical bytes a validator signs for a vote, and their digest in the <see cref="SigningDomain.Vote"/>
/// domain. Independent of how votes travel on the wire.
/// </summary>
/// <remarks>
/// Body: version <c>u8 = 1</c>, type <c>u8</c>, height <c>u64</c>, round <c>u32</c>, has-block <c>bool</c>,
/// block hash (32 bytes, only when has-block), timestamp <c>i64</c> (Unix milliseconds). A nil vote has no block
/// hash. The signed digest is <c>SignBytes.Digest(Vote, chainId, body)</c>, so a vote on one chain never verifies
/// on another and never passes for a transaction or proposal.
/// </remarks>
public static class VoteSignBytes
{
    public const byte Version1 = 1;

    /// <summary>The largest body: 1 + 1 + 8 + 4 + 1 + 32 + 8 bytes.</summary>
    public const int MaxSize = 55;

    public static int Write(Span<byte> destination, VoteType type, ulong height, uint round, Hash256? blockHash, long timestampMs)
    {
        var writer = new CanonicalWriter(destination);
        WriteBody(ref writer, type, height, round, blockHash, timestampMs);
        return writer.Length;
    }

    public static byte[] Encode(VoteType type, ulong height, uint round, Hash256? blockHash, long timestampMs)
    {
        Span<byte> buffer = stackalloc byte[MaxSize];
        return buffer[..Write(buffer, type, height, round, blockHash, timestampMs)].ToArray();
    }

    public static Hash256 Digest(string chainId, VoteType type, ulong height, uint round, Hash256? blockHash, long timestampMs)
    {
        Span<byte> buffer = stackalloc byte[MaxSize];
        var length = Write(buffer, type, height, round, blockHash, timestampMs);
        return SignBytes.Digest(SigningDomain.Vote, chainId, buffer[..length]);
    }

    internal static void WriteBody(ref CanonicalWriter writer, VoteType type, ulong height, uint round, Hash256? blockHash, long timestampMs)
    {
        writer.WriteByte(Version1);
        writer.WriteByte((byte)type);
        writer.WriteUInt64(height);
        writer.WriteUInt32(round);
        writer.WriteBool(blockHash.HasValue);
        if (blockHash is { } hash)
        {
            writer.WriteHash(hash);
        }

        writer.WriteInt64(timestampMs);
    }
}

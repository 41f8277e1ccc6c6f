using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Messages;

/// <summary>
/// The canonical bytes a proposer signs for <c>⟨PROPOSAL, h, round, id(v), validRound⟩</c>, and their digest in
/// the <see cref="SigningDomain.Proposal"/> domain (so a proposal signature never passes for a vote or a
/// transaction).
/// </summary>
/// <remarks>
/// Body: version <c>u8 = 1</c>, height <c>u64</c>, round <c>u32</c>, valid round + 1 <c>u32</c> (0 means none, the
/// paper's -1), block hash (32 bytes). The block itself is not signed: its hash is, and the block travels next to
/// the proposal.
/// </remarks>
public static class ProposalSignBytes
{
    public const byte Version1 = 1;

    /// <summary>1 + 8 + 4 + 4 + 32 bytes.</summary>
    public const int Size = 49;

    public static Hash256 Digest(string chainId, ulong height, uint round, int validRound, Hash256 blockHash)
    {
        Span<byte> buffer = stackalloc byte[Size];
        var writer = new CanonicalWriter(buffer);
        WriteBody(ref writer, height, round, validRound, blockHash);
        return SignBytes.Digest(SigningDomain.Proposal, chainId, writer.WrittenSpan);
    }

    public static byte[] Encode(ulong height, uint round, int validRound, Hash256 blockHash)
    {
        Span<byte> buffer = stackalloc byte[Size];
        var writer = new CanonicalWriter(buffer);
        WriteBody(ref writer, height, round, validRound, blockHash);
        return writer.ToArray();
    }

    internal static void WriteBody(ref CanonicalWriter writer, ulong height, uint round, int validRound, Hash256 blockHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validRound, -1);
        writer.WriteByte(Version1);
        writer.WriteUInt64(height);
        writer.WriteUInt32(round);
        writer.WriteUInt32((uint)(validRound + 1));
        writer.WriteHash(blockHash);
    }
}

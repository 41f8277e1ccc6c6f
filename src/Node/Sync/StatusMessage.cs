using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Configuration;

namespace DaiChain.Node.Sync;

/// <summary>
/// A node's position, sent on the status channel when a peer connects, after every commit and every
/// <c>sync.status_interval_ms</c>: its committed height, that block's hash and its mode.
/// </summary>
/// <remarks>Encoding: version <c>u8 = 1</c>, height <c>u64</c>, latest block hash (32 bytes, zero at height 0), mode <c>u8</c> (0 validator, 1 full, 2 audit).</remarks>
public sealed record StatusMessage(ulong Height, Hash256 LatestBlockHash, NodeMode Mode)
{
    private const byte Version1 = 1;

    public byte[] Encode()
    {
        var writer = new CanonicalWriter(64);
        try
        {
            writer.WriteByte(Version1);
            writer.WriteUInt64(Height);
            writer.WriteHash(LatestBlockHash);
            writer.WriteByte((byte)Mode);
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <exception cref="CodecException">Not a status message.</exception>
    public static StatusMessage Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        _ = reader.ReadVersion("status.version", Version1);
        var height = reader.ReadUInt64("status.height");
        var hash = reader.ReadHash("status.latest_block_hash");
        var at = reader.Position;
        var mode = reader.ReadByte("status.mode");
        if (mode > (byte)NodeMode.Audit)
        {
            throw new CodecException("status.mode", at, $"unknown mode {mode}");
        }

        reader.EnsureEnd("status");
        return new StatusMessage(height, hash, (NodeMode)mode);
    }
}

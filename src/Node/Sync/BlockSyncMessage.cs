using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Node.Sync;

/// <summary>
/// A message on the block sync channel: a request for the block at a height, the block with the certificate that
/// committed it, or "I do not have it".
/// </summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, kind <c>u8</c> (1 request, 2 block, 3 no block), then: request and no block —
/// height <c>u64</c>; block — the block's encoding as <c>bytes</c> (at most <see cref="ChainLimits.MaxBlockBytes"/>),
/// then the <see cref="CommitCertificate"/>. The block stays undecoded until the sync loop needs it.
/// </remarks>
public abstract record BlockSyncMessage
{
    private const byte Version1 = 1;
    private const byte RequestKind = 1;
    private const byte BlockKind = 2;
    private const byte NoBlockKind = 3;

    private protected BlockSyncMessage()
    {
    }

    /// <summary>Asks for the block at <paramref name="Height"/> and its certificate.</summary>
    public sealed record Request(ulong Height) : BlockSyncMessage;

    /// <summary>A committed block (encoded) and the certificate that committed it.</summary>
    public sealed record BlockAt(ulong Height, byte[] Block, CommitCertificate Certificate) : BlockSyncMessage;

    /// <summary>The peer does not have the block at <paramref name="Height"/> (yet).</summary>
    public sealed record NoBlock(ulong Height) : BlockSyncMessage;

    public byte[] Encode()
    {
        var writer = new CanonicalWriter(this is BlockAt sized ? sized.Block.Length + (32 * 1024) : 32);
        try
        {
            writer.WriteByte(Version1);
            switch (this)
            {
                case Request request:
                    writer.WriteByte(RequestKind);
                    writer.WriteUInt64(request.Height);
                    break;
                case BlockAt block:
                    writer.WriteByte(BlockKind);
                    writer.WriteBytes(block.Block, ChainLimits.MaxBlockBytes);
                    block.Certificate.Encode(ref writer);
                    break;
                case NoBlock none:
                    writer.WriteByte(NoBlockKind);
                    writer.WriteUInt64(none.Height);
                    break;
                default:
                    throw new InvalidOperationException($"unknown block sync message {GetType().Name}");
            }

            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <exception cref="CodecException">Not a block sync message.</exception>
    public static BlockSyncMessage Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        _ = reader.ReadVersion("sync.version", Version1);
        var at = reader.Position;
        BlockSyncMessage message = reader.ReadByte("sync.kind") switch
        {
            RequestKind => new Request(reader.ReadUInt64("sync.height")),
            BlockKind => DecodeBlock(ref reader),
            NoBlockKind => new NoBlock(reader.ReadUInt64("sync.height")),
            var kind => throw new CodecException("sync.kind", at, $"unknown kind {kind}"),
        };
        reader.EnsureEnd("sync message");
        return message;
    }

    private static BlockAt DecodeBlock(ref CanonicalReader reader)
    {
        var block = reader.ReadBytes("sync.block", ChainLimits.MaxBlockBytes);
        var certificate = CommitCertificate.Decode(ref reader);
        return new BlockAt(certificate.Height, block, certificate);
    }
}

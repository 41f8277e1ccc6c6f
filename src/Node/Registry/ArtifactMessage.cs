using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Node.Registry;

/// <summary>
/// A message on the artifacts channel (docs/spec/registry.md, "Artifacts channel"): kind <c>u8</c>, request id
/// <c>u64</c>, artifact SHA-256 (32), then per kind — 1 request: offset <c>u64</c>, length <c>u32</c> (1..1 MiB);
/// 2 chunk: offset <c>u64</c>, total size <c>u64</c>, data <c>bytes&lt;1 MiB&gt;</c>; 3 not held: nothing.
/// </summary>
public sealed record ArtifactMessage(ArtifactMessageKind Kind, ulong RequestId, Hash256 Hash, ulong Offset = 0, uint Length = 0, ulong TotalSize = 0, ReadOnlyMemory<byte> Data = default)
{
    public const int MaxChunkBytes = 1 << 20;

    public byte[] Encode()
    {
        var writer = new CanonicalWriter(64 + Data.Length);
        try
        {
            writer.WriteByte((byte)Kind);
            writer.WriteUInt64(RequestId);
            writer.WriteHash(Hash);
            switch (Kind)
            {
                case ArtifactMessageKind.Request:
                    writer.WriteUInt64(Offset);
                    writer.WriteUInt32(Length);
                    break;
                case ArtifactMessageKind.Chunk:
                    writer.WriteUInt64(Offset);
                    writer.WriteUInt64(TotalSize);
                    writer.WriteBytes(Data.Span, MaxChunkBytes);
                    break;
            }

            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <exception cref="CodecException">Not one well-formed message.</exception>
    public static ArtifactMessage Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var kind = reader.ReadEnum<ArtifactMessageKind>("artifact.kind");
        var id = reader.ReadUInt64("artifact.request_id");
        var hash = reader.ReadHash("artifact.hash");
        var message = kind switch
        {
            ArtifactMessageKind.Request => new ArtifactMessage(kind, id, hash, reader.ReadUInt64("artifact.offset"), reader.ReadUInt32("artifact.length")),
            ArtifactMessageKind.Chunk => new ArtifactMessage(kind, id, hash, reader.ReadUInt64("artifact.offset"), 0, reader.ReadUInt64("artifact.total_size"), reader.ReadBytes("artifact.data", MaxChunkBytes)),
            _ => new ArtifactMessage(kind, id, hash),
        };
        reader.EnsureEnd("artifact message");
        if (kind == ArtifactMessageKind.Request && message.Length is 0 or > MaxChunkBytes)
        {
            throw new CodecException("artifact.length", 0, $"a request asks for 1..{MaxChunkBytes} bytes");
        }

        return message;
    }
}

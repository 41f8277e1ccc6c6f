using System.Buffers.Binary;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>
/// Where a tree node is stored: the version (block height) that wrote it and its nibble path from the root.
/// </summary>
/// <remarks>
/// Nodes are never overwritten: an update writes new nodes under its own version and lists the nodes it
/// replaced as stale, so every root of a retained version stays readable and pruning is a delete of stale
/// keys. <see cref="Path"/> holds the first <see cref="Depth"/> nibbles of the keys below the node, the
/// remaining bits zero.
/// </remarks>
public readonly record struct NodeKey(ulong Version, int Depth, Hash256 Path)
{
    /// <summary>The largest encoded size: version, depth and 32 packed path bytes.</summary>
    public const int MaxEncodedSize = 8 + 1 + Hash256.Size;

    /// <summary>The root position at <paramref name="version"/>.</summary>
    public static NodeKey Root(ulong version) => new(version, 0, Hash256.Zero);

    /// <summary>Encoded size: 8-byte version, 1-byte depth, then ceil(depth/2) path bytes.</summary>
    public int EncodedSize => 9 + ((Depth + 1) / 2);

    /// <summary>Storage key bytes: big-endian version, depth, packed nibbles (an odd depth ends in a zero low nibble).</summary>
    public int Encode(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, Version);
        destination[8] = (byte)Depth;
        Span<byte> path = stackalloc byte[Hash256.Size];
        Path.CopyTo(path);
        var pathBytes = (Depth + 1) / 2;
        path[..pathBytes].CopyTo(destination[9..]);
        return 9 + pathBytes;
    }

    public byte[] Encode()
    {
        var bytes = new byte[EncodedSize];
        _ = Encode(bytes);
        return bytes;
    }

    /// <summary>Decodes storage key bytes, rejecting any encoding <see cref="Encode(Span{byte})"/> would not produce.</summary>
    public static NodeKey Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 9)
        {
            throw new FormatException("a node key is at least 9 bytes");
        }

        var version = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var depth = bytes[8];
        if (depth > Nibbles.MaxDepth || bytes.Length != 9 + ((depth + 1) / 2))
        {
            throw new FormatException($"node key of depth {depth} has {bytes.Length} bytes");
        }

        Span<byte> path = stackalloc byte[Hash256.Size];
        bytes[9..].CopyTo(path);
        var prefix = Nibbles.Prefix(path, depth);
        Span<byte> check = stackalloc byte[Hash256.Size];
        prefix.CopyTo(check);
        if (!check.SequenceEqual(path))
        {
            throw new FormatException("node key path has bits set beyond its depth");
        }

        return new NodeKey(version, depth, prefix);
    }

    public override string ToString() => $"{Version}/{Path.ToString()[..Depth]}";
}

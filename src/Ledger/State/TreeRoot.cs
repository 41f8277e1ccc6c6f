using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>The root of one version of the tree: where its root node is stored (none when empty) and its hash.</summary>
public readonly record struct TreeRoot(NodeKey? Key, Hash256 Hash) : ICanonicalEncodable<TreeRoot>
{
    /// <summary>The root of an empty tree.</summary>
    public static TreeRoot Empty => new(null, StateHashing.Empty);

    public bool IsEmpty => Key is null;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteBool(Key is not null);
        if (Key is { } key)
        {
            Span<byte> bytes = stackalloc byte[NodeKey.MaxEncodedSize];
            writer.WriteBytes(bytes[..key.Encode(bytes)], NodeKey.MaxEncodedSize);
        }

        writer.WriteHash(Hash);
    }

    public static TreeRoot Decode(ref CanonicalReader reader)
    {
        NodeKey? key = null;
        if (reader.ReadBool("root.has_node"))
        {
            var start = reader.Position;
            try
            {
                key = NodeKey.Decode(reader.ReadBytesSpan("root.node_key", NodeKey.MaxEncodedSize));
            }
            catch (FormatException e) when (e is not CodecException)
            {
                throw new CodecException("root.node_key", start, e.Message);
            }
        }

        var hash = reader.ReadHash("root.hash");
        if (key is null && !hash.IsZero)
        {
            throw new CodecException("root.hash", reader.Position - Hash256.Size, "an empty tree has the zero root");
        }

        return new TreeRoot(key, hash);
    }
}

using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>A stored node of the state tree: a <see cref="LeafNode"/> or an <see cref="InternalNode"/>.</summary>
/// <remarks>The storage encoding starts with a tag byte: 1 internal, 2 leaf.</remarks>
public abstract class TreeNode
{
    private protected const byte InternalNodeTag = 1;
    private protected const byte LeafNodeTag = 2;

    private protected TreeNode()
    {
    }

    /// <summary>The hash this node contributes to its parent (a leaf hash or a subtree hash).</summary>
    public abstract Hash256 Hash { get; }

    public abstract void Encode(ref CanonicalWriter writer);

    public byte[] Encode()
    {
        var writer = new CanonicalWriter(stackalloc byte[256]);
        try
        {
            Encode(ref writer);
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Decodes a stored node; rejects non-canonical encodings and trailing bytes.</summary>
    public static TreeNode Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var tag = reader.ReadByte("node.tag");
        TreeNode node = tag switch
        {
            InternalNodeTag => InternalNode.DecodeBody(ref reader),
            LeafNodeTag => LeafNode.DecodeBody(ref reader),
            _ => throw new CodecException("node.tag", 0, $"unknown tree node tag {tag}"),
        };
        reader.EnsureEnd("TreeNode");
        return node;
    }
}

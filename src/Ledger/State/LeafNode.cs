using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>A leaf: the tree key (SHA-256 of the application key) and the hash of its value.</summary>
public sealed class LeafNode : TreeNode
{
    public LeafNode(Hash256 keyHash, Hash256 valueHash)
    {
        KeyHash = keyHash;
        ValueHash = valueHash;
        Hash = StateHashing.Leaf(keyHash, valueHash);
    }

    public Hash256 KeyHash { get; }

    public Hash256 ValueHash { get; }

    public override Hash256 Hash { get; }

    public override void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(LeafNodeTag);
        writer.WriteHash(KeyHash);
        writer.WriteHash(ValueHash);
    }

    internal static LeafNode DecodeBody(ref CanonicalReader reader)
    {
        var key = reader.ReadHash("leaf.key_hash");
        var value = reader.ReadHash("leaf.value_hash");
        return new LeafNode(key, value);
    }
}

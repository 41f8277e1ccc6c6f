using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Network;

/// <summary>
/// A node admitted to the permissioned network, identified by its node key (the key its P2P handshake proves;
/// distinct from any validator or account key). The P2P layer admits only peers listed in state.
/// </summary>
/// <remarks>Encoding: node public key (33), name <c>string&lt;64&gt;</c>, role <c>u8</c>.</remarks>
public sealed record NetworkNode(PublicKey NodePublicKey, string Name, NodeRole Role) : ICanonicalEncodable<NetworkNode>
{
    /// <summary>The node id: the address of the node public key.</summary>
    public Address NodeId => NodePublicKey.Address;

    public void Encode(ref CanonicalWriter writer)
    {
        NodePublicKey.Encode(ref writer);
        writer.WriteString(Name, ChainLimits.MaxNameBytes);
        writer.WriteByte((byte)Role);
    }

    public static NetworkNode Decode(ref CanonicalReader reader) =>
        new(PublicKey.Decode(ref reader), reader.ReadString("node.name", ChainLimits.MaxNameBytes), reader.ReadEnum<NodeRole>("node.role"));
}

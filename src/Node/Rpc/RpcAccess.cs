namespace DaiChain.Node.Rpc;

/// <summary>Whether a method only reads the node's state or may change what the chain will hold.</summary>
public enum RpcAccess
{
    /// <summary>Served by every node, including read-only audit nodes.</summary>
    Read,

    /// <summary>Submits something towards the chain (a transaction); refused by a read-only node.</summary>
    Write,
}

using DaiChain.Node.Configuration;

namespace DaiChain.Node.LocalNet;

/// <summary>One node of a local devnet: its name, home, mode and addresses.</summary>
public sealed record DevnetNode(string Name, NodeHome Home, NodeMode Mode, string NodeId, int P2PPort, int RpcPort)
{
    public Uri RpcUrl => new($"http://127.0.0.1:{RpcPort}/");

    public string PeerAddress => $"{NodeId}@127.0.0.1:{P2PPort}";
}

namespace DaiChain.Node.Rpc;

/// <summary>How a request reached the server.</summary>
public enum RpcTransport
{
    Http,
    WebSocket,
}

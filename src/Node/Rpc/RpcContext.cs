using System.Net;
using DaiChain.Node.Rpc.WebSockets;

namespace DaiChain.Node.Rpc;

/// <summary>What a handler may know about the call it serves.</summary>
public sealed class RpcContext
{
    internal RpcContext(string correlationId, IPAddress? remoteAddress, RpcTransport transport, bool isNotification, WebSocketSession? session, CancellationToken cancellationToken)
    {
        CorrelationId = correlationId;
        RemoteAddress = remoteAddress;
        Transport = transport;
        IsNotification = isNotification;
        CancellationToken = cancellationToken;
        Session = session;
    }

    /// <summary>The id that this call's log records carry; internal errors quote it to the client.</summary>
    public string CorrelationId { get; }

    public IPAddress? RemoteAddress { get; }

    public RpcTransport Transport { get; }

    /// <summary>True when the request has no id: the result is computed but never sent.</summary>
    public bool IsNotification { get; }

    /// <summary>Cancelled when the method timeout elapses, the client goes away or the server stops. Honour it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The WebSocket connection of the call, for subscriptions; null over HTTP.</summary>
    internal WebSocketSession? Session { get; }
}

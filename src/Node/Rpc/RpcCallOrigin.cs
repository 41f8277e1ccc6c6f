using System.Net;
using DaiChain.Node.Rpc.WebSockets;

namespace DaiChain.Node.Rpc;

/// <summary>Where a body came from: transport, client address, correlation id, and the connection for WebSocket.</summary>
internal readonly record struct RpcCallOrigin(RpcTransport Transport, IPAddress? RemoteAddress, string CorrelationId, WebSocketSession? Session);

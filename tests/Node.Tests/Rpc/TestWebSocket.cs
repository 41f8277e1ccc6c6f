using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace DaiChain.Node.Tests.Rpc;

/// <summary>A client WebSocket that sends and receives whole JSON text messages, each wait bounded.</summary>
public sealed class TestWebSocket(ClientWebSocket socket) : IDisposable
{
    public ClientWebSocket Socket { get; } = socket;

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(RpcTestServer.Patience);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next text message, or null when the server closed the connection.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(RpcTestServer.Patience);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement;
            }
        }
    }

    public async Task<JsonElement> CallAsync(int id, string method, string paramsJson)
    {
        await SendAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""");
        var reply = await ReceiveAsync();
        Assert.NotNull(reply);
        return reply.Value;
    }

    public void Dispose() => Socket.Dispose();
}

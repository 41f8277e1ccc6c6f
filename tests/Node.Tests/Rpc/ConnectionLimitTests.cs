using System.Net.Sockets;
using System.Text;

namespace DaiChain.Node.Tests.Rpc;

public sealed class ConnectionLimitTests
{
    [Fact]
    public async Task Closes_connections_beyond_the_limit_and_keeps_serving_the_others()
    {
        await using var rpc = await RpcTestServer.StartAsync(o => new() { Port = 0, MaxConnections = 2, MaxWebSocketConnections = 1 });
        using var first = await ConnectAsync(rpc);
        using var second = await ConnectAsync(rpc);
        // Kestrel counts a connection once it has accepted it; a request on each proves both were.
        Assert.StartsWith("HTTP/1.1 200", await GetHealthAsync(first), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", await GetHealthAsync(second), StringComparison.Ordinal);

        using var third = await ConnectAsync(rpc);
        using var timeout = new CancellationTokenSource(RpcTestServer.Patience);
        var read = await ReadOrResetAsync(third, timeout.Token);

        Assert.Equal(0, read);
        Assert.StartsWith("HTTP/1.1 200", await GetHealthAsync(first), StringComparison.Ordinal);
    }

    private static async Task<Socket> ConnectAsync(RpcTestServer rpc)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(RpcTestServer.Patience);
        await socket.ConnectAsync(rpc.Server.LocalEndPoint!, timeout.Token);
        return socket;
    }

    private static async Task<string> GetHealthAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(RpcTestServer.Patience);
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"), timeout.Token);
        var buffer = new byte[4096];
        var response = new StringBuilder();
        while (!response.ToString().Contains("\"status\"", StringComparison.Ordinal))
        {
            var count = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(0, count);
            response.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }

        return response.ToString();
    }

    /// <summary>Bytes read before the server closed the connection: 0 for a clean close or a reset.</summary>
    private static async Task<int> ReadOrResetAsync(Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"), cancellationToken);
            return await socket.ReceiveAsync(new byte[4096], cancellationToken);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return 0;
        }
    }
}

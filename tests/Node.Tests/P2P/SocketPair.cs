using System.Net;
using System.Net.Sockets;

namespace DaiChain.Node.Tests.P2P;

/// <summary>Two connected TCP sockets on 127.0.0.1 (an ephemeral port), for tests of one connection.</summary>
public sealed class SocketPair : IDisposable
{
    private SocketPair(Socket dialer, Socket acceptor)
    {
        Dialer = dialer;
        Acceptor = acceptor;
        DialerStream = new NetworkStream(dialer, ownsSocket: false);
        AcceptorStream = new NetworkStream(acceptor, ownsSocket: false);
    }

    public Socket Dialer { get; }

    public Socket Acceptor { get; }

    public NetworkStream DialerStream { get; }

    public NetworkStream AcceptorStream { get; }

    public static async Task<SocketPair> ConnectAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var dialer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accepting = listener.AcceptSocketAsync();
        await dialer.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        var acceptor = await accepting;
        acceptor.NoDelay = true;
        return new SocketPair(dialer, acceptor);
    }

    public void Dispose()
    {
        DialerStream.Dispose();
        AcceptorStream.Dispose();
        Dialer.Dispose();
        Acceptor.Dispose();
    }
}

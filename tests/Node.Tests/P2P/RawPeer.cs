using System.Net;
using System.Net.Sockets;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// A hand-driven client on 127.0.0.1: completes a real handshake with a node and then writes whatever frames a test
/// wants, well-formed or not (a lying transport, not a hook in the switch).
/// </summary>
public sealed class RawPeer : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly FrameReader _reader;

    private RawPeer(Socket socket, NetworkStream stream, FrameReader reader, HandshakeResult handshake)
    {
        _socket = socket;
        _stream = stream;
        _reader = reader;
        Handshake = handshake;
    }

    internal HandshakeResult Handshake { get; }

    public static async Task<RawPeer> ConnectAsync(TestNode target, INodeIdentity identity, IHandshakeCrypto crypto, int socketBufferBytes = 0)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (socketBufferBytes > 0)
        {
            socket.ReceiveBufferSize = socketBufferBytes;
        }

        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target.Switch.ListenEndPoint!.Port));
        var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = new FrameReader(stream);
        var settings = new HandshakeSettings(TestNetwork.ChainId, identity, crypto, target.Id, _ => null);
        var result = await DaiChain.Node.P2P.Handshake.RunAsync(stream, reader, settings, TimeSpan.FromSeconds(5), TimeProvider.System, default);
        return new RawPeer(socket, stream, reader, result);
    }

    /// <summary>Seals <paramref name="plaintext"/> as the next frame and returns the wire bytes without sending them.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext)
    {
        var wire = new byte[FrameCipher.WireLength(plaintext.Length)];
        Handshake.SendCipher.Seal(plaintext, wire);
        return wire;
    }

    public static byte[] MessageFrame(ChannelId channel, ReadOnlySpan<byte> data)
    {
        var frame = new byte[FrameCodec.MessageHeaderBytes + data.Length];
        FrameCodec.WriteMessageHeader(frame, channel, isLast: true);
        data.CopyTo(frame.AsSpan(FrameCodec.MessageHeaderBytes));
        return frame;
    }

    public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Reads and decrypts the next frame from the node.</summary>
    public async Task<byte[]> ReadFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        return (await _reader.ReadFrameAsync(Handshake.ReceiveCipher, FrameCodec.MaxPlaintextBytes, timeout.Token)).ToArray();
    }

    /// <summary>Reads until the node closes the connection; fails the test if it does not within the timeout.</summary>
    public async Task AssertClosedByRemoteAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        try
        {
            while (true)
            {
                await _reader.ReadFrameAsync(Handshake.ReceiveCipher, FrameCodec.MaxPlaintextBytes, timeout.Token);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
        Handshake.SendCipher.Dispose();
        Handshake.ReceiveCipher.Dispose();
    }
}

namespace DaiChain.Node.P2P;

/// <summary>The first byte of every decrypted frame.</summary>
internal enum FrameKind : byte
{
    /// <summary>A fragment of a channel message: channel, flags, data.</summary>
    Message = 0x01,

    /// <summary>Keep-alive request; answered with <see cref="Pong"/>.</summary>
    Ping = 0x02,

    /// <summary>Keep-alive answer.</summary>
    Pong = 0x03,

    /// <summary>Handshake: the sender's node key (only as the first encrypted frame).</summary>
    AuthIdentity = 0x10,

    /// <summary>Handshake: the sender's transcript signature (only as the second encrypted frame).</summary>
    AuthSignature = 0x11,
}

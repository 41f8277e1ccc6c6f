namespace DaiChain.Node.P2P;

/// <summary>Why a handshake did not produce a peer.</summary>
public enum HandshakeFailure
{
    /// <summary>The handshake did not finish within <see cref="P2POptions.HandshakeTimeout"/>.</summary>
    Timeout,

    /// <summary>The remote closed the connection (or the socket failed) during the handshake.</summary>
    ConnectionClosed,

    /// <summary>The first bytes are not a DaiChain hello (wrong magic): not a DaiChain node.</summary>
    NotAPeer,

    /// <summary>The remote speaks another protocol version.</summary>
    VersionMismatch,

    /// <summary>The remote is on another chain.</summary>
    ChainIdMismatch,

    /// <summary>A handshake message is malformed or over its size bound.</summary>
    Malformed,

    /// <summary>An ephemeral or node key is not a valid curve point, or both ephemeral keys are equal.</summary>
    InvalidKey,

    /// <summary>A handshake frame failed authentication (bad MAC): the keys differ or the bytes were changed.</summary>
    DecryptionFailed,

    /// <summary>The remote presented this node's own key: a connection to itself or a reflection.</summary>
    SelfConnection,

    /// <summary>A dialed address answered with a different node key than configured.</summary>
    UnexpectedPeer,

    /// <summary>The remote's node key is not in the node registry.</summary>
    Unauthorized,

    /// <summary>The remote's node key is banned for misbehaviour.</summary>
    Banned,

    /// <summary>The transcript signature is not by the presented node key or not over this transcript.</summary>
    BadSignature,
}

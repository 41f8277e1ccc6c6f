namespace DaiChain.Node.P2P;

/// <summary>An authenticated connection: the remote's proven id and the ciphers of both directions.</summary>
internal sealed record HandshakeResult(PeerId RemoteId, FrameCipher SendCipher, FrameCipher ReceiveCipher);
